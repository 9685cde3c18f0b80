package dev.toonsmith.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Whether two drawings of one photo agree as two correct engines' drawings can: every pixel within one level, except
 * a tiny fraction that lie within the palette's reach of a near-tie of the reference ({@link PaletteNearTies}), where
 * the engines' last float bits may pick the other of two almost equally near colours.
 *
 * @param pixels the pictures' pixels
 * @param differing pixels more than one level apart in some channel
 * @param atNearTies those of them within reach of a near-tie (allowed, up to a fraction)
 * @param unexplained those of them that no near-tie explains (never allowed)
 * @param worst the largest difference in levels
 * @param firstUnexplained where the first unexplained pixel is, as "x,y", or empty
 */
public record PixelAgreement(long pixels, long differing, long atNearTies, long unexplained, double worst,
        String firstUnexplained) {

    /**
     * The most pixels that may differ at near-ties: one in a thousand. A near-tie is rare (measured on the default
     * style: well under 1 % of pixels are within the margin, and the votes paint most flips back over), so more
     * differing pixels than this are a wrong drawing, not rounding.
     */
    public static final double MAX_NEAR_TIE_FRACTION = 1e-3;

    /**
     * Compares {@code actual} with {@code expected} (same size and type), given the reference's near-tie mask
     * ({@code CV_8UC1}, non-zero at near-ties, of the pictures' size) and how far a near-tie's colour reaches.
     */
    public static PixelAgreement compare(Mat expected, Mat actual, Mat nearTies, int reach) {
        if (expected.size().width != actual.size().width || expected.size().height != actual.size().height
                || expected.type() != actual.type()) {
            throw new AssertionError("the drawings differ in size or type: " + expected + " and " + actual);
        }
        if (nearTies.rows() != expected.rows() || nearTies.cols() != expected.cols()) {
            throw new AssertionError("the near-tie mask " + nearTies.size() + " is not the drawings' size "
                    + expected.size());
        }
        Mat difference = new Mat();
        Core.absdiff(expected, actual, difference);
        Mat asDouble = new Mat();
        difference.convertTo(asDouble, CvType.makeType(CvType.CV_64F, difference.channels()));
        int channels = difference.channels();
        double[] levels = new double[(int) (asDouble.total() * channels)];
        asDouble.get(0, 0, levels);
        Mat reachable = new Mat();
        Mat square = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2 * reach + 1, 2 * reach + 1));
        Imgproc.dilate(nearTies, reachable, square);
        byte[] near = new byte[(int) reachable.total()];
        reachable.get(0, 0, near);
        for (Mat m : new Mat[] {difference, asDouble, reachable, square}) {
            m.release();
        }
        long differing = 0;
        long atNearTies = 0;
        long unexplained = 0;
        double worst = 0;
        String first = "";
        int cols = expected.cols();
        for (int p = 0; p < near.length; p++) {
            double pixelWorst = 0;
            for (int k = 0; k < channels; k++) {
                pixelWorst = Math.max(pixelWorst, levels[p * channels + k]);
            }
            worst = Math.max(worst, pixelWorst);
            if (pixelWorst <= 1) {
                continue;
            }
            differing++;
            if (near[p] != 0) {
                atNearTies++;
            } else {
                unexplained++;
                if (first.isEmpty()) {
                    first = (p % cols) + "," + (p / cols);
                }
            }
        }
        return new PixelAgreement(near.length, differing, atNearTies, unexplained, worst, first);
    }

    /** Whether the drawings agree: no unexplained pixel, and at most {@code maxFraction} of pixels at near-ties. */
    public boolean agrees(double maxFraction) {
        return unexplained == 0 && atNearTies <= maxFraction * pixels;
    }

    /** Fails, saying where and how much, unless the drawings agree with at most {@link #MAX_NEAR_TIE_FRACTION}. */
    public void assertAgrees(String what) {
        assertTrue(agrees(MAX_NEAR_TIE_FRACTION), () -> what + ": " + this);
    }

    /** Compares and {@linkplain #assertAgrees asserts} in one step. */
    public static void assertAgree(String what, Mat expected, Mat actual, Mat nearTies, int reach) {
        compare(expected, actual, nearTies, reach).assertAgrees(what);
    }

    @Override
    public String toString() {
        return differing + " of " + pixels + " pixels differ by more than one level (worst " + worst + "): "
                + atNearTies + " within reach of a palette near-tie (at most " + (long) (MAX_NEAR_TIE_FRACTION * pixels)
                + " allowed), " + unexplained + " not"
                + (firstUnexplained.isEmpty() ? "" : ", the first at " + firstUnexplained);
    }
}
