package dev.toonsmith.engine.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.Map;

/**
 * One generator architecture with all of its hyperparameters fixed: enough to build the network, to check
 * that a set of weights fits it, and to plan inference on it.
 *
 * <p>Generators take NCHW float images in [-1, 1] (RGB) and return images of the same shape and range.
 * Height and width must be multiples of {@link #sizeMultiple()} and at least {@link #minimumSide()}.
 */
public interface GeneratorSpec {

    /** The registered architecture name, e.g. {@code lite}. */
    String architecture();

    /** Every hyperparameter, defaults included, as written into a style manifest. */
    Map<String, Object> hyperparameters();

    /** Height and width of the input must be multiples of this. */
    int sizeMultiple();

    /** The smallest height or width the network accepts (reflection padding needs room). */
    int minimumSide();

    /**
     * How far, in input pixels, an output pixel can see. Tiles overlap by at least this much of real context
     * so that a tiled result matches an untiled one.
     */
    int receptiveRadius();

    /** A rough upper bound of the native memory one input pixel needs during inference, in bytes. */
    long inferenceBytesPerPixel();

    /** A new, uninitialized generator. */
    Block newGenerator();

    /**
     * Adjusts a freshly initialized generator before training from scratch. Residual generators zero their
     * last layer so that they start as the identity: they then spend their steps on the look rather than on
     * relearning the photo.
     */
    default void prepareForTraining(Block initializedGenerator) {}

    /**
     * Fits whatever of a new generator starts from the data (a learned palette) to {@code photos}, NCHW in [-1, 1],
     * once, before its first training step; {@code seed} makes it reproducible. Most generators have nothing to fit.
     */
    default void fitToPhotos(Block initializedGenerator, NDArray photos, long seed) {}

    /** Operations of one forward pass on one image of the given size. */
    default long flops(int height, int width) {
        return Flops.of(newGenerator(), new Shape(1, 3, height, width));
    }

    /** A short human-readable description such as {@code lite(width=16, blocks=6)}. */
    default String describe() {
        StringBuilder sb = new StringBuilder(architecture()).append('(');
        String separator = "";
        for (Map.Entry<String, Object> e : hyperparameters().entrySet()) {
            sb.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = ", ";
        }
        return sb.append(')').toString();
    }
}
