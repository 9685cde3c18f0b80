package dev.toonsmith.engine.imported;

import java.io.IOException;
import java.nio.file.Path;

/** A model that cannot be imported, with the file named and what is wrong, as one sentence for the user. */
public final class ModelImportException extends IOException {

    private final transient Path file;

    public ModelImportException(Path file, String problem) {
        super("Cannot import " + file.getFileName() + ": it " + problem + ".");
        this.file = file;
    }

    public ModelImportException(Path file, String problem, Throwable cause) {
        super("Cannot import " + file.getFileName() + ": it " + problem + ".", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
