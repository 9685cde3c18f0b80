package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/** The non-adversarial loss terms shared by the strategies. */
final class Losses {

    private Losses() {}

    /** Mean absolute difference. */
    static NDArray l1(NDArray a, NDArray b) {
        return a.sub(b).abs().mean();
    }

    /**
     * Mean absolute difference with each pixel counted {@code weights} times (N x 1 x H x W), over the weights'
     * mean: the loss keeps the scale of {@link #l1}, only its balance between pixels changes.
     */
    static NDArray weightedL1(NDArray a, NDArray b, NDArray weights) {
        return a.sub(b).abs().mul(weights).mean().div(weights.mean());
    }

    /**
     * L1 between {@code a} and {@code b} after average pooling by {@code scale}: compares layout and colour
     * while leaving texture and lines free, the pretrained-network-free content loss.
     */
    static NDArray lowFrequencyL1(NDArray a, NDArray b, int scale) {
        if (scale <= 1) {
            return l1(a, b);
        }
        Shape window = new Shape(scale, scale);
        Shape none = new Shape(0, 0);
        return l1(Pool.avgPool2d(a, window, window, none, false, false), Pool.avgPool2d(b, window, window, none, false, false));
    }

    /** Mean absolute difference between neighbouring pixels: punishes speckle and periodic artefacts. */
    static NDArray totalVariation(NDArray x) {
        NDArray dy = x.get(":, :, 1:, :").sub(x.get(":, :, :-1, :")).abs().mean();
        NDArray dx = x.get(":, :, :, 1:").sub(x.get(":, :, :, :-1")).abs().mean();
        return dx.add(dy);
    }

    /** The value of a scalar loss, failing the step if it is not a finite number. */
    static double finite(String name, long step, NDArray loss) {
        double value = loss.getFloat();
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(name, step, value);
        }
        return value;
    }
}
