package dev.toonsmith.engine.bench;

import java.util.Locale;

/** A benchmark image size: {@code 512} for a square, or {@code 12000x9000}. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width < 8 || height < 8 || width > 30000 || height > 30000) {
            throw new IllegalArgumentException("image sizes must be 8 to 30000 pixels a side, got " + width + "x" + height);
        }
    }

    /** Parses {@code N} or {@code WxH}. */
    public static ImageSize parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            int x = t.indexOf('x');
            if (x < 0) {
                int side = Integer.parseInt(t);
                return new ImageSize(side, side);
            }
            return new ImageSize(Integer.parseInt(t.substring(0, x)), Integer.parseInt(t.substring(x + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an image size: '" + text + "' (use 512 or 12000x9000)", e);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
