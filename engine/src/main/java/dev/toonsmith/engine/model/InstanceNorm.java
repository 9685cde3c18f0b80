package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Instance normalization for NCHW images: each channel of each image is shifted to zero mean and scaled to
 * unit variance over its own height and width, then (when affine) scaled by {@code gamma} and shifted by
 * {@code beta} per channel. Style-transfer generators use it instead of batch norm because an image's look
 * should not depend on the other images in its batch.
 *
 * <p>The PyTorch engine has no instance norm, so it is computed through batch norm on a
 * {@code (1, N*C, H, W)} view: batch norm over a batch of one is exactly instance norm, and it runs as one
 * fused kernel. A {@link NormStatistics} in the block parameters records or replays the statistics.
 */
public final class InstanceNorm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float epsilon;
    private final boolean affine;
    private Parameter gamma;
    private Parameter beta;

    public InstanceNorm(boolean affine, float epsilon) {
        super(VERSION);
        this.affine = affine;
        this.epsilon = epsilon;
        if (affine) {
            gamma = addParameter(
                    Parameter.builder()
                            .setName("gamma")
                            .setType(Parameter.Type.GAMMA)
                            .optInitializer(Initializer.ONES)
                            .build());
            beta = addParameter(
                    Parameter.builder()
                            .setName("beta")
                            .setType(Parameter.Type.BETA)
                            .optInitializer(Initializer.ZEROS)
                            .build());
        }
    }

    /** Affine instance norm with epsilon 1e-5, as in PyTorch's {@code InstanceNorm2d(affine=True)}. */
    public InstanceNorm() {
        this(true, 1e-5f);
    }

    public boolean isAffine() {
        return affine;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long channels = x.getShape().get(1);
        NDManager manager = x.getManager();
        NDArray g = affine
                ? parameterStore.getValue(gamma, x.getDevice(), training)
                : manager.ones(new Shape(channels), x.getDataType(), x.getDevice());
        NDArray b = affine
                ? parameterStore.getValue(beta, x.getDevice(), training)
                : manager.zeros(new Shape(channels), x.getDataType(), x.getDevice());
        NormStatistics statistics = NormStatistics.from(params);
        if (statistics != null && statistics.mode() == NormStatistics.Mode.REPLAY) {
            return new NDList(replay(x, g, b, statistics.recorded(this)));
        }
        if (statistics != null) {
            record(x, statistics);
        }
        return new NDList(normalizeOwn(x, g, b));
    }

    private NDArray normalizeOwn(NDArray x, NDArray g, NDArray b) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long groups = batch * shape.get(1);
        NDArray folded = x.reshape(1, groups, shape.get(2), shape.get(3));
        NDManager manager = x.getManager();
        NDArray weight = batch == 1 ? g : Arrays.scopedTo(g.tile(batch), x);
        NDArray bias = batch == 1 ? b : Arrays.scopedTo(b.tile(batch), x);
        try (NDArray runningMean = manager.zeros(new Shape(groups), x.getDataType(), x.getDevice());
                NDArray runningVar = manager.ones(new Shape(groups), x.getDataType(), x.getDevice())) {
            // axis -1 selects PyTorch's native layout; momentum 1 leaves the throw-away running stats alone.
            NDArray out = x.getNDArrayInternal()
                    .batchNorm(folded, runningMean, runningVar, weight, bias, -1, 1f, epsilon, true)
                    .singletonOrThrow();
            NDArray result = out.reshape(shape);
            Arrays.closeUnless(out, result);
            Arrays.closeUnless(folded, x);
            return result;
        }
    }

    private void record(NDArray x, NormStatistics statistics) {
        if (x.getShape().get(0) != 1) {
            throw new IllegalArgumentException("statistics are recorded for one image at a time");
        }
        // Reduce one axis at a time: the PyTorch engine's mean takes a single axis reliably.
        try (NDArray mean = x.mean(new int[] {3}, true).mean(new int[] {2}, true);
                NDArray centred = x.sub(mean);
                NDArray variance = centred.square().mean(new int[] {3}, true).mean(new int[] {2}, true)) {
            statistics.record(this, mean.flatten(), variance.flatten());
        }
    }

    private NDArray replay(NDArray x, NDArray g, NDArray b, NormStatistics.Channels recorded) {
        long channels = x.getShape().get(1);
        if (recorded.mean().length != channels) {
            throw new IllegalStateException("recorded statistics have " + recorded.mean().length
                    + " channels, the layer sees " + channels);
        }
        NDManager manager = x.getManager();
        NDArray mean = manager.create(recorded.mean()).toDevice(x.getDevice(), false);
        NDArray variance = manager.create(recorded.variance()).toDevice(x.getDevice(), false);
        // Fold normalization and affine into one multiply-add: y = x * scale + shift.
        NDArray scale = Arrays.scopedTo(g.div(variance.add(epsilon).sqrt()), x);
        NDArray shift = Arrays.scopedTo(b.sub(mean.mul(scale)), x);
        try (NDArray scaled = x.mul(scale.reshape(1, channels, 1, 1))) {
            return scaled.add(shift.reshape(1, channels, 1, 1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        if (affine) {
            Shape channels = new Shape(inputShapes[0].get(1));
            gamma.setShape(channels);
            beta.setShape(channels);
        }
    }

    @Override
    public String toString() {
        return "InstanceNorm(affine=" + affine + ")";
    }
}
