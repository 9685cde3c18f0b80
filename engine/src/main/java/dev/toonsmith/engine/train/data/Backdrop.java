package dev.toonsmith.engine.train.data;

import java.util.Random;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * What the transparent parts of an image are laid over to make it opaque: a flat colour, or a linear
 * gradient between two colours at some angle. Varying it per sample shows the networks that the
 * background of a cut-out is not part of the style.
 */
final class Backdrop {

    /** How often a random backdrop is a gradient rather than flat: scenes have some of both. */
    private static final double GRADIENT_SHARE = 0.3;

    private static final int[] WHITE_BGR = {255, 255, 255};

    /** How viewers, and the engine's writer, show transparency. */
    static final Backdrop WHITE = new Backdrop(WHITE_BGR, WHITE_BGR, 0);

    private final int[] startBgr;
    private final int[] endBgr;
    private final double angle;

    private Backdrop(int[] startBgr, int[] endBgr, double angle) {
        this.startBgr = startBgr;
        this.endBgr = endBgr;
        this.angle = angle;
    }

    static Backdrop random(Random random) {
        int[] start = randomColour(random);
        if (random.nextDouble() < GRADIENT_SHARE) {
            return new Backdrop(start, randomColour(random), random.nextDouble() * 2 * Math.PI);
        }
        return new Backdrop(start, start, 0);
    }

    private static int[] randomColour(Random random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }

    /**
     * Composites an 8-bit BGRA matrix (a region of a larger one is fine) over this backdrop.
     *
     * @return a new 8-bit BGR matrix of the same size, owned by the caller
     */
    Mat flatten(Mat bgra) {
        int width = bgra.cols();
        int height = bgra.rows();
        Mat continuous = bgra.isContinuous() ? bgra : bgra.clone();
        byte[] source = new byte[width * height * 4];
        continuous.get(0, 0, source);
        if (continuous != bgra) {
            continuous.release();
        }

        // The gradient runs from the first corner along its direction to the last one.
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double[] corners = {0, (width - 1) * dx, (height - 1) * dy, (width - 1) * dx + (height - 1) * dy};
        double low = Math.min(Math.min(corners[0], corners[1]), Math.min(corners[2], corners[3]));
        double high = Math.max(Math.max(corners[0], corners[1]), Math.max(corners[2], corners[3]));
        double span = high - low;

        byte[] flat = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double t = span > 0 ? (x * dx + y * dy - low) / span : 0;
                double alpha = (source[4 * i + 3] & 0xFF) / 255.0;
                for (int c = 0; c < 3; c++) {
                    double background = startBgr[c] + (endBgr[c] - startBgr[c]) * t;
                    double value = (source[4 * i + c] & 0xFF) * alpha + background * (1 - alpha);
                    flat[3 * i + c] = (byte) Math.round(value);
                }
            }
        }
        Mat bgr = new Mat(height, width, CvType.CV_8UC3);
        bgr.put(0, 0, flat);
        return bgr;
    }
}
