package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import dev.toonsmith.engine.image.Image;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** The training dashboard's picture of progress: the fixed photos in the top row, the generator's versions below. */
final class SampleGrid {

    private SampleGrid() {}

    /** A grid of {@code photos} above {@code outputs}, both (N, 3, H, W) RGB in [-1, 1]. */
    static Image of(NDArray photos, NDArray outputs) {
        Mat top = row(photos);
        Mat bottom = row(outputs);
        Mat grid = new Mat();
        Core.vconcat(List.of(top, bottom), grid);
        top.release();
        bottom.release();
        return Image.wrap(grid);
    }

    private static Mat row(NDArray images) {
        int n = (int) images.getShape().get(0);
        int h = (int) images.getShape().get(2);
        int w = (int) images.getShape().get(3);
        float[] data = images.toFloatArray();
        int plane = h * w;
        List<Mat> tiles = new ArrayList<>(n);
        float[] channel = new float[plane];
        for (int i = 0; i < n; i++) {
            List<Mat> planes = new ArrayList<>(3);
            for (int c = 2; c >= 0; c--) {
                System.arraycopy(data, (i * 3 + c) * plane, channel, 0, plane);
                Mat p = new Mat(h, w, CvType.CV_32FC1);
                p.put(0, 0, channel);
                planes.add(p);
            }
            Mat merged = new Mat();
            Core.merge(planes, merged);
            Mat bgr = new Mat();
            merged.convertTo(bgr, CvType.CV_8UC3, 127.5, 127.5);
            tiles.add(bgr);
            planes.forEach(Mat::release);
            merged.release();
        }
        Mat row = new Mat();
        Core.hconcat(tiles, row);
        tiles.forEach(Mat::release);
        return row;
    }
}
