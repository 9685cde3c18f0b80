package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.train.data.FloatBatch;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;

class CartoonFiltersTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    /** A noisy light-blue left half beside a noisy dark-orange right half: a photo's two surfaces and a boundary. */
    private static Mat twoSurfaces() {
        Mat bgr = new Mat(64, 64, CvType.CV_8UC3);
        Random random = new Random(7);
        byte[] pixels = new byte[64 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int[] base = x < 32 ? new int[] {210, 170, 120} : new int[] {40, 110, 200};
                for (int c = 0; c < 3; c++) {
                    int v = base[c] + (int) Math.round(random.nextGaussian() * 12);
                    pixels[(y * 64 + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        bgr.put(0, 0, pixels);
        return bgr;
    }

    private static double[] meanAndDeviation(Mat image, Rect area) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble deviation = new MatOfDouble();
        Mat gray = new Mat();
        org.opencv.imgproc.Imgproc.cvtColor(image.submat(area), gray, org.opencv.imgproc.Imgproc.COLOR_BGR2GRAY);
        Core.meanStdDev(gray, mean, deviation);
        return new double[] {mean.get(0, 0)[0], deviation.get(0, 0)[0]};
    }

    @Test
    void toonTargetFlattensSurfacesAndInksTheirBoundary() {
        Mat photo = twoSurfaces();
        Mat toon = CartoonFilters.toonOf(photo, TrainingOptions.DEFAULT_LINE_THRESHOLD);

        Rect leftInside = new Rect(6, 6, 18, 52);
        Rect rightInside = new Rect(40, 6, 18, 52);
        Rect boundary = new Rect(30, 6, 4, 52);
        double[] photoLeft = meanAndDeviation(photo, leftInside);
        double[] toonLeft = meanAndDeviation(toon, leftInside);
        double[] photoRight = meanAndDeviation(photo, rightInside);
        double[] toonRight = meanAndDeviation(toon, rightInside);
        assertTrue(toonLeft[1] < photoLeft[1] / 2, "left surface flattened: " + toonLeft[1] + " vs " + photoLeft[1]);
        assertTrue(toonRight[1] < photoRight[1] / 2, "right surface flattened: " + toonRight[1] + " vs " + photoRight[1]);
        // Flat areas keep their brightness: no ink where there is no edge.
        assertTrue(Math.abs(toonLeft[0] - photoLeft[0]) < 8, "left brightness kept");
        assertTrue(Math.abs(toonRight[0] - photoRight[0]) < 8, "right brightness kept");
        double boundaryBrightness = meanAndDeviation(toon, boundary)[0];
        assertTrue(boundaryBrightness < Math.min(toonLeft[0], toonRight[0]) - 25,
                "the boundary carries a dark line: " + boundaryBrightness + " vs " + toonLeft[0] + "/" + toonRight[0]);
    }

    @Test
    void theToonTargetsInkSharePointsAtItsLinesAndNowhereElse() {
        Mat photo = twoSurfaces();
        FloatBatch batch = batchOf(photo, photo);
        CartoonFilters.ToonBatch toon = CartoonFilters.toonWithInk(batch, TrainingOptions.DEFAULT_LINE_THRESHOLD);
        CartoonFilters.InkMaps ink = toon.ink();
        assertTrue(ink.batch() == 2 && ink.height() == 64 && ink.width() == 64);
        double inside = 0;
        double line = 0;
        for (int y = 6; y < 58; y++) {
            inside += ink.data()[64 * 64 + y * 64 + 12] + ink.data()[64 * 64 + y * 64 + 50];
            line += Math.max(ink.data()[64 * 64 + y * 64 + 31], ink.data()[64 * 64 + y * 64 + 32]);
        }
        inside /= 2 * 52;
        line /= 52;
        assertTrue(inside < 0.05, "no ink inside the surfaces: " + inside);
        assertTrue(line > 0.5, "ink on the boundary: " + line);
        // The pictures are the toon targets themselves.
        assertTrue(java.util.Arrays.equals(toon.pictures().data(), CartoonFilters.toon(batch, TrainingOptions.DEFAULT_LINE_THRESHOLD).data()));
    }

    @Test
    void aHigherLineThresholdLeavesFaintBoundariesUninkedAndStillInksStrongOnes() {
        // Three gray stripes: a faint step of 44 (like a wrinkle or wood grain), then a strong step of 86.
        Mat photo = new Mat(64, 64, CvType.CV_8UC3, new org.opencv.core.Scalar(100, 100, 100));
        photo.submat(0, 64, 21, 42).setTo(new org.opencv.core.Scalar(144, 144, 144));
        photo.submat(0, 64, 42, 64).setTo(new org.opencv.core.Scalar(230, 230, 230));
        FloatBatch batch = batchOf(photo);
        float[] usual = CartoonFilters.toonWithInk(batch, TrainingOptions.DEFAULT_LINE_THRESHOLD).ink().data();
        float[] raised = CartoonFilters.toonWithInk(batch, 150).ink().data();
        assertTrue(strongestAround(usual, 21) > 0.1, "the usual threshold inks the faint step");
        assertTrue(strongestAround(raised, 21) < 0.02, "a raised one leaves it clean: " + strongestAround(raised, 21));
        assertTrue(strongestAround(usual, 42) > 0.5 && strongestAround(raised, 42) > 0.5, "both ink the strong step");
    }

    /** The most ink in the middle row within two columns of {@code column}. */
    private static float strongestAround(float[] ink, int column) {
        float most = 0;
        for (int x = column - 2; x <= column + 2; x++) {
            most = Math.max(most, ink[32 * 64 + x]);
        }
        return most;
    }

    /** 8-bit BGR pictures as the trainer's planar RGB batch in [-1, 1]. */
    private static FloatBatch batchOf(Mat... pictures) {
        int h = pictures[0].rows();
        int w = pictures[0].cols();
        float[] data = new float[pictures.length * 3 * h * w];
        byte[] pixels = new byte[h * w * 3];
        for (int n = 0; n < pictures.length; n++) {
            pictures[n].get(0, 0, pixels);
            for (int i = 0; i < h * w; i++) {
                for (int c = 0; c < 3; c++) {
                    data[(n * 3 + c) * h * w + i] = (pixels[i * 3 + 2 - c] & 0xff) / 127.5f - 1;
                }
            }
        }
        return new FloatBatch(data, pictures.length, h, w);
    }
}
