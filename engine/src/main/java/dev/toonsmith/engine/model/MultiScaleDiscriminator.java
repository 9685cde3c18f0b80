package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** One PatchGAN per scale; scale k sees the image average-pooled by 2^k. Returns one logit map per scale. */
final class MultiScaleDiscriminator extends AbstractBlock {

    private final List<Chain> scales = new ArrayList<>();

    MultiScaleDiscriminator(DiscriminatorSpec spec) {
        for (int s = 0; s < spec.scales(); s++) {
            scales.add(addChildBlock("scale" + s, spec.newPatchGan()));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList out = new NDList();
        NDArray current = x;
        for (int s = 0; s < scales.size(); s++) {
            if (s > 0) {
                NDArray smaller = Pool.avgPool2d(current, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false, false);
                if (current != x) {
                    current.close();
                }
                current = smaller;
            }
            out.add(scales.get(s).forward(parameterStore, new NDList(current), training, params).singletonOrThrow());
        }
        if (current != x) {
            current.close();
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (Chain scale : scales) {
            scale.initialize(manager, dataType, shape);
            shape = new Shape(shape.get(0), shape.get(1), (shape.get(2) + 1) / 2, (shape.get(3) + 1) / 2);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[scales.size()];
        Shape shape = inputShapes[0];
        for (int s = 0; s < scales.size(); s++) {
            out[s] = scales.get(s).getOutputShapes(new Shape[] {shape})[0];
            shape = new Shape(shape.get(0), shape.get(1), (shape.get(2) + 1) / 2, (shape.get(3) + 1) / 2);
        }
        return out;
    }
}
