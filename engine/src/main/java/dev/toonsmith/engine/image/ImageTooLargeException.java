package dev.toonsmith.engine.image;

import java.nio.file.Path;

/**
 * A picture has more pixels than {@link ImageLimits} allow: refused from its header, before anything was
 * decoded. The message says so in the user's words; the sizes are here for callers that act on them.
 */
public final class ImageTooLargeException extends ImageFormatException {

    private final long width;
    private final long height;
    private final long maxPixels;

    ImageTooLargeException(Path file, long width, long height, long maxPixels, String message) {
        super(file, message);
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    /** The width the file's header states, in pixels. */
    public long width() {
        return width;
    }

    /** The height the file's header states, in pixels. */
    public long height() {
        return height;
    }

    /** The limit it was refused by. */
    public long maxPixels() {
        return maxPixels;
    }
}
