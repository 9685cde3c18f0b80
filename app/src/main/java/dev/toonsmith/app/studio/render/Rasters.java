package dev.toonsmith.app.studio.render;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Conversions between engine images and {@link Raster}s, on worker threads. */
public final class Rasters {

    /**
     * The largest edge the studio uploads to the screen. Larger images are shown scaled down to this (and
     * exported at full size): a 12000x9000 photo would take 430 MB per copy and exceed common texture limits.
     */
    public static final int MAX_DISPLAY_EDGE = 8192;

    private Rasters() {}

    /** The image as a raster no larger than {@link #MAX_DISPLAY_EDGE}, remembering the image's own size. */
    public static Raster fromImage(Image image) {
        return fromImage(image, MAX_DISPLAY_EDGE, image.width(), image.height());
    }

    /**
     * The image scaled down to at most {@code maxEdge} as a raster that shows a source of
     * {@code sourceWidth} x {@code sourceHeight} (the image may itself be a preview of it).
     */
    public static Raster fromImage(Image image, int maxEdge, int sourceWidth, int sourceHeight) {
        Image scaled = Math.max(image.width(), image.height()) > maxEdge ? ImageOps.resizeToMaxEdge(image, maxEdge)
                : null;
        Image shown = scaled != null ? scaled : image;
        try {
            Mat eight = shown.mat();
            if (shown.bitDepth() == 16) {
                eight = new Mat();
                shown.mat().convertTo(eight, CvType.CV_8U, 255.0 / 65535.0);
            }
            Mat bgra = new Mat();
            if (eight.channels() == 3) {
                Imgproc.cvtColor(eight, bgra, Imgproc.COLOR_BGR2BGRA);
            } else {
                premultiply(eight, bgra);
            }
            if (eight != shown.mat()) {
                eight.release();
            }
            byte[] bytes = new byte[shown.width() * shown.height() * 4];
            Mat continuous = bgra.isContinuous() ? bgra : bgra.clone();
            continuous.get(0, 0, bytes);
            if (continuous != bgra) {
                continuous.release();
            }
            bgra.release();
            return new Raster(shown.width(), shown.height(), bytes, sourceWidth, sourceHeight);
        } finally {
            if (scaled != null) {
                scaled.close();
            }
        }
    }

    private static void premultiply(Mat bgra8, Mat out) {
        List<Mat> planes = new ArrayList<>(4);
        Core.split(bgra8, planes);
        Mat alpha = planes.get(3);
        for (int i = 0; i < 3; i++) {
            Core.multiply(planes.get(i), alpha, planes.get(i), 1.0 / 255);
        }
        Core.merge(planes, out);
        planes.forEach(Mat::release);
    }

    /** An opaque 8-bit BGR engine image of the raster's pixels (alpha dropped), e.g. to save a screenshot. */
    public static Image toImage(Raster raster) {
        dev.toonsmith.engine.image.OpenCv.load();
        Mat bgra = new Mat(raster.height(), raster.width(), CvType.CV_8UC4);
        bgra.put(0, 0, raster.bgraPremultiplied());
        Mat bgr = new Mat();
        Imgproc.cvtColor(bgra, bgr, Imgproc.COLOR_BGRA2BGR);
        bgra.release();
        return Image.wrap(bgr);
    }

    /**
     * A PNG's pixels as a raster, e.g. a style's own thumbnail.
     *
     * @throws IllegalArgumentException if the bytes are not a decodable image
     */
    public static Raster fromPng(byte[] png) {
        dev.toonsmith.engine.image.OpenCv.load();
        org.opencv.core.MatOfByte encoded = new org.opencv.core.MatOfByte(png);
        Mat decoded = org.opencv.imgcodecs.Imgcodecs.imdecode(encoded, org.opencv.imgcodecs.Imgcodecs.IMREAD_COLOR);
        encoded.release();
        if (decoded.empty()) {
            throw new IllegalArgumentException("not a decodable image");
        }
        try (Image image = Image.wrap(decoded)) {
            return fromImage(image);
        }
    }
}
