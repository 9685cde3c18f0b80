package dev.toonsmith.engine.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file could not be turned into an {@link Image}: it is missing, empty, truncated, corrupt, or not an
 * image format Toonsmith can decode.
 *
 * <p>The message is written for the person who chose the file: it names the file, says what is wrong with
 * it and what to do about it, so the UI can show it as is. {@link #file()} lets callers that handle many
 * files (batch jobs) attribute the failure without parsing the message.
 */
public class ImageFormatException extends IOException {

    private final transient Path file;

    public ImageFormatException(Path file, String message) {
        super(message);
        this.file = Objects.requireNonNull(file, "file");
    }

    public ImageFormatException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file that could not be read, as the caller passed it. */
    public Path file() {
        return file;
    }
}
