package dev.toonsmith.engine.post;

import dev.toonsmith.engine.post.PostSettings.Smooth;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The smooth step: flattens texture and noise while keeping edges, so that quantizing gives clean regions
 * and outline detection finds shapes rather than texture.
 *
 * <p><b>Bilateral on large images.</b> The bilateral filter's cost grows with the square of its diameter,
 * and the diameter grows with the image (reference pixels), so on a 4K image it would cost seconds. Images
 * more than {@value #MAX_DIRECT_BILATERAL_SCALE} times the reference size are therefore filtered at the
 * reference size, the size the preview uses, and the result is carried back to full size by a guided filter
 * fitted at the reference size and applied to the full-size picture: edges come from the full-size pixels
 * and stay sharp, flat areas take the filtered colour, and the full-size result looks like the preview.
 *
 * <p>The guided filter's cost does not grow with its radius, but it is a dozen passes over a floating-point
 * image; its coefficients are fitted on a reduced image and applied at full size (see {@link #guided}).
 *
 * <p>16-bit images are filtered in floating point, so they keep their precision. Stateless; any thread.
 */
final class EdgePreservingSmoother {

    /** Above this many times the reference size, bilateral runs at the reference size (see the class doc). */
    static final double MAX_DIRECT_BILATERAL_SCALE = 1.5;

    /** The window of the guided transfer to full size, at the reference size: small, to follow the edges. */
    private static final int TRANSFER_RADIUS = 2;
    /** Small, so that every edge the bilateral result kept is carried over; squared fraction of full scale. */
    private static final double TRANSFER_EPS = 1e-4;

    /** The guided filter's window radius at the size its coefficients are fitted (see {@link #guided}). */
    private static final int FAST_GUIDED_RADIUS = 4;

    private EdgePreservingSmoother() {}

    /**
     * @param bgr 3-channel 8- or 16-bit
     * @param scale the image's long edge divided by the reference long edge
     * @return a new matrix of the input's type
     */
    static Mat apply(Mat bgr, Smooth smooth, double scale) {
        return switch (smooth.filter()) {
            case BILATERAL -> scale > MAX_DIRECT_BILATERAL_SCALE
                    ? bilateralAtReferenceSize(bgr, smooth, scale)
                    : bilateral(bgr, smooth, scale);
            case GUIDED -> guided(bgr, smooth, scale);
        };
    }

    private static Mat bilateral(Mat bgr, Smooth smooth, double scale) {
        int diameter = oddAtLeast3(smooth.diameter() * scale);
        double sigmaSpace = Math.max(0.5, smooth.sigmaSpace() * scale);
        boolean wide = CvType.depth(bgr.type()) == CvType.CV_16U;
        // OpenCV's bilateral takes 8-bit or float; float in 0..255 keeps sigma colour in 8-bit units.
        Mat current = wide ? convert(bgr, CvType.CV_32FC3, 255.0 / 65535.0) : bgr;
        for (int pass = 0; pass < smooth.passes(); pass++) {
            Mat next = new Mat();
            Imgproc.bilateralFilter(current, next, diameter, smooth.sigmaColor(), sigmaSpace);
            if (current != bgr) {
                current.release();
            }
            current = next;
        }
        if (!wide) {
            return current;
        }
        Mat out = convert(current, CvType.CV_16UC3, 65535.0 / 255.0);
        current.release();
        return out;
    }

    private static Mat bilateralAtReferenceSize(Mat bgr, Smooth smooth, double scale) {
        Size small = new Size(Math.max(1, Math.round(bgr.cols() / scale)),
                Math.max(1, Math.round(bgr.rows() / scale)));
        Mat reduced = new Mat();
        Imgproc.resize(bgr, reduced, small, 0, 0, Imgproc.INTER_AREA);
        Mat filtered = bilateral(reduced, smooth, 1.0);

        double toUnit = 1.0 / maxValue(bgr);
        Mat guideSmall = convert(reduced, CvType.CV_32FC3, toUnit);
        Mat inputSmall = convert(filtered, CvType.CV_32FC3, toUnit);
        reduced.release();
        filtered.release();

        Mat guide = convert(bgr, CvType.CV_32FC3, toUnit);
        Mat result;
        try (GuidedFilter.Coefficients fitted = GuidedFilter.fit(guideSmall, inputSmall, TRANSFER_RADIUS, TRANSFER_EPS);
                GuidedFilter.Coefficients full = fitted.resized(bgr.size())) {
            result = full.apply(guide);
        }
        guideSmall.release();
        inputSmall.release();
        guide.release();
        Mat out = convert(result, bgr.type(), maxValue(bgr));
        result.release();
        return out;
    }

    private static Mat guided(Mat bgr, Smooth smooth, double scale) {
        int radius = Math.max(1, (int) Math.round(smooth.radius() * scale));
        Mat unit = convert(bgr, CvType.CV_32FC3, 1.0 / maxValue(bgr));
        // He and Sun's fast guided filter: the coefficients are smooth, so fitting them on an image reduced until
        // the window is FAST_GUIDED_RADIUS wide and applying them to the full-size guide looks the same.
        int factor = Math.max(1, radius / FAST_GUIDED_RADIUS);
        Mat smoothed;
        if (factor == 1) {
            smoothed = GuidedFilter.smooth(unit, radius, smooth.eps());
        } else {
            Mat small = new Mat();
            Imgproc.resize(unit, small, new Size(Math.max(1, unit.cols() / factor), Math.max(1, unit.rows() / factor)),
                    0, 0, Imgproc.INTER_AREA);
            int smallRadius = Math.max(1, (int) Math.round((double) radius / factor));
            try (GuidedFilter.Coefficients fitted = GuidedFilter.fit(small, small, smallRadius, smooth.eps());
                    GuidedFilter.Coefficients full = fitted.resized(unit.size())) {
                smoothed = full.apply(unit);
            }
            small.release();
        }
        unit.release();
        Mat out = convert(smoothed, bgr.type(), maxValue(bgr));
        smoothed.release();
        return out;
    }

    private static int oddAtLeast3(double diameter) {
        int d = (int) Math.round(diameter);
        if (d % 2 == 0) {
            d += 1;
        }
        return Math.max(3, d);
    }

    private static double maxValue(Mat m) {
        return CvType.depth(m.type()) == CvType.CV_16U ? 65535.0 : 255.0;
    }

    private static Mat convert(Mat src, int type, double alpha) {
        Mat out = new Mat();
        src.convertTo(out, type, alpha);
        return out;
    }
}
