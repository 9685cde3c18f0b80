package dev.toonsmith.app.studio.canvas;

import dev.toonsmith.app.studio.render.Raster;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Shows one raster zoomed and panned as its {@link ViewportModel} says; the wheel and pinch zoom under the
 * pointer, dragging pans, a double click switches between fit and 100 %. Two canvases on one model move
 * together.
 *
 * <p>Positions are snapped to whole screen pixels with the window's output scale, and 100 % is one source
 * pixel per screen pixel, so a full-resolution raster at 100 % is pixel-exact on HiDPI screens too.
 */
public final class ImageCanvas extends Region {

    private final ViewportModel viewport;
    private final ImageView view = new ImageView();
    private final ObjectProperty<Raster> raster = new SimpleObjectProperty<>(this, "raster");
    private final Rectangle clip = new Rectangle();
    private double clipLeft;
    private WritableImage image;
    private Point2D dragFrom;

    public ImageCanvas(ViewportModel viewport) {
        this.viewport = viewport;
        getStyleClass().add("image-canvas");
        view.setPreserveRatio(false);
        view.setManaged(false);
        getChildren().add(view);
        setClip(clip);
        setMinSize(0, 0);

        raster.addListener((obs, was, now) -> {
            if (now == null) {
                view.setImage(null);
                image = null;
            } else {
                image = FxImages.toFx(now, image);
                view.setImage(image);
            }
            requestLayout();
        });
        viewport.zoomProperty().addListener(o -> requestLayout());
        viewport.centerXProperty().addListener(o -> requestLayout());
        viewport.centerYProperty().addListener(o -> requestLayout());
        viewport.fitProperty().addListener(o -> requestLayout());

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            Point2D anchor = sourceFraction(e.getX(), e.getY());
            viewport.zoomBy(e.getZoomFactor(), anchor.getX(), anchor.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragFrom = new Point2D(e.getX(), e.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragFrom = null);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                if (viewport.fitProperty().get()) {
                    viewport.actualPixels();
                } else {
                    viewport.fit();
                }
            }
        });
    }

    /** The raster shown; a preview raster is stretched to its source's size so it lines up with the original. */
    public ObjectProperty<Raster> rasterProperty() {
        return raster;
    }

    /** Hides everything left of {@code x}, for the split view's right half. */
    public void setClipLeft(double x) {
        clipLeft = x;
        clip.setX(x);
        clip.setWidth(Math.max(0, getWidth() - x));
    }

    /** The displayed image's width in layout units, for tests and the zoom label. */
    public double displayedWidth() {
        return view.getFitWidth();
    }

    /** The displayed image's left edge in layout units. */
    public double displayedX() {
        return view.getLayoutX();
    }

    private void onScroll(ScrollEvent e) {
        if (raster.get() == null || e.getDeltaY() == 0) {
            return;
        }
        double notches = e.getDeltaY() / 40.0;
        Point2D anchor = sourceFraction(e.getX(), e.getY());
        viewport.zoomBy(Math.pow(ViewportModel.STEP, notches), anchor.getX(), anchor.getY());
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        Raster r = raster.get();
        if (dragFrom == null || r == null) {
            return;
        }
        double dx = e.getX() - dragFrom.getX();
        double dy = e.getY() - dragFrom.getY();
        dragFrom = new Point2D(e.getX(), e.getY());
        viewport.panBy(-dx / displayWidth(r), -dy / displayHeight(r));
        e.consume();
    }

    /** A point of this canvas as fractions of the source image. */
    private Point2D sourceFraction(double x, double y) {
        Raster r = raster.get();
        if (r == null) {
            return new Point2D(0.5, 0.5);
        }
        double fx = viewport.centerXProperty().get() + (x - getWidth() / 2) / displayWidth(r);
        double fy = viewport.centerYProperty().get() + (y - getHeight() / 2) / displayHeight(r);
        return new Point2D(Math.max(0, Math.min(1, fx)), Math.max(0, Math.min(1, fy)));
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
    }

    private double displayWidth(Raster r) {
        return r.sourceWidth() * viewport.zoom() / outputScale();
    }

    private double displayHeight(Raster r) {
        return r.sourceHeight() * viewport.zoom() / outputScale();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        clip.setX(clipLeft);
        clip.setWidth(Math.max(0, w - clipLeft));
        clip.setHeight(h);
        Raster r = raster.get();
        if (r == null) {
            return;
        }
        double scale = outputScale();
        viewport.applyFit(w, h, r.sourceWidth(), r.sourceHeight(), scale);
        double dw = displayWidth(r);
        double dh = displayHeight(r);
        double x = w / 2 - viewport.centerXProperty().get() * dw;
        double y = h / 2 - viewport.centerYProperty().get() * dh;
        // Whole screen pixels: at 100 % every photo pixel then lands on exactly one screen pixel.
        view.setLayoutX(Math.round(x * scale) / scale);
        view.setLayoutY(Math.round(y * scale) / scale);
        view.setFitWidth(Math.round(dw * scale) / scale);
        view.setFitHeight(Math.round(dh * scale) / scale);
        // Smooth when scaling down or blending a preview up; nearest neighbour when pixel-peeping.
        view.setSmooth(viewport.zoom() < 2 || !r.fullResolution());
    }
}
