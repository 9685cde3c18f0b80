package dev.toonsmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Fixtures and pixel assertions shared by the image tests. */
final class ImageFixtures {

    static final double[] RED = {0, 0, 255};
    static final double[] GREEN = {0, 255, 0};
    static final double[] BLUE = {255, 0, 0};
    static final double[] WHITE = {255, 255, 255};

    private ImageFixtures() {}

    /** A committed fixture from src/test/resources/images (see the README there). */
    static Path fixture(String name) {
        URL url = ImageFixtures.class.getResource("/images/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The channel values of one pixel. */
    static double[] px(Image image, int x, int y) {
        return image.mat().get(y, x);
    }

    /**
     * Checks the 24x16 fixture pattern: red top-left, green top-right, blue bottom-left, white
     * bottom-right, sampled away from the quadrant edges so lossy compression does not matter.
     */
    static void assertUprightPattern(Image image, double tolerance) {
        assertEquals(24, image.width(), "width of " + image);
        assertEquals(16, image.height(), "height of " + image);
        assertColour(RED, px(image, 4, 3), tolerance, "top-left");
        assertColour(GREEN, px(image, 19, 3), tolerance, "top-right");
        assertColour(BLUE, px(image, 4, 12), tolerance, "bottom-left");
        assertColour(WHITE, px(image, 19, 12), tolerance, "bottom-right");
    }

    /** Compares the first three (B, G, R) channels within a tolerance. */
    static void assertColour(double[] expectedBgr, double[] actual, double tolerance, String where) {
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(expectedBgr[c] - actual[c]) <= tolerance,
                    where + ": expected about " + Arrays.toString(expectedBgr) + " but was "
                            + Arrays.toString(actual));
        }
    }

    /** True if both matrices have the same type, size and every value. */
    static boolean samePixels(Mat a, Mat b) {
        return a.type() == b.type() && a.size().equals(b.size()) && Core.norm(a, b, Core.NORM_INF) == 0;
    }

    /** Random pixels covering the whole range of the type: every bit of a 16-bit value matters. */
    static Mat noise(int width, int height, int type, long seed) {
        Core.setRNGSeed((int) seed);
        Mat m = new Mat(height, width, type);
        double max = CvType.depth(type) == CvType.CV_16U ? 65536 : 256;
        Core.randu(m, 0, max);
        return m;
    }

    /** Smooth gradients: what photos look like to JPEG, so truncation tests cut through real scan data. */
    static Mat photoLike(int width, int height) {
        Mat m = new Mat(height, width, CvType.CV_8UC3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m.put(y, x, x * 255.0 / width, y * 255.0 / height, (x * y) % 256);
            }
        }
        return m;
    }

    static Mat filled(int width, int height, int type, double... values) {
        return new Mat(height, width, type, new Scalar(values));
    }

    static byte[] encode(String extension, Mat mat, int... params) {
        MatOfByte buffer = new MatOfByte();
        MatOfInt encodeParams = new MatOfInt(params);
        assertTrue(Imgcodecs.imencode(extension, mat, buffer, encodeParams), "encode " + extension);
        byte[] bytes = buffer.toArray();
        buffer.release();
        encodeParams.release();
        return bytes;
    }

    /** What OpenCV alone makes of some bytes, for tests that show why the reader does more. */
    static Mat rawDecode(byte[] bytes) {
        MatOfByte buffer = new MatOfByte(bytes);
        Mat decoded = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_UNCHANGED);
        buffer.release();
        return decoded;
    }
}
