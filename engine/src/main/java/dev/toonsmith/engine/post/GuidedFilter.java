package dev.toonsmith.engine.post;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * He, Sun and Tang's guided filter, channel by channel, built from box filters (the openpnp OpenCV build has
 * no {@code ximgproc}). Within each window the output is a linear function {@code a * guide + b} of the
 * guide, fitted to the input: where the guide varies much more than {@code sqrt(eps)} (an edge) {@code a}
 * is near 1 and the edge passes through; where it is nearly flat {@code a} is near 0 and the window's mean
 * is taken. The cost is a few box filters, whatever the radius.
 *
 * <p>The fitted coefficients are smooth, so they can also be fitted on a small image and applied to the
 * full-size guide ("fast guided filter", He and Sun 2015): that is how {@link EdgePreservingSmoother} carries
 * a bilateral result computed at the reference size over to a 4K image with full-resolution edges.
 *
 * <p>All matrices are 3-channel {@code CV_32F}. Stateless; any thread.
 */
final class GuidedFilter {

    private GuidedFilter() {}

    /** Per-pixel, window-averaged coefficients of {@code output = a * guide + b}. The caller releases them. */
    record Coefficients(Mat a, Mat b) implements AutoCloseable {

        /** {@code a * guide + b}, for a guide of the coefficients' size. */
        Mat apply(Mat guide) {
            Mat out = new Mat();
            Core.multiply(a, guide, out);
            Core.add(out, b, out);
            return out;
        }

        /** The coefficients resized (bilinear) to a larger guide's size. */
        Coefficients resized(Size size) {
            Mat ra = new Mat();
            Mat rb = new Mat();
            Imgproc.resize(a, ra, size, 0, 0, Imgproc.INTER_LINEAR);
            Imgproc.resize(b, rb, size, 0, 0, Imgproc.INTER_LINEAR);
            return new Coefficients(ra, rb);
        }

        @Override
        public void close() {
            a.release();
            b.release();
        }
    }

    /** The image smoothed with itself as the guide. */
    static Mat smooth(Mat image, int radius, double eps) {
        try (Coefficients c = fit(image, image, radius, eps)) {
            return c.apply(image);
        }
    }

    /** Fits {@code input ~ a * guide + b} in windows of the given radius. */
    static Coefficients fit(Mat guide, Mat input, int radius, double eps) {
        Size window = new Size(2 * radius + 1, 2 * radius + 1);
        Mat meanGuide = box(guide, window);
        Mat meanInput = guide == input ? meanGuide : box(input, window);

        Mat product = new Mat();
        Core.multiply(guide, input, product);
        Mat covariance = box(product, window);
        Core.multiply(meanGuide, meanInput, product);
        Core.subtract(covariance, product, covariance);

        Mat variance;
        if (guide == input) {
            variance = covariance;
        } else {
            Core.multiply(guide, guide, product);
            variance = box(product, window);
            Core.multiply(meanGuide, meanGuide, product);
            Core.subtract(variance, product, variance);
        }

        Mat denominator = new Mat();
        Core.add(variance, new Scalar(eps, eps, eps), denominator);
        Mat a = new Mat();
        Core.divide(covariance, denominator, a);
        denominator.release();
        Mat b = new Mat();
        Core.multiply(a, meanGuide, product);
        Core.subtract(meanInput, product, b);

        product.release();
        covariance.release();
        variance.release();
        meanGuide.release();
        meanInput.release();

        Coefficients averaged = new Coefficients(box(a, window), box(b, window));
        a.release();
        b.release();
        return averaged;
    }

    private static Mat box(Mat src, Size window) {
        Mat out = new Mat();
        Imgproc.boxFilter(src, out, -1, window, new Point(-1, -1), true, Core.BORDER_REFLECT);
        return out;
    }
}
