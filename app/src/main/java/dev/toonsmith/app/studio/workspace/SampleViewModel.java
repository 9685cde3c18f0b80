package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.studio.render.Raster;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One photo of the Samples strip. */
public final class SampleViewModel {

    private final Path file;
    private final ObjectProperty<Raster> thumbnail = new SimpleObjectProperty<>(this, "thumbnail");

    SampleViewModel(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The file name without extension, e.g. "grace-hopper". */
    public String name() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public ObjectProperty<Raster> thumbnailProperty() {
        return thumbnail;
    }
}
