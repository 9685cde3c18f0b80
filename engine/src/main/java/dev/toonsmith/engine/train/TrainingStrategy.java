package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.train.data.FloatBatch;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.Map;

/**
 * One way of training a photo-to-cartoon generator, in the small contract of the CycleGAN code base: set the
 * input, optimize the parameters, report the current losses. The run owns the loop, the data, checkpoints
 * and events; a strategy owns its networks, optimizers and losses.
 *
 * <p>All methods are called on the training thread only.
 */
interface TrainingStrategy extends AutoCloseable {

    /** The registered name of this strategy, e.g. {@code cartoongan}. */
    String name();

    /**
     * This step's input: crops from the photo and the cartoon folder. The strategy makes what it trains on from them
     * (tensors, and any targets its losses need) in {@code scope}, which is on the training device and closes after
     * the step.
     */
    void setInput(FloatBatch photos, FloatBatch cartoons, NDManager scope);

    /**
     * Runs the discriminator and generator updates of one step.
     *
     * @throws NonFiniteLossException if a loss is NaN or infinite; no update is applied for that network
     */
    void optimizeParameters(StepContext context);

    /**
     * Fits what a new generator starts from the data to {@code photos} (NCHW in [-1, 1]), once, before the first step
     * of a new run; a resumed run has it in its checkpoint.
     */
    void fitToPhotos(NDArray photos, long seed);

    /** The loss terms of the last step, by name, in a stable order. */
    Map<String, Double> currentLosses();

    /** The discriminator's mean verdict on real cartoons in the last step (see {@link GanLoss#score}). */
    double realScore();

    /** The discriminator's mean verdict on generated images in the last step. */
    double fakeScore();

    /** The photo-to-cartoon generator: what a style is exported from. */
    Block generator();

    /** The generator's output for {@code photos}, without recording gradients. */
    NDArray translate(NDArray photos);

    /** Every network, by a stable name, for checkpoints. */
    Map<String, Block> networks();

    /** Every optimizer, by a stable name, for checkpoints. */
    Map<String, Adam> optimizers();

    /** Extra state a checkpoint must hold (e.g. CycleGAN's pool of past fakes), as named arrays. */
    default NDList extraState() {
        return new NDList();
    }

    /** Restores {@link #extraState()}. */
    default void restoreExtraState(NDList state) {}

    @Override
    void close();
}
