package dev.toonsmith.engine.infer;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The output of a tiled pass, assembled tile by tile in raster order at the output's own bit depth (a float
 * canvas for a 100-megapixel photo would need over a gigabyte more).
 *
 * <p>Each tile is cross-faded into what its left and upper neighbours already wrote, with a weight that rises
 * linearly from 0 to 1 across the shared band. The weight is continuous and zero where the band meets
 * earlier tiles, so no seam can appear.
 */
final class TileCanvas {

    private final Mat canvas;

    /** Assembles into {@code canvas}, a 3-channel matrix of the output's size and depth that the caller owns. */
    TileCanvas(Mat canvas) {
        this.canvas = canvas;
    }

    /**
     * Writes a tile's result.
     *
     * @param tile the tile, in image coordinates
     * @param result the network's output for {@code tile.input()}, {@code CV_32FC3} in the canvas's value range
     */
    void write(TilePlan.Tile tile, Mat result) {
        Region kept = tile.kept();
        Mat fresh = result.submat(kept.relativeTo(tile.input()).toRect());
        Mat target = canvas.submat(kept.toRect());
        int rampLeft = tile.core().x() - kept.x();
        int rampTop = tile.core().y() - kept.y();
        if (rampLeft == 0 && rampTop == 0) {
            fresh.convertTo(target, canvas.depth());
            return;
        }
        Mat weight = weights(kept.width(), kept.height(), 2 * rampLeft, 2 * rampTop);
        Mat existing = new Mat();
        target.convertTo(existing, CvType.CV_32FC3);
        Mat change = new Mat();
        Core.subtract(fresh, existing, change);
        Core.multiply(change, weight, change);
        Core.add(existing, change, existing);
        existing.convertTo(target, canvas.depth());
        existing.release();
        change.release();
        weight.release();
    }

    /** A 3-channel weight map rising over the first {@code bandX} columns and {@code bandY} rows. */
    private static Mat weights(int width, int height, int bandX, int bandY) {
        Mat row = new Mat(1, width, CvType.CV_32FC1);
        float[] rx = new float[width];
        for (int x = 0; x < width; x++) {
            rx[x] = bandX == 0 ? 1f : Math.min(1f, (x + 0.5f) / bandX);
        }
        row.put(0, 0, rx);
        Mat column = new Mat(height, 1, CvType.CV_32FC1);
        float[] ry = new float[height];
        for (int y = 0; y < height; y++) {
            ry[y] = bandY == 0 ? 1f : Math.min(1f, (y + 0.5f) / bandY);
        }
        column.put(0, 0, ry);
        Mat weight = new Mat();
        Core.gemm(column, row, 1.0, new Mat(), 0.0, weight);
        Mat weight3 = new Mat();
        Core.merge(List.of(weight, weight, weight), weight3);
        row.release();
        column.release();
        weight.release();
        return weight3;
    }
}
