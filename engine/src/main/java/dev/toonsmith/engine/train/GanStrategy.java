package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.train.data.FloatBatch;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every GAN strategy shares: the options, the memory its networks live in, one optimizer for the
 * generators and one for the discriminators, and the bookkeeping of the last step's losses and verdicts.
 */
abstract class GanStrategy implements TrainingStrategy {

    protected final TrainingOptions options;
    protected final NDManager manager;
    protected final Map<String, Double> losses = new LinkedHashMap<>();
    /** This step's photos and cartoons, NCHW RGB in [-1, 1], in the step's scope. */
    protected NDArray photos;
    protected NDArray cartoons;
    protected double realScore = Double.NaN;
    protected double fakeScore = Double.NaN;

    GanStrategy(TrainingOptions options, NDManager manager) {
        this.options = options;
        this.manager = manager;
    }

    /** The optimizer of the generator(s). */
    protected abstract Adam generatorOptimizer();

    /** The optimizer of the discriminator(s). */
    protected abstract Adam discriminatorOptimizer();

    /** A forward pass in the input's memory scope. */
    protected static NDList forward(Block block, NDArray input, boolean training) {
        return block.forward(new ParameterStore(input.getManager(), false), new NDList(input), training);
    }

    @Override
    public void setInput(FloatBatch photoBatch, FloatBatch cartoonBatch, NDManager scope) {
        photos = TrainingRun.tensor(photoBatch, scope, scope.getDevice());
        cartoons = TrainingRun.tensor(cartoonBatch, scope, scope.getDevice());
        prepare(photoBatch, cartoonBatch, scope);
    }

    /** Makes whatever else this strategy's losses need from the step's crops, in {@code scope}. */
    protected void prepare(FloatBatch photoBatch, FloatBatch cartoonBatch, NDManager scope) {}

    @Override
    public void fitToPhotos(NDArray photos, long seed) {
        options.generatorSpec().fitToPhotos(generator(), photos, seed);
    }

    @Override
    public Map<String, Double> currentLosses() {
        return new LinkedHashMap<>(losses);
    }

    @Override
    public double realScore() {
        return realScore;
    }

    @Override
    public double fakeScore() {
        return fakeScore;
    }

    @Override
    public NDArray translate(NDArray photos) {
        return forward(generator(), photos, false).singletonOrThrow();
    }

    @Override
    public Map<String, Adam> optimizers() {
        Map<String, Adam> map = new LinkedHashMap<>();
        map.put("generator", generatorOptimizer());
        map.put("discriminator", discriminatorOptimizer());
        return map;
    }

    @Override
    public void close() {
        manager.close();
    }
}
