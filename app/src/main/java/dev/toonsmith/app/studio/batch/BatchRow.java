package dev.toonsmith.app.studio.batch;

import dev.toonsmith.app.studio.render.Raster;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** One input of the batch queue as the table shows it. Changed on the UI thread only. */
public final class BatchRow {

    private final Path source;
    private final String name;
    private final ObjectProperty<Raster> thumbnail = new SimpleObjectProperty<>(this, "thumbnail");
    private final ReadOnlyObjectWrapper<RowStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            RowStatus.WAITING);
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyObjectWrapper<Path> output = new ReadOnlyObjectWrapper<>(this, "output");

    /**
     * @param source the input file, absolute and normalized: the key the engine's events are matched by
     * @param name what the table shows, relative to the folder it was found in
     */
    public BatchRow(Path source, String name) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = Objects.requireNonNull(name, "name");
    }

    void update(RowStatus now, String timeText, String why, Path written) {
        status.set(now);
        time.set(timeText);
        reason.set(why == null ? "" : why);
        output.set(written);
    }

    public Path source() {
        return source;
    }

    public String name() {
        return name;
    }

    public RowStatus status() {
        return status.get();
    }

    public String reason() {
        return reason.get();
    }

    public ObjectProperty<Raster> thumbnailProperty() {
        return thumbnail;
    }

    public ReadOnlyObjectProperty<RowStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The file written (or found, when skipped); null before that. */
    public ReadOnlyObjectProperty<Path> outputProperty() {
        return output.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return name + " " + status.get() + (reason.get().isEmpty() ? "" : ": " + reason.get());
    }
}
