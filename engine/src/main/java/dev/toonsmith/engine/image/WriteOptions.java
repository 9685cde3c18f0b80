package dev.toonsmith.engine.image;

/**
 * How {@link ImageWriter} encodes an image. The format itself comes from the target's extension, so that
 * the file name the user typed and the bytes on disk always agree.
 *
 * @param quality 1 to 100, for the lossy formats (JPEG and WebP); ignored by the others
 */
public record WriteOptions(int quality) {

    /** High enough that compression artefacts do not show on flat cartoon colours and crisp outlines. */
    public static final int DEFAULT_QUALITY = 95;

    public WriteOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1 to 100, got " + quality);
        }
    }

    public static WriteOptions defaults() {
        return new WriteOptions(DEFAULT_QUALITY);
    }
}
