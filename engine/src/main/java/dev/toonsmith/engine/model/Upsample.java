package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Doubles height and width by nearest-neighbour resizing. Followed by a convolution it replaces the
 * transposed convolution, which the PyTorch engine lacks and which leaves checkerboard artefacts.
 */
public final class Upsample extends AbstractBlock {

    private static final int NEAREST = 0;

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long[] size = {shape.get(2) * 2, shape.get(3) * 2};
        return new NDList(x.getNDArrayInternal().interpolation(size, NEAREST, false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) * 2, in.get(3) * 2)};
    }

    @Override
    public String toString() {
        return "Upsample(2x, nearest)";
    }
}
