package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * An edge-preserving flattening of a drawn picture: the guided filter (He, Sun and Tang) with the picture as its
 * own guide, as White-box cartoonization uses for its surface representation. In each window the picture is fitted
 * as a linear function of its own brightness; where the brightness varies by less than the regularization allows
 * (fine texture, skin pores, wood grain) the fit is flat, and where it varies more (outlines, region boundaries) the
 * fit follows it, so edges stay sharp.
 *
 * <p>It has no parameters: at the end of a generator it makes flat surfaces the easy thing to draw, and training
 * through it (it is made of box filters, which autograd differentiates) teaches the layers before it to draw lines
 * strong enough to survive it. Pictures are NCHW with 3 channels in [-1, 1].
 */
final class SurfaceFlattening {

    /**
     * Regularization in squared brightness units of [0, 1], as {@code GuidedUpsampling}'s: windows whose brightness
     * varies by less than about 0.05 are flattened.
     */
    static final double EPSILON = 3e-3;

    private final int radius;

    /** @param radius window radius in pixels (windows of {@code 2 * radius + 1} squared), at least 1 */
    SurfaceFlattening(int radius) {
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be at least 1, got " + radius);
        }
        this.radius = radius;
    }

    /** The flattened picture, a new array of {@code picture}'s shape; {@code picture} is left as it is. */
    NDArray apply(NDArray picture) {
        // Pixels in [-1, 1] span twice the range of [0, 1], so variances are four times larger.
        float epsilon = (float) (4 * EPSILON);
        try (NDArray gray = picture.mean(new int[] {1}, true);
                NDArray grayGray = gray.mul(gray);
                NDArray grayPicture = picture.mul(gray);
                NDArray stacked = NDArrays.concat(new NDList(gray, grayGray, picture, grayPicture), 1);
                NDArray means = box(stacked);
                NDArray meanGray = means.get(":, 0:1");
                NDArray meanGrayGray = means.get(":, 1:2");
                NDArray meanPicture = means.get(":, 2:5");
                NDArray meanGrayPicture = means.get(":, 5:8");
                NDArray meanGraySquared = meanGray.mul(meanGray);
                NDArray variance = meanGrayGray.sub(meanGraySquared);
                NDArray regularized = variance.add(epsilon);
                NDArray meanProduct = meanGray.mul(meanPicture);
                NDArray covariance = meanGrayPicture.sub(meanProduct);
                NDArray slope = covariance.div(regularized);
                NDArray slopeTimesMean = slope.mul(meanGray);
                NDArray offset = meanPicture.sub(slopeTimesMean);
                NDArray coefficients = NDArrays.concat(new NDList(slope, offset), 1);
                NDArray smoothed = box(coefficients);
                NDArray smoothSlope = smoothed.get(":, 0:3");
                NDArray smoothOffset = smoothed.get(":, 3:6");
                NDArray scaled = smoothSlope.mul(gray)) {
            return scaled.add(smoothOffset);
        }
    }

    /** The mean of each window, over the pixels inside the picture (so borders are not darkened). */
    private NDArray box(NDArray x) {
        // DJL's PyTorch engine counts the zero padding in the average whatever countIncludePad says, so the sums
        // are divided by the share of each window inside the picture.
        Shape shape = x.getShape();
        try (NDArray ones = x.getManager().ones(new Shape(1, 1, shape.get(2), shape.get(3)), x.getDataType(), x.getDevice());
                NDArray inside = pool(ones);
                NDArray padded = pool(x)) {
            return padded.div(inside);
        }
    }

    private NDArray pool(NDArray x) {
        int side = 2 * radius + 1;
        return Pool.avgPool2d(x, new Shape(side, side), new Shape(1, 1), new Shape(radius, radius), false, true);
    }

    /** How far, in pixels, a pixel of the output depends on the input: two box filters. */
    int reach() {
        return 2 * radius;
    }

    /** Approximate floating-point operations for one picture of {@code input}'s shape. */
    long flops(Shape input) {
        long pixels = input.get(0) * input.get(2) * input.get(3);
        long window = (2L * radius + 1) * (2L * radius + 1);
        // 8 channels through the first box filter, 6 through the second, and about 20 element-wise operations.
        return pixels * (14 * window + 20);
    }
}
