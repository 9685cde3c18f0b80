package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CartoonGAN's topology made for a laptop CPU: narrow at full resolution, depthwise-separable residual
 * blocks at a quarter of the resolution, separable upsampling stages, and the photo fed into the last layer.
 *
 * @param width channels at full resolution; twice as many at half and four times at quarter resolution
 * @param residualBlocks separable residual blocks at quarter resolution
 * @param detail whether a full-resolution detail branch (one 3x3 convolution of the photo) feeds the last layer
 *     besides the photo: it gives the last layer local edge features, without which outlines come only from
 *     the quarter-resolution body and stay soft
 * @param residual whether the network predicts a change added to the photo (true) or the image itself
 *     through tanh (false)
 * @param refine full-resolution 3x3 convolutions (instance norm, ReLU) between the joined features and the last
 *     layer: with none, the last layer is a linear mix of upsampled body features, edges and photo and cannot
 *     flatten texture while keeping boundaries sharp (that needs a non-linear decision per pixel)
 * @param ink whether an ink layer darkens the drawn colours: a 3x3 convolution to one channel through a sigmoid
 *     gives the share of ink at each pixel, and the output is the colour times one minus that share. A cartoon is
 *     flat colour multiplied by dark lines; without this layer the network has to make that product out of sums,
 *     and its outlines come out grey and soft
 * @param flatten the window radius of a last, parameter-free layer that flattens the drawn picture's surfaces
 *     while keeping its edges ({@link SurfaceFlattening}), or 0 for none. Without it a small network passes much
 *     of the photo's fine texture through to its drawing, even where its target is flat
 * @param palette the number of colours of a learned palette the drawing is painted with as the very last step
 *     ({@link CelPalette}: nearest colour, then a 5x5 majority vote), or 0 for none. A small generator trained on a
 *     CPU budget keeps a photographic palette and the photo's shading gradients by itself; painted with a few dozen
 *     colours its regions become flat cel fills
 */
public record LiteSpec(int width, int residualBlocks, boolean residual, boolean detail, int refine, boolean ink,
        int flatten, int palette) implements GeneratorSpec {

    /** A spec with the detail branch, one refining layer, the ink layer, no flattening and no palette. */
    public LiteSpec(int width, int residualBlocks, boolean residual) {
        this(width, residualBlocks, residual, true, 1, true, 0, 0);
    }

    /** Hyperparameters added after the first version, with the values that rebuild networks written before them. */
    static final Map<String, Object> ADDED_LATER = Map.of("refine", 0, "ink", false, "flatten", 0, "palette", 0);

    /** The largest palette: beyond it the palette stops looking like paint. */
    public static final int MAX_PALETTE = 64;

    /**
     * How much more colourful than the photos' own k-means colours a new palette starts: cartoonists paint with
     * brighter colours than photos have, and the adversarial loss takes it from there.
     */
    static final double PALETTE_START_SATURATION = 1.3;

    /** The ink layer's starting bias: about 5 % ink everywhere, a small darkening the colour layer soon makes up. */
    static final float INK_START_BIAS = -3f;

    public static final String NAME = "lite";

    /** The largest parameter count the {@code lite} family is meant to stay under. */
    public static final long PARAMETER_BUDGET = 1_500_000;

    public LiteSpec {
        if (width < 4 || residualBlocks < 0 || refine < 0 || flatten < 0 || palette < 0 || palette == 1
                || palette > MAX_PALETTE) {
            throw new InvalidArchitectureException("lite needs width >= 4, residualBlocks >= 0, refine >= 0, flatten >= 0"
                    + " and a palette of 0 (none) or 2 to " + MAX_PALETTE + " colours");
        }
        long parameters = parameterCount(width, residualBlocks, detail, refine, ink, palette);
        if (parameters > PARAMETER_BUDGET) {
            throw new InvalidArchitectureException("lite with width " + width + " and " + residualBlocks
                    + " residual blocks has " + parameters + " parameters, over the budget of " + PARAMETER_BUDGET
                    + ": lower the width or the number of blocks");
        }
    }

    /**
     * The palette vote's weights along a row and a column (the 2-D weights are their outer product, doubled, and a
     * pixel's own colour gets one more), for writers of the network in other formats.
     */
    public static float[] paletteVoteRow() {
        return CelPalette.voteRow();
    }

    /** The palette's colour scores' constant terms ({@code -|c|^2 / 2} per colour of an RGB table). */
    public static float[] paletteScoreOffsets(float[] table) {
        return CelPalette.scoreOffsets(table);
    }

    /** How many rounds the palette votes. */
    public static int paletteVoteRounds() {
        return CelPalette.VOTES;
    }

    /** The flattening's regularization, in squared brightness units of [0, 1]. */
    public static double flattenEpsilon() {
        return SurfaceFlattening.EPSILON;
    }

    /** The number of trainable parameters, without building the network. */
    public long parameterCount() {
        return parameterCount(width, residualBlocks, detail, refine, ink, palette);
    }

    private static long parameterCount(long w, long blocks, boolean detail, long refine, boolean ink, long palette) {
        long c = 4 * w;
        long stem = 49 * 3 * w + 2 * w;
        long down = 9 * w * 2 * w + 2 * 2 * w + 9 * 2 * w * c + 2 * c;
        // Each separable half: depthwise 3x3 with bias, pointwise 1x1 with affine instance norm.
        long residual = blocks * 2 * (9 * c + c + c * c + 2 * c);
        long up = c * 2 * w + 2 * w + 9 * 2 * w * 2 * w + 2 * 2 * w + 2 * w * w + w + 9 * w * w + 2 * w;
        long detailBranch = detail ? 27 * w + 2 * w : 0; // 3x3 conv without bias, then affine instance norm
        long joined = w + (detail ? w : 0) + 3;
        // Refining layers: 3x3 without bias, then affine instance norm; the first one reads the joined channels.
        long refining = refine == 0 ? 0 : (9 * joined * w + 2 * w) + (refine - 1) * (9 * w * w + 2 * w);
        long headInput = refine == 0 ? joined : w;
        long head = 9 * headInput * 3 + 3;
        long inkLayer = ink ? 9 * headInput + 1 : 0;
        return stem + down + residual + up + detailBranch + refining + head + inkLayer + 3 * palette;
    }

    /** The default trade-off between look and speed. */
    public static LiteSpec defaults() {
        return new LiteSpec(16, 6, true);
    }

    static LiteSpec parse(Map<String, ?> values) {
        LiteSpec d = defaults();
        Hyperparameters h = new Hyperparameters(NAME, values);
        LiteSpec spec = new LiteSpec(
                h.integer("width", d.width, 4, 64),
                h.integer("residualBlocks", d.residualBlocks, 0, 16),
                h.flag("residual", d.residual),
                h.flag("detail", d.detail),
                h.integer("refine", d.refine, 0, 4),
                h.flag("ink", d.ink),
                h.integer("flatten", d.flatten, 0, 8),
                h.integer("palette", d.palette, 0, MAX_PALETTE));
        h.resolved();
        return spec;
    }

    @Override
    public String architecture() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("width", width);
        map.put("residualBlocks", residualBlocks);
        map.put("residual", residual);
        map.put("detail", detail);
        map.put("refine", refine);
        map.put("ink", ink);
        map.put("flatten", flatten);
        map.put("palette", palette);
        return map;
    }

    @Override
    public int sizeMultiple() {
        return 4;
    }

    @Override
    public int minimumSide() {
        return 8;
    }

    @Override
    public int receptiveRadius() {
        return 3 + 1 + 2 + residualBlocks * 2 * 4 + 4 + 2 + refine + 1 + 2 * flatten + (palette > 0 ? CelPalette.REACH : 0);
    }

    @Override
    public long inferenceBytesPerPixel() {
        // Measured with 'toonsmith bench' (peak resident memory over image pixels): about 600 B at width 16.
        // The flattening layer holds about 24 more channels of full-resolution temporaries.
        // The palette holds about three one-hot maps of its colours at full resolution.
        return 4L * (width + 3) * 9 + (flatten > 0 ? 4L * 24 : 0) + 4L * 3 * palette;
    }

    @Override
    public Block newGenerator() {
        int w = width;
        Chain body = new Chain();
        body.append("in", ConvUnit.builder(w, 7).build());
        // Inner layers pad with zeros inside the convolution: reflection costs a copy of every feature map,
        // and only the layers that touch the picture's border (first and last) show the difference.
        body.append("down1", ConvUnit.builder(2 * w, 3).optStride(2).optPadding(ConvUnit.Padding.ZERO).build());
        body.append("down2", ConvUnit.builder(4 * w, 3).optStride(2).optPadding(ConvUnit.Padding.ZERO).build());
        for (int i = 0; i < residualBlocks; i++) {
            body.append("res" + i, ResidualBlock.separable(4 * w, ConvUnit.Padding.ZERO));
        }
        // Narrow before upsampling (a cheap 1x1 at low resolution), then one full 3x3 at the new resolution:
        // depthwise convolutions are memory-bound and slow on large CPU feature maps.
        body.append("up1narrow", pointwise(2 * w));
        body.append("up1", new Upsample());
        body.append("up1conv", ConvUnit.builder(2 * w, 3).optPadding(ConvUnit.Padding.ZERO).build());
        body.append("up2narrow", pointwise(w));
        body.append("up2", new Upsample());
        body.append("up2conv", ConvUnit.builder(w, 3).optPadding(ConvUnit.Padding.ZERO).build());
        ConvUnit head = ConvUnit.builder(3, 3)
                .optNorm(false)
                .optNonlinearity(residual ? ConvUnit.Nonlinearity.NONE : ConvUnit.Nonlinearity.TANH)
                .build();
        ConvUnit detailBranch = detail ? ConvUnit.builder(w, 3).build() : null;
        Chain refining = new Chain();
        for (int i = 0; i < refine; i++) {
            refining.append("refine" + i, ConvUnit.builder(w, 3).build());
        }
        ConvUnit inkLayer = ink
                ? ConvUnit.builder(1, 3).optNorm(false).optNonlinearity(ConvUnit.Nonlinearity.SIGMOID).build()
                : null;
        return new LiteGenerator(body, detailBranch, refining, head, inkLayer, residual,
                flatten == 0 ? null : new SurfaceFlattening(flatten), palette == 0 ? null : new CelPalette(palette));
    }

    @Override
    public void prepareForTraining(Block initializedGenerator) {
        LiteGenerator generator = (LiteGenerator) initializedGenerator;
        if (residual) {
            generator.zeroHead();
        }
        if (ink) {
            generator.startInkAt(INK_START_BIAS);
        }
    }

    @Override
    public void fitToPhotos(Block initializedGenerator, NDArray photos, long seed) {
        ((LiteGenerator) initializedGenerator).fitPaletteTo(photos, PALETTE_START_SATURATION, (int) seed);
    }

    private static ConvUnit pointwise(int filters) {
        return ConvUnit.builder(filters, 1)
                .optPadding(ConvUnit.Padding.NONE)
                .optNorm(false)
                .optNonlinearity(ConvUnit.Nonlinearity.NONE)
                .build();
    }
}
