package dev.toonsmith.engine.infer;

import org.opencv.core.Rect;

/** An axis-aligned rectangle of pixels: {@code [x, x + width) x [y, y + height)}. */
record Region(int x, int y, int width, int height) {

    int right() {
        return x + width;
    }

    int bottom() {
        return y + height;
    }

    /** This region in the coordinates of {@code outer}'s top-left corner. */
    Region relativeTo(Region outer) {
        return new Region(x - outer.x, y - outer.y, width, height);
    }

    Rect toRect() {
        return new Rect(x, y, width, height);
    }

    /** Grows by {@code left/top/right/bottom} pixels, clipped to {@code [0, maxWidth) x [0, maxHeight)}. */
    Region grow(int by, int maxWidth, int maxHeight) {
        int x0 = Math.max(0, x - by);
        int y0 = Math.max(0, y - by);
        int x1 = Math.min(maxWidth, right() + by);
        int y1 = Math.min(maxHeight, bottom() + by);
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }
}
