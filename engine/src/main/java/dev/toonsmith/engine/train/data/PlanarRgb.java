package dev.toonsmith.engine.train.data;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Moves pixels between OpenCV's interleaved 8-bit BGR and the planar R, G, B floats of a batch. */
final class PlanarRgb {

    private PlanarRgb() {}

    /** Writes a continuous 8-bit BGR matrix at {@code offset} as R, G and B planes in [0, 1]. */
    static void writeUnit(Mat bgr, float[] data, int offset) {
        int plane = bgr.rows() * bgr.cols();
        byte[] pixels = new byte[plane * 3];
        bgr.get(0, 0, pixels);
        for (int i = 0; i < plane; i++) {
            data[offset + i] = (pixels[3 * i + 2] & 0xFF) / 255f;
            data[offset + plane + i] = (pixels[3 * i + 1] & 0xFF) / 255f;
            data[offset + 2 * plane + i] = (pixels[3 * i] & 0xFF) / 255f;
        }
    }

    /** Maps [0, 1] to the networks' [-1, 1], in place. */
    static void unitToSigned(float[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            data[i] = data[i] * 2f - 1f;
        }
    }

    /** A new 8-bit BGR matrix from R, G and B planes in [-1, 1] at {@code offset}; clamps overshoot. */
    static Mat toBgr(float[] data, int offset, int height, int width) {
        int plane = height * width;
        byte[] pixels = new byte[plane * 3];
        for (int i = 0; i < plane; i++) {
            pixels[3 * i + 2] = toByte(data[offset + i]);
            pixels[3 * i + 1] = toByte(data[offset + plane + i]);
            pixels[3 * i] = toByte(data[offset + 2 * plane + i]);
        }
        Mat bgr = new Mat(height, width, CvType.CV_8UC3);
        bgr.put(0, 0, pixels);
        return bgr;
    }

    private static byte toByte(float signed) {
        int value = Math.round((signed + 1f) * 127.5f);
        return (byte) Math.max(0, Math.min(255, value));
    }
}
