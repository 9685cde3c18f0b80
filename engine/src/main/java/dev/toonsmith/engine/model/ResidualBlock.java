package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code x + body(x)}: the residual block of the CartoonGAN and CycleGAN generators. The body keeps the
 * shape, so the block can be stacked; with {@link #separable} bodies it is the cheap variant of the
 * {@code lite} generator.
 */
public final class ResidualBlock extends AbstractBlock implements Costed {

    private final Chain body;

    private ResidualBlock(Chain body) {
        this.body = addChildBlock("body", body);
    }

    /** Two full 3x3 convolutions with instance norm, ReLU between them (CartoonGAN's block). */
    public static ResidualBlock standard(int channels) {
        Chain body = new Chain();
        body.append("a", ConvUnit.builder(channels, 3).build());
        body.append("b", ConvUnit.builder(channels, 3).optNonlinearity(ConvUnit.Nonlinearity.NONE).build());
        return new ResidualBlock(body);
    }

    /**
     * Two depthwise-separable convolutions (a depthwise 3x3, then a pointwise 1x1 with instance norm): about
     * a ninth of the arithmetic of {@link #standard} at the same width.
     */
    public static ResidualBlock separable(int channels, ConvUnit.Padding padding) {
        Chain body = new Chain();
        appendSeparable(body, "a", channels, padding, ConvUnit.Nonlinearity.RELU);
        appendSeparable(body, "b", channels, padding, ConvUnit.Nonlinearity.NONE);
        return new ResidualBlock(body);
    }

    /** Appends a depthwise 3x3 then a normalized pointwise 1x1, both keeping {@code channels}. */
    private static void appendSeparable(
            Chain chain, String name, int channels, ConvUnit.Padding padding, ConvUnit.Nonlinearity nonlinearity) {
        chain.append(name + "dw", ConvUnit.builder(channels, 3)
                .optGroups(channels)
                .optPadding(padding)
                .optNorm(false)
                .optNonlinearity(ConvUnit.Nonlinearity.NONE)
                .build());
        chain.append(name + "pw", ConvUnit.builder(channels, 1)
                .optPadding(ConvUnit.Padding.NONE)
                .optNonlinearity(nonlinearity)
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray change = body.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray out = x.add(change);
        Arrays.closeUnless(change, x);
        return new NDList(out);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public long flops(Shape input) {
        return body.flops(input);
    }
}
