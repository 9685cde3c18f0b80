package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.toonsmith.engine.image.Image;
import org.opencv.core.Mat;

/** Pictures as the arrays generators take, for tests that call a network directly. */
public final class TestTensors {

    private TestTensors() {}

    /** An 8-bit BGR(A) image as a 1 x 3 x H x W RGB array in [-1, 1] (transparency dropped). */
    public static NDArray of(Image image, NDManager manager) {
        Mat mat = image.mat();
        int width = image.width();
        int height = image.height();
        int channels = mat.channels();
        byte[] bgr = new byte[width * height * channels];
        mat.get(0, 0, bgr);
        float[] planes = new float[3 * width * height];
        for (int p = 0; p < width * height; p++) {
            for (int c = 0; c < 3; c++) {
                planes[c * width * height + p] = (bgr[p * channels + 2 - c] & 0xFF) / 127.5f - 1f;
            }
        }
        return manager.create(planes, new Shape(1, 3, height, width));
    }
}
