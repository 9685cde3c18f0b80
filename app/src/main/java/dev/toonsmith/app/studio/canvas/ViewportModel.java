package dev.toonsmith.app.studio.canvas;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Zoom and pan shared by the before and after canvases: both bind to one model, so they cannot drift apart.
 *
 * <p>Zoom is in screen (device) pixels per source pixel, so 1 is "100 %": one photo pixel on one screen
 * pixel, also on a HiDPI screen. The centre is a fraction of the source's width and height, so the original
 * and a preview of a different resolution line up. Plain properties: tested without the JavaFX toolkit.
 */
public final class ViewportModel {

    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 32;
    /** One wheel notch or menu step. */
    public static final double STEP = 1.25;
    /** Fit enlarges a small photo at most this much, beyond which it only looks blurred. */
    public static final double MAX_FIT_ENLARGEMENT = 4;

    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty centerX = new SimpleDoubleProperty(this, "centerX", 0.5);
    private final DoubleProperty centerY = new SimpleDoubleProperty(this, "centerY", 0.5);
    private final BooleanProperty fit = new SimpleBooleanProperty(this, "fit", true);

    /** Fits the whole image in the view; the canvases keep the zoom fitted as the window resizes. */
    public void fit() {
        fit.set(true);
        centerX.set(0.5);
        centerY.set(0.5);
    }

    /** 100 %: one source pixel per screen pixel, keeping the centre. */
    public void actualPixels() {
        fit.set(false);
        zoom.set(1);
    }

    public void zoomIn() {
        zoomBy(STEP, centerX.get(), centerY.get());
    }

    public void zoomOut() {
        zoomBy(1 / STEP, centerX.get(), centerY.get());
    }

    /**
     * Zooms by {@code factor} keeping the source point at ({@code anchorX}, {@code anchorY}) (fractions of
     * the source) where it is on screen, as wheel and pinch zoom under the pointer do.
     */
    public void zoomBy(double factor, double anchorX, double anchorY) {
        double old = zoom.get();
        double next = clamp(old * factor, MIN_ZOOM, MAX_ZOOM);
        fit.set(false);
        if (next == old) {
            return;
        }
        // The anchor keeps its offset from the centre in screen pixels: offset_screen = (anchor - c) * size * zoom.
        double ratio = old / next;
        centerX.set(anchorX - (anchorX - centerX.get()) * ratio);
        centerY.set(anchorY - (anchorY - centerY.get()) * ratio);
        zoom.set(next);
    }

    /** Moves the view by a distance given in fractions of the source. */
    public void panBy(double dx, double dy) {
        fit.set(false);
        centerX.set(clamp(centerX.get() + dx, 0, 1));
        centerY.set(clamp(centerY.get() + dy, 0, 1));
    }

    /**
     * Sets the zoom that fits a source of the given size into a view of the given size (in layout units,
     * with {@code outputScale} screen pixels per unit), without leaving fit mode. Small photos are enlarged
     * to fill the view, but at most {@value #MAX_FIT_ENLARGEMENT} times.
     */
    public void applyFit(double viewWidth, double viewHeight, int sourceWidth, int sourceHeight, double outputScale) {
        if (!fit.get() || viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        double z = Math.min(viewWidth * outputScale / sourceWidth, viewHeight * outputScale / sourceHeight);
        zoom.set(clamp(Math.min(z, MAX_FIT_ENLARGEMENT), MIN_ZOOM, MAX_ZOOM));
        centerX.set(0.5);
        centerY.set(0.5);
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double zoom() {
        return zoom.get();
    }

    public DoubleProperty centerXProperty() {
        return centerX;
    }

    public DoubleProperty centerYProperty() {
        return centerY;
    }

    public BooleanProperty fitProperty() {
        return fit;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
