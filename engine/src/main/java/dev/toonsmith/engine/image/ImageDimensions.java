package dev.toonsmith.engine.image;

/**
 * The size an image comes out at when {@link ImageReader#read} decodes it: upright, so a portrait phone photo
 * stored sideways with an EXIF orientation tag is taller than wide here too.
 *
 * @param width pixels across
 * @param height pixels down
 */
public record ImageDimensions(int width, int height) {

    public ImageDimensions {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image has at least one pixel a side, got " + width + "x" + height);
        }
    }

    /** The shorter side, what a training crop is limited by. */
    public int shortSide() {
        return Math.min(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
