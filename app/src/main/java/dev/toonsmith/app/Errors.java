package dev.toonsmith.app;

import dev.toonsmith.engine.image.ImageFormatException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an exception into the one line a person reads; the command line and the studio say it alike. */
public final class Errors {

    private Errors() {}

    public static String describe(Throwable e) {
        Throwable t = e;
        // Wrappers add nothing a person can act on.
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.io.UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ImageFormatException image && image.getMessage() != null) {
            // The message names the file as a window shows it; a terminal names its folder too, so that a
            // relative name says where it was looked for.
            String shortName = "Cannot read " + image.file().getFileName() + ":";
            if (image.getMessage().startsWith(shortName)) {
                return "Cannot read " + image.file().toAbsolutePath().normalize() + ":"
                        + image.getMessage().substring(shortName.length());
            }
        }
        if (t instanceof NoSuchFileException missing) {
            // A reason says more, e.g. which presets there are when a preset name was mistyped.
            return missing.getFile() + ": " + (missing.getReason() == null ? "no such file" : missing.getReason());
        }
        if (t instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (t instanceof FileAlreadyExistsException exists && exists.getReason() == null) {
            // E.g. a file where a folder of the path should be.
            return exists.getFile() + ": already exists";
        }
        if (t instanceof NotDirectoryException notFolder && notFolder.getReason() == null) {
            return notFolder.getFile() + ": not a folder";
        }
        if (t instanceof FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() == null ? "cannot be accessed" : fs.getReason());
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory: try a smaller --tile, or give Java more memory with JAVA_OPTS=-Xmx...";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
