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
 */
public record StylizeOptions(double strength, int maxEdge, int tileSize) {

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
    }

    /** Full strength, full resolution, automatic tiles. */
    public static StylizeOptions defaults() {
        return new StylizeOptions(1.0, 0, 0);
    }

    public StylizeOptions withStrength(double value) {
        return new StylizeOptions(value, maxEdge, tileSize);
    }

    public StylizeOptions withMaxEdge(int value) {
        return new StylizeOptions(strength, value, tileSize);
    }

    public StylizeOptions withTileSize(int value) {
        return new StylizeOptions(strength, maxEdge, value);
    }
}
