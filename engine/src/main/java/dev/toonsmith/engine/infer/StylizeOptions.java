package dev.toonsmith.engine.infer;

/**
 * How one image is stylized.
 *
 * @param strength how much of the style to show, from 0 (the photo's own pixels, exactly) to 1 (the
 *     generator's output alone); values between blend the two
 * @param maxEdge 0 for full resolution; otherwise the image is first scaled down so that its longer edge is
 *     at most this many pixels, for fast previews
 * @param tileSize 0 to choose tiles automatically from a memory budget; otherwise the largest tile edge in
 *     pixels (raised to the architecture's minimum where needed)
 * @param workingEdge the longest edge the generator runs at: {@link #STYLE_WORKING_EDGE} for the style's own
 *     ({@link dev.toonsmith.engine.style.StyleManifest#workingEdge()}), 0 for the photo's full resolution
 *     (finer outlines and flat areas, smaller relative to the picture), or a number of pixels. Larger photos
 *     are stylized at that size and upsampled edge-aware to their own size.
 */
public record StylizeOptions(double strength, int maxEdge, int tileSize, int workingEdge) {

    /**
     * Bytes of native memory inference may take at once when the tile size is automatic. With the process's
     * own baseline and a 108-megapixel photo's input and output buffers, this keeps a 12000x9000 export under
     * 3 GB. The largest picture Toonsmith decodes by default is derived from it
     * ({@link dev.toonsmith.engine.image.ImageLimits#DEFAULT}).
     */
    public static final long DEFAULT_MEMORY_BUDGET = 1_400L << 20;

    /** {@link #workingEdge()}: the style's own. */
    public static final int STYLE_WORKING_EDGE = -1;

    public StylizeOptions {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be between 0 and 1, got " + strength);
        }
        if (maxEdge < 0) {
            throw new IllegalArgumentException("maxEdge must be 0 (full size) or positive, got " + maxEdge);
        }
        if (tileSize < 0) {
            throw new IllegalArgumentException("tileSize must be 0 (automatic) or positive, got " + tileSize);
        }
        if (workingEdge < STYLE_WORKING_EDGE) {
            throw new IllegalArgumentException("workingEdge must be 0 (full resolution), positive, or "
                    + STYLE_WORKING_EDGE + " (the style's own), got " + workingEdge);
        }
    }

    /** Full strength, full-size output, automatic tiles, the style's working edge. */
    public static StylizeOptions defaults() {
        return new StylizeOptions(1.0, 0, 0, STYLE_WORKING_EDGE);
    }

    public StylizeOptions withStrength(double value) {
        return new StylizeOptions(value, maxEdge, tileSize, workingEdge);
    }

    public StylizeOptions withMaxEdge(int value) {
        return new StylizeOptions(strength, value, tileSize, workingEdge);
    }

    public StylizeOptions withTileSize(int value) {
        return new StylizeOptions(strength, maxEdge, value, workingEdge);
    }

    public StylizeOptions withWorkingEdge(int value) {
        return new StylizeOptions(strength, maxEdge, tileSize, value);
    }
}
