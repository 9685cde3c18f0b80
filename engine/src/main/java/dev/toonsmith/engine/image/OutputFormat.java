package dev.toonsmith.engine.image;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The file formats Toonsmith writes, chosen by the output file's extension, and what each can hold.
 *
 * <p>What a format can hold decides what {@link ImageWriter} must give up when saving: 16-bit images
 * become 8-bit for formats limited to 8 bits, and alpha is flattened onto white for formats without it.
 */
public enum OutputFormat {
    PNG(true, true, "png"),
    JPEG(false, false, "jpg", "jpeg"),
    WEBP(false, true, "webp"),
    BMP(false, false, "bmp"),
    TIFF(true, true, "tif", "tiff");

    private final boolean holds16Bit;
    private final boolean holdsAlpha;
    private final List<String> extensions;

    OutputFormat(boolean holds16Bit, boolean holdsAlpha, String... extensions) {
        this.holds16Bit = holds16Bit;
        this.holdsAlpha = holdsAlpha;
        this.extensions = List.of(extensions);
    }

    /** Whether the format stores 16 bits per channel; if not, images are saved as 8-bit. */
    public boolean holds16Bit() {
        return holds16Bit;
    }

    /** Whether the format stores transparency; if not, transparent areas are saved as white. */
    public boolean holdsAlpha() {
        return holdsAlpha;
    }

    /** Lower-case extensions without the dot, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format a file name's extension asks for (case-insensitive), or empty if not a known one. */
    public static Optional<OutputFormat> forPath(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String fileName = name.toString();
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }

    /** For messages: ".png, .jpg, .jpeg, ...". */
    public static String supportedExtensions() {
        return Arrays.stream(values())
                .flatMap(f -> f.extensions.stream())
                .map(e -> "." + e)
                .collect(Collectors.joining(", "));
    }
}
