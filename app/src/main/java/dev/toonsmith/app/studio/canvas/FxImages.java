package dev.toonsmith.app.studio.canvas;

import dev.toonsmith.app.studio.render.Raster;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Rasters to JavaFX images and back: byte copies in the layout JavaFX keeps natively. FX thread only. */
public final class FxImages {

    private FxImages() {}

    /**
     * The raster as a JavaFX image, written into {@code reuse} when it has the same size (a slider move
     * then costs one copy and no new texture).
     */
    public static WritableImage toFx(Raster raster, WritableImage reuse) {
        WritableImage image = reuse != null && (int) reuse.getWidth() == raster.width()
                && (int) reuse.getHeight() == raster.height() ? reuse : new WritableImage(raster.width(), raster.height());
        image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getByteBgraPreInstance(),
                raster.bgraPremultiplied(), 0, raster.width() * 4);
        return image;
    }

    /** A JavaFX image's pixels as a raster, e.g. a scene snapshot to save as a screenshot. */
    public static Raster toRaster(javafx.scene.image.Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        byte[] bytes = new byte[w * h * 4];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), bytes, 0, w * 4);
        return new Raster(w, h, bytes, w, h);
    }
}
