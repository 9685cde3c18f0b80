package dev.toonsmith.engine.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Pixel operations the engine needs around its models, all keeping the image's bit depth.
 *
 * <p>Style models see only colour, so transparency is taken off before a model runs and put back on its
 * result ({@link #splitAlpha}, {@link #mergeAlpha}); that way a cut-out subject stays cut out, with its
 * exact original edges. {@link #resizeToMaxEdge} bounds the work a model does on large photos.
 *
 * <p>Every method returns new images or matrices that the caller owns; inputs are never modified.
 */
public final class ImageOps {

    private ImageOps() {}

    /**
     * An image taken apart into its colour and its alpha. Closing it frees both.
     *
     * @param colour the BGR pixels, at the source's bit depth
     * @param alpha a single-channel matrix at the source's bit depth, or {@code null} if the source had
     *     no alpha
     */
    public record AlphaSplit(Image colour, Mat alpha) implements AutoCloseable {

        public AlphaSplit {
            Objects.requireNonNull(colour, "colour");
        }

        public boolean hasAlpha() {
            return alpha != null;
        }

        @Override
        public void close() {
            colour.close();
            if (alpha != null) {
                alpha.release();
            }
        }
    }

    /** Separates colour from alpha. For an image without alpha, the colour is a copy and alpha is null. */
    public static AlphaSplit splitAlpha(Image image) {
        Objects.requireNonNull(image, "image");
        if (!image.hasAlpha()) {
            return new AlphaSplit(image.copy(), null);
        }
        List<Mat> planes = new ArrayList<>(4);
        Core.split(image.mat(), planes);
        Mat bgr = new Mat();
        Core.merge(planes.subList(0, 3), bgr);
        for (int i = 0; i < 3; i++) {
            planes.get(i).release();
        }
        return new AlphaSplit(Image.wrap(bgr), planes.get(3));
    }

    /**
     * Puts an alpha channel on a BGR image: the inverse of {@link #splitAlpha}. The result has the colour's
     * bit depth; an alpha of the other depth is rescaled to it (so that a model that returns 8-bit colour
     * can still get a 16-bit source's alpha back). A null alpha gives a copy of the colour.
     *
     * @throws IllegalArgumentException if the colour already has alpha, or the alpha is not a single
     *     8- or 16-bit channel of the colour's size
     */
    public static Image mergeAlpha(Image colour, Mat alpha) {
        Objects.requireNonNull(colour, "colour");
        if (colour.hasAlpha()) {
            throw new IllegalArgumentException("colour already has alpha: " + colour);
        }
        if (alpha == null) {
            return colour.copy();
        }
        int alphaDepth = CvType.depth(alpha.type());
        if (alpha.channels() != 1 || (alphaDepth != CvType.CV_8U && alphaDepth != CvType.CV_16U)) {
            throw new IllegalArgumentException(
                    "alpha must be one 8- or 16-bit channel, got " + CvType.typeToString(alpha.type()));
        }
        if (alpha.cols() != colour.width() || alpha.rows() != colour.height()) {
            throw new IllegalArgumentException("alpha is " + alpha.cols() + "x" + alpha.rows()
                    + " but colour is " + colour.width() + "x" + colour.height());
        }

        int colourDepth = CvType.depth(colour.mat().type());
        Mat matchedAlpha = alpha;
        if (alphaDepth != colourDepth) {
            matchedAlpha = new Mat();
            // 257 = 65535 / 255: maps 0..255 exactly onto 0..65535 and back.
            alpha.convertTo(matchedAlpha, colourDepth, colourDepth == CvType.CV_16U ? 257.0 : 1.0 / 257.0);
        }
        List<Mat> planes = new ArrayList<>(4);
        Core.split(colour.mat(), planes);
        planes.add(matchedAlpha);
        Mat bgra = new Mat();
        Core.merge(planes, bgra);
        for (int i = 0; i < 3; i++) {
            planes.get(i).release();
        }
        if (matchedAlpha != alpha) {
            matchedAlpha.release();
        }
        return Image.wrap(bgra);
    }

    /**
     * Shrinks an image so that its longer edge is at most {@code maxEdge} pixels, keeping its aspect
     * ratio, with area averaging (sharp, no moiré). Smaller images come back as an unchanged copy: this
     * never enlarges.
     *
     * <p>Images with alpha are averaged with their colour weighted by alpha, so that the colour hidden
     * under fully transparent pixels (often black) cannot bleed into visible edges as a dark fringe.
     */
    public static Image resizeToMaxEdge(Image image, int maxEdge) {
        Objects.requireNonNull(image, "image");
        if (maxEdge < 1) {
            throw new IllegalArgumentException("maxEdge must be at least 1, got " + maxEdge);
        }
        int longEdge = Math.max(image.width(), image.height());
        if (longEdge <= maxEdge) {
            return image.copy();
        }
        double factor = (double) maxEdge / longEdge;
        Size size = new Size(Math.max(1, Math.round(image.width() * factor)),
                Math.max(1, Math.round(image.height() * factor)));
        if (!image.hasAlpha()) {
            Mat resized = new Mat();
            Imgproc.resize(image.mat(), resized, size, 0, 0, Imgproc.INTER_AREA);
            return Image.wrap(resized);
        }
        return Image.wrap(resizePremultiplied(image.mat(), size, image.maxValue()));
    }

    private static Mat resizePremultiplied(Mat bgra, Size size, double maxValue) {
        int depth = CvType.depth(bgra.type());
        Mat floats = new Mat();
        bgra.convertTo(floats, CvType.CV_32F, 1.0 / maxValue);
        List<Mat> planes = new ArrayList<>(4);
        Core.split(floats, planes);
        Mat alpha = planes.get(3);
        for (int i = 0; i < 3; i++) {
            Core.multiply(planes.get(i), alpha, planes.get(i));
        }
        Core.merge(planes, floats);
        planes.forEach(Mat::release);

        Mat resized = new Mat();
        Imgproc.resize(floats, resized, size, 0, 0, Imgproc.INTER_AREA);
        floats.release();

        planes.clear();
        Core.split(resized, planes);
        Mat resizedAlpha = planes.get(3);
        // Where alpha is 0 the premultiplied colour is 0 too; the floor only avoids 0/0.
        Mat divisor = new Mat();
        Core.max(resizedAlpha, new Scalar(1e-7), divisor);
        for (int i = 0; i < 3; i++) {
            Core.divide(planes.get(i), divisor, planes.get(i));
        }
        divisor.release();
        Core.merge(planes, resized);
        planes.forEach(Mat::release);

        Mat out = new Mat();
        resized.convertTo(out, depth, maxValue);
        resized.release();
        return out;
    }

    /**
     * Mixes a photo with its stylized version as {@link dev.toonsmith.engine.infer.Stylizer} does for a
     * strength below 1: {@code (1 - strength) * photo + strength * stylized}. A live preview keeps the
     * generator's full-strength output and calls this on every strength change, instead of running the
     * generator again.
     *
     * @param strength 0 (a copy of the photo) to 1 (a copy of the stylized image)
     * @return a new image the caller owns, of the inputs' size, depth and layout
     * @throws IllegalArgumentException if the images differ in size, depth or layout, or strength is out
     *     of range
     */
    public static Image blend(Image photo, Image stylized, double strength) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(stylized, "stylized");
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be between 0 and 1, got " + strength);
        }
        if (photo.width() != stylized.width() || photo.height() != stylized.height()
                || photo.mat().type() != stylized.mat().type()) {
            throw new IllegalArgumentException("cannot blend " + photo + " with " + stylized
                    + ": they must have the same size, depth and layout");
        }
        if (strength == 0) {
            return photo.copy();
        }
        if (strength == 1) {
            return stylized.copy();
        }
        Mat mixed = new Mat();
        Core.addWeighted(photo.mat(), 1 - strength, stylized.mat(), strength, 0, mixed);
        return Image.wrap(mixed);
    }
}
