package dev.toonsmith.engine.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.model.NormStatistics;

/**
 * The seam between {@link Stylizer} and the network it runs: our own generator blocks ({@link BlockGenerator}) or a
 * model brought from elsewhere. The stylizer handles images, sizes, tiles and cancellation; a generator only draws.
 *
 * <p>Thread-safe: any number of threads may draw at once, each with its own {@code scope}.
 */
public interface Generator extends AutoCloseable {

    /** What the tiler needs to know. */
    GeneratorTraits traits();

    /** Where the network runs. */
    ai.djl.Device device();

    /** A scope for one stylize call's arrays, on {@link #device()}; the caller closes it. */
    NDManager newScope();

    /**
     * The drawing of {@code photo}: NCHW float RGB in [-1, 1] in, the same shape and range out, attached to
     * {@code scope}.
     *
     * @param statistics instance-norm statistics to record or replay across tiles, or null; only passed when
     *     {@link GeneratorTraits#replaysNormStatistics()}
     */
    NDArray draw(NDArray photo, NDManager scope, NormStatistics statistics);

    /** A short description for logs, e.g. {@code lite(width=16, ...)}. */
    String describe();

    /** Frees what the generator owns. */
    @Override
    void close();
}
