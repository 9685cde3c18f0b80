package dev.toonsmith.engine.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;

/** Counts the floating-point operations of a block, see {@link Costed} for what is counted. */
public final class Flops {

    private Flops() {}

    /** Operations of one forward pass of {@code block} on an NCHW input of shape {@code input}. */
    public static long of(Block block, Shape input) {
        if (block instanceof Costed costed) {
            return costed.flops(input);
        }
        if (block instanceof Conv2d conv) {
            Shape out = conv.getOutputShapes(new Shape[] {input})[0];
            long inChannels = input.get(1);
            long kernel = conv.getKernelShape().get(0) * conv.getKernelShape().get(1);
            long macs = out.get(0) * out.get(1) * out.get(2) * out.get(3) * kernel * (inChannels / conv.getGroups());
            return 2 * macs;
        }
        return 0;
    }
}
