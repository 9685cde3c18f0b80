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
import org.opencv.imgproc.Imgproc;

/**
 * The style's own palette: every pixel of the drawing is painted with the nearest of a few learned colours, and a
 * pixel whose 5x5 neighbourhood mostly chose another colour takes that one (two rounds of a weighted majority vote),
 * so regions come out in flat paint with clean borders instead of speckle.
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

    /** The vote's weights along a row and a column (binomial, so near neighbours count most). */
    private static final float[] VOTE_ROW = {1, 4, 6, 4, 1};

    /**
     * Rounds of the vote. Measured on the sample photos with a style trained 500 steps (fragments under 0.002 % of the
     * picture per megapixel, the Clean cel preset: 4,284): three rounds of a 3x3 (1-2-1) vote left 8,313, mostly
     * photo texture (field furrows, windows) cut into short strokes; five and eight rounds of it, 7,068 and 6,663; one
     * round of this 5x5 vote 4,647, two 1,856, three 972. Two are clean enough; as convolutions of one map per colour
     * each round cost about 0.45 s at 1024 px, which is why the votes are now counted on the index map.
     */
    static final int VOTES = 2;

    /**
     * The colour scores' constant terms, {@code -|c|^2 / 2} for each colour c of an RGB {@code table}: a pixel's nearest
     * colour is the one maximizing {@code x.c - |c|^2 / 2}. One definition for drawing and for exports, whose choices
     * must agree to the last bit.
     */
    static float[] scoreOffsets(float[] table) {
        float[] half = new float[table.length / 3];
        for (int c = 0; c < half.length; c++) {
            float r = table[3 * c];
            float g = table[3 * c + 1];
            float b = table[3 * c + 2];
            half[c] = -0.5f * (r * r + g * g + b * b);
        }
        return half;
    }

    /** A copy of the vote's weights along a row and a column. */
    static float[] voteRow() {
        return VOTE_ROW.clone();
    }

    /** How far, in pixels, the votes let a pixel's colour depend on its neighbours: tiles overlap by it. */
    static final int REACH = VOTES * (VOTE_ROW.length / 2);


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
        Shape shape = drawing.getShape();
        int images = (int) shape.get(0);
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        float[] table = colourTable.toFloatArray();
        float[] pixels = drawing.toFloatArray();
        if (!training && !allFinite(pixels)) {
            // Painted, a NaN would take a palette colour and pass for a drawing (a flat picture); unpainted, the
            // stylizer's check refuses it with the style's name.
            return new NDList(drawing.duplicate());
        }
        int[] choice = nearest(pixels, table, images, height * width);
        for (int round = 0; round < VOTES; round++) {
            choice = vote(choice, images, height, width);
        }
        if (!training) {
            return new NDList(paint(choice, table, shape, drawing));
        }
        // Painted as a one-hot product with the palette, so that each colour gets its pixels' gradient.
        NDArray painted;
        try (NDArray chosen = oneHot(choice, shape, drawing)) {
            painted = paint(chosen, colourTable);
        }
        // The choice of colour has no gradient; the drawing gets the painted picture's gradient as it is.
        try (NDArray frozen = drawing.stopGradient();
                NDArray change = drawing.sub(frozen)) {
            NDArray out = painted.add(change);
            painted.close();
            return new NDList(out);
        }
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the palette colour nearest to each pixel of an NCHW picture, in pixel order (N, H, W): the one that
     * maximizes x.c - |c|^2 / 2, the later colour on a tie. In Java, like the votes: a score map of every colour at
     * full resolution and its arg-max cost more than the arithmetic.
     */
    private int[] nearest(float[] picture, float[] table, int images, int plane) {
        float[] half = scoreOffsets(table);
        int[] choice = new int[images * plane];
        for (int n = 0; n < images; n++) {
            int base = n * 3 * plane;
            for (int p = 0; p < plane; p++) {
                float r = picture[base + p];
                float g = picture[base + plane + p];
                float b = picture[base + 2 * plane + p];
                int best = 0;
                float bestScore = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < colours; c++) {
                    float score = r * table[3 * c] + g * table[3 * c + 1] + b * table[3 * c + 2] + half[c];
                    if (score >= bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
                choice[n * plane + p] = best;
            }
        }
        return choice;
    }

    /**
     * The colour most of each pixel's 5x5 neighbourhood chose, nearer pixels weighing more, with the pixel's own choice
     * counting half a vote more: specks up to about 2x2 pixels and one-pixel lines take their surroundings' colour,
     * regions and lines two pixels wide or more keep theirs. Between two other colours with equal votes the one with
     * the higher index wins. Pixels outside the picture do not vote.
     *
     * <p>Counted on the index map in Java rather than as convolutions of one map per colour: those maps (32 of them at
     * full resolution) made each round cost about 0.45 s at 1024 px on 2 cores, and libtorch has no mode filter; this
     * is exact integer arithmetic, the same in training and drawing.
     */
    private int[] vote(int[] choice, int images, int height, int width) {
        int side = VOTE_ROW.length;
        int reach = side / 2;
        // Doubled, so that the half vote of a pixel's own colour is a whole number too.
        int[] weights = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                weights[y * side + x] = 2 * (int) VOTE_ROW[y] * (int) VOTE_ROW[x];
            }
        }
        int[] out = new int[choice.length];
        int[] tally = new int[colours];
        int[] seen = new int[side * side];
        int plane = height * width;
        for (int n = 0; n < images; n++) {
            int base = n * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int count = 0;
                    for (int dy = -reach; dy <= reach; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= height) {
                            continue;
                        }
                        int row = base + yy * width;
                        int weightRow = (dy + reach) * side + reach;
                        for (int dx = -reach; dx <= reach; dx++) {
                            int xx = x + dx;
                            if (xx < 0 || xx >= width) {
                                continue;
                            }
                            int colour = choice[row + xx];
                            if (tally[colour] == 0) {
                                seen[count++] = colour;
                            }
                            tally[colour] += weights[weightRow + dx];
                        }
                    }
                    int own = choice[base + y * width + x];
                    tally[own] += 1;
                    int best = own;
                    for (int i = 0; i < count; i++) {
                        int colour = seen[i];
                        if (tally[colour] > tally[best] || (tally[colour] == tally[best] && colour > best)) {
                            best = colour;
                        }
                    }
                    for (int i = 0; i < count; i++) {
                        tally[seen[i]] = 0;
                    }
                    out[base + y * width + x] = best;
                }
            }
        }
        return out;
    }

    /** One-hot (N, colours, H, W) of a choice of colour per pixel, on {@code like}'s device. */
    private NDArray oneHot(int[] choice, Shape shape, NDArray like) {
        NDManager manager = like.getManager();
        try (NDArray indices = manager.create(choice, new Shape(shape.get(0), 1, shape.get(2), shape.get(3)))
                        .toDevice(like.getDevice(), false);
                NDArray all = manager.arange(0, colours, 1, DataType.INT32, like.getDevice()).reshape(1, colours, 1, 1);
                NDArray hot = indices.eq(all)) {
            return hot.toType(like.getDataType(), false);
        }
    }

    /** The picture (NCHW, like {@code like}) painted with the chosen colours of {@code table} ((colours, 3) floats). */
    private static NDArray paint(int[] choice, float[] table, Shape shape, NDArray like) {
        int plane = (int) (shape.get(2) * shape.get(3));
        float[] pixels = new float[choice.length * 3];
        for (int p = 0; p < choice.length; p++) {
            int n = p / plane;
            int at = p % plane;
            for (int k = 0; k < 3; k++) {
                pixels[(n * 3 + k) * plane + at] = table[choice[p] * 3 + k];
            }
        }
        return like.getManager().create(pixels, shape).toDevice(like.getDevice(), false);
    }

    /** The picture painted with the chosen colours: a 1x1 convolution of the one-hot choice with the palette. */
    private NDArray paint(NDArray chosen, NDArray colourTable) {
        try (NDArray kernel = colourTable.transpose().reshape(3, colours, 1, 1)) {
            return Conv2d.conv2d(chosen, kernel).singletonOrThrow();
        }
    }

    /**
     * Starts the palette at k-means colours of {@code photos} (NCHW in [-1, 1]), their chroma raised by
     * {@code saturation}: training then moves colours, but slowly, and a colour far from every pixel would never paint
     * one and never learn.
     *
     * <p>Two choices make the start a painter's palette rather than the photos' average colours. K-means runs in CIE
     * Lab, where equal distances look equally different, so greens, skin and sky get colours of their own instead of
     * being split by brightness alone. And each 5-bit RGB colour of the photos counts by the square root of its pixels:
     * counted by pixels, skies and fields took most colours and a vivid green or red got none (grass came out olive).
     */
    void fitTo(NDArray photos, double saturation, int seed) {
        float[] pixels;
        try (NDArray nhwc = photos.transpose(0, 2, 3, 1)) {
            pixels = nhwc.toFloatArray();
        }
        int[] count = new int[1 << 15];
        double[] sum = new double[3 << 15];
        for (int p = 0; p < pixels.length; p += 3) {
            int bin = 0;
            for (int k = 0; k < 3; k++) {
                int level = Math.max(0, Math.min(31, (int) ((pixels[p + k] + 1f) * 16f)));
                bin = (bin << 5) | level;
            }
            count[bin]++;
            for (int k = 0; k < 3; k++) {
                sum[3 * bin + k] += (pixels[p + k] + 1f) / 2f;
            }
        }
        int samples = 0;
        for (int c : count) {
            samples += c == 0 ? 0 : (int) Math.ceil(Math.sqrt(c));
        }
        float[] rgb = new float[samples * 3];
        int at = 0;
        for (int bin = 0; bin < count.length; bin++) {
            int repeats = count[bin] == 0 ? 0 : (int) Math.ceil(Math.sqrt(count[bin]));
            for (int r = 0; r < repeats; r++, at++) {
                for (int k = 0; k < 3; k++) {
                    rgb[3 * at + k] = (float) (sum[3 * bin + k] / count[bin]);
                }
            }
        }
        OpenCv.load();
        Mat unit = new Mat(samples, 1, CvType.CV_32FC3);
        unit.put(0, 0, rgb);
        Mat lab = new Mat();
        Imgproc.cvtColor(unit, lab, Imgproc.COLOR_RGB2Lab);
        Mat points = lab.reshape(1, samples);
        Mat labels = new Mat();
        Mat centers = new Mat();
        Core.setRNGSeed(seed);
        Core.kmeans(points, Math.min(colours, samples), labels,
                new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 50, 1e-3), 3, Core.KMEANS_PP_CENTERS, centers);
        float[] labTable = new float[colours * 3];
        centers.get(0, 0, labTable);
        for (int c = 0; c < colours; c++) {
            labTable[3 * c + 1] *= (float) saturation;
            labTable[3 * c + 2] *= (float) saturation;
        }
        Mat labCenters = new Mat(colours, 1, CvType.CV_32FC3);
        labCenters.put(0, 0, labTable);
        Mat rgbCenters = new Mat();
        Imgproc.cvtColor(labCenters, rgbCenters, Imgproc.COLOR_Lab2RGB);
        float[] table = new float[colours * 3];
        rgbCenters.get(0, 0, table);
        for (Mat m : new Mat[] {unit, lab, points, labels, centers, labCenters, rgbCenters}) {
            m.release();
        }
        for (int i = 0; i < table.length; i++) {
            table[i] = Math.max(-1f, Math.min(1f, table[i] * 2f - 1f));
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
        // Scores and painting; the votes are integer counting outside the network's arithmetic.
        return pixels * colours * (6 + 6);
    }
}
