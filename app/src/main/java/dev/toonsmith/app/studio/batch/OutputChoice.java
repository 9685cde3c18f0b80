package dev.toonsmith.app.studio.batch;

import dev.toonsmith.engine.image.OutputFormat;
import java.util.Locale;

/** The formats the Batch page offers: each source's own, or one for all. */
public enum OutputChoice {
    SOURCE(null),
    PNG(OutputFormat.PNG),
    JPG(OutputFormat.JPEG),
    WEBP(OutputFormat.WEBP);

    private final OutputFormat format;

    OutputChoice(OutputFormat format) {
        this.format = format;
    }

    /** The engine's format; null keeps each source's own. */
    public OutputFormat format() {
        return format;
    }

    /** Whether a quality setting changes the output; PNG is lossless, and a source's format may be lossy. */
    public boolean lossy() {
        return this != PNG;
    }

    public String textKey() {
        return "batch.format." + name().toLowerCase(Locale.ROOT);
    }
}
