package dev.toonsmith.app.studio.export;

import dev.toonsmith.engine.image.OutputFormat;

/** The formats the studio offers for export, a subset of what the engine writes. */
public enum ExportFormat {
    PNG(OutputFormat.PNG, "png", false),
    JPEG(OutputFormat.JPEG, "jpg", true),
    WEBP(OutputFormat.WEBP, "webp", true);

    private final OutputFormat engineFormat;
    private final String extension;
    private final boolean lossy;

    ExportFormat(OutputFormat engineFormat, String extension, boolean lossy) {
        this.engineFormat = engineFormat;
        this.extension = extension;
        this.lossy = lossy;
    }

    public OutputFormat engineFormat() {
        return engineFormat;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether the quality setting applies. */
    public boolean lossy() {
        return lossy;
    }

    /** The studio's format for an engine format, if it offers one. */
    public static java.util.Optional<ExportFormat> of(OutputFormat format) {
        for (ExportFormat f : values()) {
            if (f.engineFormat == format) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return switch (this) {
            case PNG -> "PNG";
            case JPEG -> "JPEG";
            case WEBP -> "WebP";
        };
    }
}
