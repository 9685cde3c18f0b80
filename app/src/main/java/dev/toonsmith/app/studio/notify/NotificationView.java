package dev.toonsmith.app.studio.notify;

import javafx.scene.Node;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Shows the workspace's notification as a bar sliding over the top of the pictures (ControlsFX), so a
 * problem is seen where the user is looking and the window stays usable; the bar closes with its x.
 */
public final class NotificationView extends NotificationPane {

    public NotificationView(NotificationsViewModel notifications, Node content) {
        super(content);
        setId("notifications");
        getStyleClass().add("studio-notifications");
        setShowFromTop(true);
        setCloseButtonVisible(true);
        textProperty().bind(notifications.messageProperty());
        notifications.severityProperty().addListener((obs, was, now) -> updateGraphic(now));
        updateGraphic(notifications.severityProperty().get());
        notifications.showingProperty().addListener((obs, was, now) -> {
            if (now) {
                show();
            } else {
                hide();
            }
        });
        // Closing the bar by its button tells the model, so the next message shows again.
        setOnHidden(e -> notifications.dismiss());
    }

    private void updateGraphic(Severity severity) {
        FontIcon icon = new FontIcon(severity == Severity.ERROR ? Material2AL.ERROR_OUTLINE : Material2AL.INFO);
        icon.getStyleClass().add(severity == Severity.ERROR ? "notification-error-icon" : "notification-info-icon");
        setGraphic(icon);
        getStyleClass().removeAll("error", "info");
        getStyleClass().add(severity == Severity.ERROR ? "error" : "info");
    }
}
