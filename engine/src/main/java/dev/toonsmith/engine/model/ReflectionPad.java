package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Pads the height and width of NCHW images by mirroring the pixels next to the border, without repeating
 * the border pixel itself (PyTorch's {@code ReflectionPad2d}). Zero padding would darken the border of
 * every stylized photo; reflection keeps borders looking like the picture.
 *
 * <p>The PyTorch engine exposes only constant padding, so the mirrored strips are sliced, flipped and
 * concatenated, which autograd differentiates like any other op. Needs {@code padding < size} on each axis.
 */
public final class ReflectionPad extends AbstractBlock {

    private final int padding;

    public ReflectionPad(int padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        this.padding = padding;
    }

    public int padding() {
        return padding;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (padding == 0) {
            return new NDList(x);
        }
        NDArray wide = pad(x, 3);
        NDArray padded = pad(wide, 2);
        wide.close();
        return new NDList(padded);
    }

    private NDArray pad(NDArray x, int axis) {
        long size = x.getShape().get(axis);
        if (padding >= size) {
            throw new IllegalArgumentException(
                    "reflection padding " + padding + " needs a size above " + padding + ", got " + size);
        }
        String before = axis == 3 ? ":, :, :, 1:" + (padding + 1) : ":, :, 1:" + (padding + 1);
        String after = axis == 3
                ? ":, :, :, " + (size - padding - 1) + ":" + (size - 1)
                : ":, :, " + (size - padding - 1) + ":" + (size - 1);
        try (NDArray headView = x.get(before);
                NDArray tailView = x.get(after);
                NDArray head = headView.flip(axis);
                NDArray tail = tailView.flip(axis)) {
            return NDArrays.concat(new NDList(head, x, tail), axis);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) + 2L * padding, in.get(3) + 2L * padding)};
    }

    @Override
    public String toString() {
        return "ReflectionPad(" + padding + ")";
    }
}
