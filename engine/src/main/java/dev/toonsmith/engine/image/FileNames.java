package dev.toonsmith.engine.image;

import java.nio.file.Path;

/** How files are named in messages, the same way everywhere in this package. */
final class FileNames {

    private FileNames() {}

    /** The file name alone: paths are long, and the user knows which folder they picked. */
    static String display(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }
}
