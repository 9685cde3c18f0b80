package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * What a strategy needs to know about the step it is optimizing.
 *
 * @param step the 0-based step
 * @param learningRate the rate for this step, schedule and guard applied
 * @param losses passes each named loss through before it is used; the run uses it to inject faults in tests
 */
record StepContext(long step, double learningRate, LossFilter losses) {

    /** A hook on every loss a strategy computes. */
    @FunctionalInterface
    interface LossFilter {
        LossFilter NONE = (name, step, loss) -> loss;

        NDArray apply(String name, long step, NDArray loss);
    }

    NDArray filter(String name, NDArray loss) {
        return losses.apply(name, step, loss);
    }
}
