package dev.toonsmith.engine.post;

import dev.toonsmith.engine.post.PostSettings.Outlines;
import dev.toonsmith.engine.post.PostSettings.Rgb;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The outlines step: finds edges with Canny and draws them as ink.
 *
 * <p>Detection is split from drawing because it runs on the smoothed picture (shapes, not texture), while
 * the ink goes on last, over the quantized and adjusted colours.
 *
 * <p><b>Same look at every size.</b> The blur grows with the image (reference pixels), and a wider blur
 * spreads an edge over more pixels, so its gradient per pixel drops: Canny with fixed thresholds would find
 * fewer lines on a 4K export than on its preview. The Sobel gradient is therefore multiplied by the ratio of
 * a blurred step edge's gradient at the reference blur to that at the actual blur (the 3x3 Sobel response to
 * a unit step blurred by sigma is {@code 4 erf(1 / (sigma sqrt 2))}), so thresholds mean the same at every
 * size. Blurring and gradients are computed in floating point, which keeps the weak gradients of a large
 * blur from drowning in 8-bit rounding, and 16-bit images keep their precision.
 *
 * <p>Stateless; any thread.
 */
final class Outliner {

    /** Below this sigma a Gaussian blur barely changes a pixel, so it is skipped. */
    private static final double MIN_BLUR = 0.3;

    private Outliner() {}

    /**
     * The line mask: 255 where ink goes, 0 elsewhere, lines already widened.
     *
     * @param bgr 3-channel 8- or 16-bit
     * @param scale the image's long edge divided by the reference long edge
     */
    static Mat detect(Mat bgr, Outlines outlines, double scale) {
        Mat gray = new Mat();
        Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
        boolean wide = CvType.depth(bgr.type()) == CvType.CV_16U;
        gray.convertTo(gray, CvType.CV_32F, wide ? 255.0 / 65535.0 : 1.0);

        double sigma = outlines.blur() * scale;
        double appliedSigma = sigma >= MIN_BLUR ? sigma : 0;
        if (appliedSigma > 0) {
            Imgproc.GaussianBlur(gray, gray, new Size(0, 0), appliedSigma);
        }
        double referenceSigma = outlines.blur() >= MIN_BLUR ? outlines.blur() : 0;
        double gain = stepResponse(referenceSigma) / stepResponse(appliedSigma);

        Mat dx = new Mat();
        Mat dy = new Mat();
        Imgproc.Sobel(gray, dx, CvType.CV_32F, 1, 0, 3, gain, 0, Core.BORDER_REPLICATE);
        Imgproc.Sobel(gray, dy, CvType.CV_32F, 0, 1, 3, gain, 0, Core.BORDER_REPLICATE);
        gray.release();
        dx.convertTo(dx, CvType.CV_16S);
        dy.convertTo(dy, CvType.CV_16S);
        Mat edges = new Mat();
        Imgproc.Canny(dx, dy, edges, outlines.lowThreshold(), outlines.highThreshold(), true);
        dx.release();
        dy.release();

        int width = Math.max(1, (int) Math.round(outlines.width() * scale));
        if (width > 1) {
            Mat disc = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(width, width));
            Imgproc.dilate(edges, edges, disc);
            disc.release();
        }
        return edges;
    }

    /**
     * Draws the ink into {@code bgr} where {@code mask} is set.
     *
     * @param bgr 3-channel 8- or 16-bit, modified in place
     * @param scale the image's long edge divided by the reference long edge
     */
    static void draw(Mat bgr, Mat mask, Outlines outlines, double scale) {
        double max = CvType.depth(bgr.type()) == CvType.CV_16U ? 65535.0 : 255.0;
        Rgb c = outlines.color();
        Scalar ink = new Scalar(c.blue() * max / 255, c.green() * max / 255, c.red() * max / 255);
        switch (outlines.mode()) {
            case INK -> drawInk(bgr, mask, ink, outlines.opacity());
            case BLEND -> blend(bgr, mask, ink, outlines.opacity(), outlines.width() * scale);
        }
    }

    private static void drawInk(Mat bgr, Mat mask, Scalar ink, double opacity) {
        if (opacity >= 1) {
            bgr.setTo(ink, mask);
            return;
        }
        Mat layer = new Mat(bgr.size(), bgr.type(), ink);
        Mat mixed = new Mat();
        Core.addWeighted(bgr, 1 - opacity, layer, opacity, 0, mixed);
        mixed.copyTo(bgr, mask);
        layer.release();
        mixed.release();
    }

    /**
     * The seed's {@code addWeighted(image, 1 - w, edges, w)}, but with w taken per pixel from a feathered
     * mask: a single global weight would also darken every pixel away from the lines. Only pixels near lines
     * are touched, which keeps it cheap on large images.
     */
    private static void blend(Mat bgr, Mat mask, Scalar ink, double opacity, double width) {
        Mat weight = new Mat();
        mask.convertTo(weight, CvType.CV_32F, opacity / 255.0);
        // Feather over about a third of the line width, at least half a pixel, so thin lines stay visible.
        Imgproc.GaussianBlur(weight, weight, new Size(0, 0), Math.max(0.5, width / 3));
        float[] w = new float[(int) weight.total()];
        weight.get(0, 0, w);
        weight.release();

        Mat pixels = bgr.isContinuous() ? bgr : bgr.clone();
        int values = w.length * 3;
        if (CvType.depth(bgr.type()) == CvType.CV_16U) {
            short[] v = new short[values];
            pixels.get(0, 0, v);
            for (int p = 0; p < w.length; p++) {
                if (w[p] > 0) {
                    for (int c = 0; c < 3; c++) {
                        int value = v[p * 3 + c] & 0xffff;
                        v[p * 3 + c] = (short) Math.round(value + w[p] * (ink.val[c] - value));
                    }
                }
            }
            pixels.put(0, 0, v);
        } else {
            byte[] v = new byte[values];
            pixels.get(0, 0, v);
            for (int p = 0; p < w.length; p++) {
                if (w[p] > 0) {
                    for (int c = 0; c < 3; c++) {
                        int value = v[p * 3 + c] & 0xff;
                        v[p * 3 + c] = (byte) Math.round(value + w[p] * (ink.val[c] - value));
                    }
                }
            }
            pixels.put(0, 0, v);
        }
        if (pixels != bgr) {
            pixels.copyTo(bgr);
            pixels.release();
        }
    }

    /** The 3x3 Sobel response to a unit step edge blurred by a Gaussian of this sigma. */
    static double stepResponse(double sigma) {
        return sigma <= 0 ? 4 : 4 * erf(1 / (sigma * Math.sqrt(2)));
    }

    /** Abramowitz and Stegun 7.1.26, accurate to 1.5e-7, for x >= 0. */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 1 - poly * Math.exp(-x * x);
    }
}
