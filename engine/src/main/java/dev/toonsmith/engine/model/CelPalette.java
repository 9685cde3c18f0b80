package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.runtime.TorchRuntime;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.TermCriteria;

/**
 * The style's own palette: every pixel of the drawing is painted with the nearest of a few learned colours, and a
 * pixel whose 3x3 neighbourhood mostly chose another colour takes that one (a weighted majority vote), so regions
 * come out in flat paint with clean borders instead of speckle.
 *
 * <p>Why a layer and not post-processing: a cartoon is a handful of flat colours per object, and a small generator
 * trained for a CPU budget only ever gets part of the way there by itself (its drawings kept the photo's shading
 * gradients and a photographic palette). As the last layer of the generator the palette is part of what the
 * discriminator judges, so the layers before it learn to draw regions and lines that paint cleanly, and the colours
 * themselves are learned: training passes the gradient straight through the choice of colour to the drawing (as in
 * VQ-VAE), and to each colour from the pixels painted with it, so the content loss moves a colour to the mean of
 * what it paints (online k-means) while the adversarial loss pulls the palette towards the cartoons'.
 *
 * <p>The palette is global, not per picture: tiles and the whole picture are painted alike, and every photo gets the
 * same style. Pictures are NCHW with 3 channels in [-1, 1]; the palette is a (colours, 3) parameter.
 */
final class CelPalette extends AbstractBlock {

    private static final byte VERSION = 1;

    /** How much more a pixel's own colour counts in its neighbourhood's 1-2-1 vote: it keeps its colour on a tie. */
    private static final float OWN_VOTE = 0.5f;

    /**
     * Rounds of the vote: each removes fragments of a pixel or two, and the next the ones the previous left thin
     * (measured on the sample photos: one round left about 1.4 times the fragments of three).
     */
    private static final int VOTES = 3;

    /**
     * Added per colour index to every score, so that equal scores (two equal colours, or two colours with the same
     * votes) still pick one colour: far below any real difference of scores.
     */
    private static final float TIE_BREAK = 1e-5f;

    private final int colours;
    private final Parameter palette;

    /** @param colours the size of the palette, at least 2 */
    CelPalette(int colours) {
        super(VERSION);
        if (colours < 2) {
            throw new IllegalArgumentException("a palette needs at least 2 colours, got " + colours);
        }
        this.colours = colours;
        palette = addParameter(Parameter.builder()
                .setName("colours")
                .setType(Parameter.Type.WEIGHT)
                // Replaced by fitTo before training; a loaded style brings its own.
                .optInitializer(Initializer.ZEROS)
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray drawing = inputs.singletonOrThrow();
        NDArray colourTable = parameterStore.getValue(palette, drawing.getDevice(), training);
        NDArray painted;
        NDArray chosen = nearest(drawing, colourTable);
        for (int round = 0; round < VOTES; round++) {
            NDArray next = vote(chosen);
            chosen.close();
            chosen = next;
        }
        painted = paint(chosen, colourTable);
        chosen.close();
        if (!training) {
            return new NDList(painted);
        }
        // The choice of colour has no gradient; the drawing gets the painted picture's gradient as it is.
        try (NDArray frozen = drawing.stopGradient();
                NDArray change = drawing.sub(frozen)) {
            NDArray out = painted.add(change);
            painted.close();
            return new NDList(out);
        }
    }

    /** One-hot (N, colours, H, W) of the palette colour nearest to each pixel. */
    private NDArray nearest(NDArray drawing, NDArray colourTable) {
        // The nearest colour maximizes x.c - |c|^2 / 2: one 1x1 convolution instead of a distance per colour.
        try (NDArray kernel = colourTable.stopGradient().reshape(colours, 3, 1, 1);
                NDArray squared = colourTable.stopGradient().square().sum(new int[] {1});
                NDArray half = squared.mul(-0.5f);
                NDArray bias = half.add(tieBreak(colourTable));
                NDArray scores = Conv2d.conv2d(drawing.stopGradient(), kernel, bias).singletonOrThrow()) {
            return oneHot(scores);
        }
    }

    /** The colour most of each pixel's 3x3 neighbourhood chose, weighted 1-2-1 and with the pixel's own choice. */
    private NDArray vote(NDArray choice) {
        NDManager manager = choice.getManager();
        float[] weights = {1, 2, 1, 2, 4 + OWN_VOTE, 2, 1, 2, 1};
        float[] kernelValues = new float[colours * 9];
        for (int c = 0; c < colours; c++) {
            System.arraycopy(weights, 0, kernelValues, c * 9, 9);
        }
        try (NDArray kernel = manager.create(kernelValues, new Shape(colours, 1, 3, 3)).toDevice(choice.getDevice(), false);
                NDArray bias = tieBreak(choice);
                NDArray votes = Conv2d.conv2d(choice, kernel, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1),
                        colours).singletonOrThrow()) {
            return oneHot(votes);
        }
    }

    /** One-hot of each pixel's largest score along the channel axis (scores carry {@link #tieBreak}). */
    private NDArray oneHot(NDArray scores) {
        // The PyTorch engine implements no one-hot; comparing with the maximum is one.
        try (NDArray best = scores.max(new int[] {1}, true);
                NDArray hot = scores.eq(best)) {
            return hot.toType(scores.getDataType(), false);
        }
    }

    /** {@link #TIE_BREAK} times each colour's index, on {@code like}'s device. */
    private NDArray tieBreak(NDArray like) {
        return like.getManager().arange(0f, colours, 1f, like.getDataType(), like.getDevice()).muli(TIE_BREAK);
    }

    /** The picture painted with the chosen colours: a 1x1 convolution of the one-hot choice with the palette. */
    private NDArray paint(NDArray chosen, NDArray colourTable) {
        try (NDArray kernel = colourTable.transpose().reshape(3, colours, 1, 1)) {
            return Conv2d.conv2d(chosen, kernel).singletonOrThrow();
        }
    }

    /**
     * Starts the palette at the k-means colours of {@code photos} (NCHW in [-1, 1]), their colourfulness raised by
     * {@code saturation}: training then moves colours, but a colour far from every pixel would never paint one and
     * never learn.
     */
    void fitTo(NDArray photos, double saturation, int seed) {
        float[] pixels;
        try (NDArray nhwc = photos.transpose(0, 2, 3, 1)) {
            pixels = nhwc.toFloatArray();
        }
        int count = pixels.length / 3;
        // Every pixel of a training batch is far more than k-means needs; a regular subsample keeps it fast.
        int stride = Math.max(1, count / 60_000);
        int used = (count + stride - 1) / stride;
        OpenCv.load();
        Mat samples = new Mat(used, 3, CvType.CV_32F);
        float[] subsample = new float[used * 3];
        for (int i = 0, p = 0; p < count && i < used; p += stride, i++) {
            System.arraycopy(pixels, p * 3, subsample, i * 3, 3);
        }
        samples.put(0, 0, subsample);
        Mat labels = new Mat();
        Mat centers = new Mat();
        Core.setRNGSeed(seed);
        Core.kmeans(samples, colours, labels, new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 50, 1e-4), 3,
                Core.KMEANS_PP_CENTERS, centers);
        float[] table = new float[colours * 3];
        centers.get(0, 0, table);
        samples.release();
        labels.release();
        centers.release();
        for (int c = 0; c < colours; c++) {
            float gray = (table[3 * c] + table[3 * c + 1] + table[3 * c + 2]) / 3;
            for (int k = 0; k < 3; k++) {
                float value = gray + (float) saturation * (table[3 * c + k] - gray);
                table[3 * c + k] = Math.max(-1f, Math.min(1f, value));
            }
        }
        // An in-place change of a parameter must not be recorded by autograd.
        boolean previous = TorchRuntime.setGradMode(false);
        try {
            NDArray array = palette.getArray();
            try (NDArray fitted = array.getManager().create(table, new Shape(colours, 3)).toDevice(array.getDevice(), false)) {
                array.muli(0f).addi(fitted);
            }
        } finally {
            TorchRuntime.setGradMode(previous);
        }
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        palette.setShape(new Shape(colours, 3));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Approximate floating-point operations for one picture of {@code input}'s shape. */
    long flops(Shape input) {
        long pixels = input.get(0) * input.get(2) * input.get(3);
        // Scores, the 3x3 vote per colour and painting.
        return pixels * colours * (6 + 18 + 6);
    }
}
