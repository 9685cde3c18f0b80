package dev.toonsmith.engine.model;

import ai.djl.ndarray.types.Shape;

/**
 * A block that knows how many floating-point operations one forward pass costs. The benchmark divides this
 * by measured time to report how close inference runs to the machine's peak.
 *
 * <p>Convolutions count two operations per multiply-accumulate; element-wise work (normalization,
 * activations, additions) is left out, as is usual for convolutional networks, because it is small next to
 * the convolutions and bound by memory rather than arithmetic.
 */
public interface Costed {

    /** Operations of one forward pass for an input of the given NCHW shape. */
    long flops(Shape input);
}
