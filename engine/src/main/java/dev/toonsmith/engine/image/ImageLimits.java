package dev.toonsmith.engine.image;

import dev.toonsmith.engine.infer.StylizeOptions;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest picture Toonsmith decodes, in pixels. A few megabytes of PNG or WebP can claim 30000x30000
 * pixels (900 megapixels of one colour compress to nothing), and decoding them blindly took 24 GB and the
 * machine with it; {@link ImageReader} reads the size from the file's header and refuses such a file before
 * decoding it, as Pillow ({@code MAX_IMAGE_PIXELS}), browsers and libvips do.
 *
 * <p>The default is what fits the renderer's memory budget ({@link StylizeOptions#DEFAULT_MEMORY_BUDGET})
 * decoded in the largest layout an {@link Image} holds (16-bit BGRA, 8 bytes a pixel): 1400 MiB / 8, about
 * 183 megapixels, so a 12000x9000 scan (108 MP) opens and a 30000x30000 one is refused. A user who really
 * wants a larger picture raises it ({@code --max-pixels}, the studio's {@code maxPixels} setting); the tiler
 * keeps inference bounded whatever the size, and the full-size buffers grow with the pixels (README,
 * "Large pictures").
 *
 * @param maxPixels the most pixels a decoded picture may have, between 1 and {@link #CEILING}
 */
public record ImageLimits(long maxPixels) {

    /** Bytes a pixel takes in the largest layout an {@link Image} holds: four 16-bit channels. */
    public static final int BYTES_PER_DECODED_PIXEL = 8;

    /** The default most pixels: the renderer's memory budget, decoded at 8 bytes a pixel (about 183 MP). */
    public static final long DEFAULT_MAX_PIXELS = StylizeOptions.DEFAULT_MEMORY_BUDGET / BYTES_PER_DECODED_PIXEL;

    /**
     * The most any limit may allow: OpenCV's own decoders refuse more than 2^30 pixels (its
     * {@code OPENCV_IO_MAX_IMAGE_PIXELS}), so a higher limit would only trade this message for a worse one.
     */
    public static final long CEILING = 1L << 30;

    public static final ImageLimits DEFAULT = new ImageLimits(DEFAULT_MAX_PIXELS);

    public ImageLimits {
        if (maxPixels < 1 || maxPixels > CEILING) {
            throw new IllegalArgumentException(problem(maxPixels));
        }
    }

    /**
     * The limit a setting asks for: 0 for the default, otherwise a number of pixels.
     *
     * @throws IllegalArgumentException with {@link #problem} for a value out of range
     */
    public static ImageLimits of(long maxPixels) {
        return maxPixels == 0 ? DEFAULT : new ImageLimits(maxPixels);
    }

    /** What is wrong with {@code maxPixels} as a limit, in words that follow the setting's name; null if nothing. */
    public static String problem(long maxPixels) {
        if (maxPixels >= 0 && maxPixels <= CEILING) {
            return null;
        }
        return "must be 0 (the default, " + megapixels(DEFAULT_MAX_PIXELS) + ") or a number of pixels up to "
                + CEILING + " (" + megapixels(CEILING) + ", the most OpenCV decodes), not " + maxPixels + ".";
    }

    /** Whether a picture of {@code width x height} may be decoded at full size. */
    public boolean allows(long width, long height) {
        // Each side at most 2^30 first, so that the product cannot overflow.
        return width <= maxPixels && height <= maxPixels && width * height <= maxPixels;
    }

    /**
     * Refuses a picture of {@code width x height} that is over the limit.
     *
     * @param reducible whether the file could be decoded at a fraction of its size ({@code --max-edge}), to say so
     * @throws ImageTooLargeException naming the file, its size, the limit and what to do
     */
    public void check(Path file, long width, long height, boolean reducible) throws ImageTooLargeException {
        if (!allows(width, height)) {
            throw tooLarge(file, width, height, reducible);
        }
    }

    ImageTooLargeException tooLarge(Path file, long width, long height, boolean reducible) {
        String smaller = reducible ? " or ask for a smaller output (--max-edge)," : "";
        return new ImageTooLargeException(file, width, height, maxPixels, "Cannot read " + FileNames.display(file)
                + ": it is " + width + "x" + height + " pixels (" + megapixels((double) width * height) + "); Toonsmith decodes"
                + " at most " + megapixels(maxPixels) + " with the current memory budget. Downscale it first,"
                + smaller + " or raise the limit (--max-pixels of stylize and batch; in the studio, maxPixels in"
                + " studio-settings.json).");
    }

    /** {@code 900 MP}, {@code 183 MP}, {@code 0.3 MP}, {@code 10000 pixels}: as precise as the size needs. */
    static String megapixels(double pixels) {
        double mp = pixels / 1e6;
        if (mp >= 10) {
            return String.format(Locale.ROOT, "%d MP", Math.round(Math.floor(mp)));
        }
        return mp >= 0.1 ? String.format(Locale.ROOT, "%.1f MP", mp)
                : String.format(Locale.ROOT, "%d pixels", Math.round(pixels));
    }
}
