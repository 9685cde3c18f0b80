package dev.toonsmith.app.studio.notify;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one notification the workspace shows at a time, newest wins. Errors are also written to the log with
 * their stack trace, so the notification can stay one readable sentence.
 */
public final class NotificationsViewModel {

    private static final Logger log = LoggerFactory.getLogger(NotificationsViewModel.class);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>(this, "severity", Severity.INFO);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final String detailsHint;

    /** @param detailsHint appended to error messages that have details in the log, e.g. where the log is */
    public NotificationsViewModel(String detailsHint) {
        this.detailsHint = Objects.requireNonNull(detailsHint, "detailsHint");
    }

    public void info(String text) {
        show(Severity.INFO, text);
    }

    /** Shows a message that already says what is wrong and what to do (the engine's messages do). */
    public void error(String text, Throwable cause) {
        log.error(text, cause);
        show(Severity.ERROR, text);
    }

    /** Shows an unexpected failure: a sentence for the user, and where the details are. */
    public void unexpected(String text, Throwable cause) {
        log.error(text, cause);
        show(Severity.ERROR, text + " " + detailsHint);
    }

    private void show(Severity kind, String text) {
        severity.set(kind);
        message.set(text);
        showing.set(true);
    }

    public void dismiss() {
        showing.set(false);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }
}
