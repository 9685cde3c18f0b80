package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.toonsmith.engine.runtime.TorchRuntime;

/**
 * The network of {@link LiteSpec}: CartoonGAN's encoder, residual body and decoder, sized for a laptop CPU,
 * with the input photo fed again into the last layer.
 *
 * <p>The full-resolution skips (the photo, and optionally a detail branch of local edge features) let the last
 * layer draw crisp detail and outlines the quarter-resolution body cannot hold,
 * and, in residual mode, the network predicts a change to the photo rather than a new image, so that it starts
 * from identity and training spends its steps on the look instead of on relearning the photo.
 */
final class LiteGenerator extends AbstractBlock implements Costed {

    private final Chain body;
    private final ConvUnit detail;
    private final Chain refine;
    private final ConvUnit head;
    private final ConvUnit ink;
    private final boolean residual;
    private final SurfaceFlattening flattening;
    private final CelPalette palette;

    /**
     * @param refine full-resolution layers between the joined features and the head (may be empty)
     * @param ink the layer giving the share of ink per pixel, in 0..1, or null for none
     * @param flattening the parameter-free step that flattens the drawing's surfaces, or null for none
     * @param palette the last step, which paints the drawing with the style's own colours, or null for none
     */
    LiteGenerator(Chain body, ConvUnit detail, Chain refine, ConvUnit head, ConvUnit ink, boolean residual,
            SurfaceFlattening flattening, CelPalette palette) {
        this.body = addChildBlock("body", body);
        this.detail = detail == null ? null : addChildBlock("detail", detail);
        // An empty chain keeps no parameters, so styles without refining layers load as before.
        this.refine = refine.isEmpty() ? null : addChildBlock("refine", refine);
        this.head = addChildBlock("head", head);
        // Added after the head, so the parameters of styles without an ink layer keep their names and order.
        this.ink = ink == null ? null : addChildBlock("ink", ink);
        this.residual = residual;
        this.flattening = flattening;
        // Added last, so the parameters of styles without a palette keep their names and order.
        this.palette = palette == null ? null : addChildBlock("palette", palette);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray drawn = draw(parameterStore, inputs, training, params);
        if (flattening != null) {
            NDArray flat = flattening.apply(drawn);
            drawn.close();
            drawn = flat;
        }
        if (palette == null) {
            return new NDList(drawn);
        }
        NDArray painted = palette.forward(parameterStore, new NDList(drawn), training, params).singletonOrThrow();
        drawn.close();
        return new NDList(painted);
    }

    private NDArray draw(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray photo = inputs.singletonOrThrow();
        NDArray features = body.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray joined;
        if (detail == null) {
            joined = NDArrays.concat(new NDList(features, photo), 1);
        } else {
            NDArray edges = detail.forward(parameterStore, inputs, training, params).singletonOrThrow();
            joined = NDArrays.concat(new NDList(features, edges, photo), 1);
            edges.close();
        }
        features.close();
        if (refine != null) {
            NDArray refined = refine.forward(parameterStore, new NDList(joined), training, params).singletonOrThrow();
            joined.close();
            joined = refined;
        }
        NDArray out = head.forward(parameterStore, new NDList(joined), training, params).singletonOrThrow();
        NDArray share = ink == null ? null : ink.forward(parameterStore, new NDList(joined), training, params).singletonOrThrow();
        joined.close();
        NDArray colour = out;
        if (residual) {
            colour = out.add(photo);
            out.close();
        }
        if (share == null) {
            return colour;
        }
        // Pixel values run from -1 (black) to 1: ink scales the distance from black, so full ink is black.
        if (!training) {
            // In place on the full-resolution colour, which this pass made and nothing else holds: each new
            // full-resolution array costs libtorch an allocation and its page faults (a fifth of the 1024 px time).
            // Passes that are not training are never recorded by autograd (the trainer judges and draws samples
            // with them outside its gradient collector), so nothing needs the values overwritten here.
            try (NDArray keep = share.neg().addi(1f)) {
                colour.addi(1f).muli(keep).subi(1f);
            }
            share.close();
            return colour;
        }
        NDArray inked = colour.add(1f).mul(share.neg().add(1f)).sub(1f);
        colour.close();
        share.close();
        return inked;
    }

    /**
     * Starts the ink layer with no weights and the given bias, so that a new generator draws the same faint ink
     * everywhere and learns where lines belong, instead of starting from random lines.
     */
    void startInkAt(float bias) {
        startAt(ink, bias);
    }

    /** Starts the palette at the colours of {@code photos}; see {@link CelPalette#fitTo}. */
    void fitPaletteTo(NDArray photos, double saturation, int seed) {
        if (palette != null) {
            palette.fitTo(photos, saturation, seed);
        }
    }

    /** Sets the last layer's weights to zero, so that a residual generator outputs its input unchanged. */
    void zeroHead() {
        startAt(head, 0f);
    }

    /** Zeroes {@code layer}'s weights and sets its biases to {@code bias}. */
    private static void startAt(ConvUnit layer, float bias) {
        // An in-place change of a parameter must not be recorded by autograd.
        boolean previous = TorchRuntime.setGradMode(false);
        try {
            for (Pair<String, Parameter> p : layer.getParameters()) {
                NDArray array = p.getValue().getArray();
                array.muli(0f);
                if (bias != 0 && p.getKey().endsWith("bias")) {
                    array.addi(bias);
                }
            }
        } finally {
            TorchRuntime.setGradMode(previous);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        if (detail != null) {
            detail.initialize(manager, dataType, inputShapes);
        }
        if (refine != null) {
            refine.initialize(manager, dataType, joinedShape(inputShapes[0]));
        }
        head.initialize(manager, dataType, headInput(inputShapes[0]));
        if (ink != null) {
            ink.initialize(manager, dataType, headInput(inputShapes[0]));
        }
        if (palette != null) {
            palette.initialize(manager, dataType, inputShapes);
        }
    }

    private Shape joinedShape(Shape input) {
        Shape features = body.getOutputShapes(new Shape[] {input})[0];
        long detailChannels = detail == null ? 0 : detail.getOutputShapes(new Shape[] {input})[0].get(1);
        return new Shape(input.get(0), features.get(1) + detailChannels + input.get(1), input.get(2), input.get(3));
    }

    private Shape headInput(Shape input) {
        Shape joined = joinedShape(input);
        return refine == null ? joined : refine.getOutputShapes(new Shape[] {joined})[0];
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public long flops(Shape input) {
        return body.flops(input) + (detail == null ? 0 : detail.flops(input))
                + (refine == null ? 0 : refine.flops(joinedShape(input))) + head.flops(headInput(input))
                + (ink == null ? 0 : ink.flops(headInput(input)))
                + (flattening == null ? 0 : flattening.flops(input))
                + (palette == null ? 0 : palette.flops(input));
    }
}
