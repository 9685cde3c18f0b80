package dev.toonsmith.engine.infer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Converts between OpenCV's interleaved BGR pixels (8 or 16 bits) and the generators' planar RGB float
 * tensors in [-1, 1]. Planes are split by OpenCV so that the tensor needs no transpose.
 */
final class TensorCodec {

    private TensorCodec() {}

    /** A {@code (1, 3, H, W)} tensor in [-1, 1] from a BGR matrix whose channels reach {@code maxValue}. */
    static NDArray toTensor(Mat bgr, double maxValue, NDManager manager, Device device) {
        int h = bgr.rows();
        int w = bgr.cols();
        Mat scaled = new Mat();
        bgr.convertTo(scaled, CvType.CV_32FC3, 2.0 / maxValue, -1.0);
        List<Mat> planes = new ArrayList<>(3);
        Core.split(scaled, planes);
        scaled.release();
        int plane = h * w;
        float[] data = new float[3 * plane];
        float[] row = new float[plane];
        for (int c = 0; c < 3; c++) {
            // OpenCV's planes are B, G, R; the tensor wants R, G, B.
            Mat p = planes.get(2 - c);
            p.get(0, 0, row);
            System.arraycopy(row, 0, data, c * plane, plane);
        }
        planes.forEach(Mat::release);
        NDArray cpu = manager.create(FloatBuffer.wrap(data), new Shape(1, 3, h, w));
        return device.equals(cpu.getDevice()) ? cpu : cpu.toDevice(device, false);
    }

    /**
     * A {@code CV_32FC3} BGR matrix in [0, maxValue] from a {@code (1, 3, H, W)} tensor in [-1, 1]. Values
     * outside the range are clamped: residual generators can overshoot.
     */
    static Mat toMat(NDArray tensor, double maxValue) {
        Shape shape = tensor.getShape();
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] data = tensor.toFloatArray();
        int plane = h * w;
        List<Mat> planes = new ArrayList<>(3);
        float[] row = new float[plane];
        for (int c = 2; c >= 0; c--) {
            System.arraycopy(data, c * plane, row, 0, plane);
            Mat p = new Mat(h, w, CvType.CV_32FC1);
            p.put(0, 0, row);
            planes.add(p);
        }
        Mat merged = new Mat();
        Core.merge(planes, merged);
        planes.forEach(Mat::release);
        Mat out = new Mat();
        merged.convertTo(out, CvType.CV_32FC3, maxValue / 2.0, maxValue / 2.0);
        merged.release();
        Core.min(out, new org.opencv.core.Scalar(maxValue, maxValue, maxValue), out);
        Core.max(out, new org.opencv.core.Scalar(0, 0, 0), out);
        return out;
    }
}
