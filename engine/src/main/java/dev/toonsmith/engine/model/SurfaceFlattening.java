package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

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

    /** {@link #EPSILON} for pixels in [-1, 1], which span twice the range of [0, 1]: variances are four times larger. */
    private static final float EPSILON_PIXELS = (float) (4 * EPSILON);

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
        // One pass for drawing and training: writing in place when drawing measured no faster (the time is the box
        // filters'), and autograd needs every intermediate when training.
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
                NDArray regularized = variance.add(EPSILON_PIXELS);
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
        Shape shape = x.getShape();
        // Zero padding adds nothing to a window's sum, so dividing by the filtered ones gives each window's mean over
        // the pixels it has inside the picture.
        try (NDArray ones = x.getManager().ones(new Shape(1, 1, shape.get(2), shape.get(3)), x.getDataType(), x.getDevice());
                NDArray inside = windowSums(ones);
                NDArray sums = windowSums(x)) {
            return sums.div(inside);
        }
    }

    /**
     * The sum of each window (over zero padding at the borders), as a depthwise convolution with a kernel of ones:
     * libtorch's convolution is about three times faster on the CPU than its average pooling, even as a row and a
     * column pass.
     */
    private NDArray windowSums(NDArray x) {
        int side = 2 * radius + 1;
        long channels = x.getShape().get(1);
        try (NDArray kernel = x.getManager().ones(new Shape(channels, 1, side, side), x.getDataType(), x.getDevice())) {
            return Conv2d.conv2d(x, kernel, null, new Shape(1, 1), new Shape(radius, radius), new Shape(1, 1),
                    (int) channels).singletonOrThrow();
        }
    }

    /** Approximate floating-point operations for one picture of {@code input}'s shape. */
    long flops(Shape input) {
        long pixels = input.get(0) * input.get(2) * input.get(3);
        long window = (2L * radius + 1) * (2L * radius + 1);
        // 8 channels through the first box filter, 6 through the second, and about 20 element-wise operations.
        return pixels * (14 * window + 20);
    }
}
