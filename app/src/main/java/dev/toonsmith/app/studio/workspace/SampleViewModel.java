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

    /** How people call the sample: "Grace Hopper" for {@code grace-hopper.jpg}. */
    public String title() {
        return title(file);
    }

    /** The title of a sample photo's file: its name without extension, dashes as spaces, each word capitalised. */
    public static String title(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        StringBuilder title = new StringBuilder();
        for (String word : (dot > 0 ? name.substring(0, dot) : name).split("[-_ ]+")) {
            if (!word.isEmpty()) {
                title.append(title.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return title.length() == 0 ? name : title.toString();
    }

    public ObjectProperty<Raster> thumbnailProperty() {
        return thumbnail;
    }
}
