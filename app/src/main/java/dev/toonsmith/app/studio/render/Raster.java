package dev.toonsmith.app.studio.render;

import java.util.Objects;

/**
 * Pixels ready for the screen: 8-bit premultiplied BGRA, row by row, which is the layout JavaFX uploads
 * without converting ({@code PixelFormat.getByteBgraPreInstance()}).
 *
 * <p>Made on a worker thread from an engine image, so that the UI thread only copies bytes. Plain Java:
 * ViewModels hold rasters and are tested without the JavaFX toolkit. Treat the array as read-only.
 *
 * @param sourceWidth the width of the image this raster shows, which is larger than {@code width} when the
 *     raster is a preview of it; zoom and pan are expressed in source pixels so that a preview and the full
 *     image line up
 */
public record Raster(int width, int height, byte[] bgraPremultiplied, int sourceWidth, int sourceHeight) {

    public Raster {
        Objects.requireNonNull(bgraPremultiplied, "bgraPremultiplied");
        if (width < 1 || height < 1 || sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException("a raster needs at least one pixel");
        }
        if (bgraPremultiplied.length != width * height * 4) {
            throw new IllegalArgumentException("a " + width + "x" + height + " raster needs "
                    + (width * height * 4) + " bytes, got " + bgraPremultiplied.length);
        }
    }

    /** Whether this shows the source at its full resolution. */
    public boolean fullResolution() {
        return width == sourceWidth && height == sourceHeight;
    }

    /** The premultiplied BGRA of one pixel, for tests and probes. */
    public int argbAt(int x, int y) {
        int i = (y * width + x) * 4;
        int b = bgraPremultiplied[i] & 0xff;
        int g = bgraPremultiplied[i + 1] & 0xff;
        int r = bgraPremultiplied[i + 2] & 0xff;
        int a = bgraPremultiplied[i + 3] & 0xff;
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    @Override
    public String toString() {
        return "Raster[" + width + "x" + height + " of " + sourceWidth + "x" + sourceHeight + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
