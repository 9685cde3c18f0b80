package dev.toonsmith.engine.onnx;

import dev.toonsmith.engine.model.ConvUnit.Nonlinearity;
import dev.toonsmith.engine.model.ConvUnit.Padding;
import dev.toonsmith.engine.model.LiteSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code lite} generator as ONNX nodes, layer for layer as {@link LiteSpec#newGenerator} builds it: the body with
 * its depthwise-separable residual blocks, the detail branch, the refining layers, the head and the ink layer, then
 * the two parameter-free steps, each written with standard operators:
 *
 * <ul>
 *   <li>the flattening (a guided filter with the drawing as its own guide): box means are {@code AveragePool} with
 *       {@code count_include_pad=0}, which averages over the pixels inside the picture, as ours does;
 *   <li>the palette: the nearest colour is the arg-max of {@code x.c - |c|^2/2} (a 1x1 convolution), the votes are a
 *       depthwise 5x5 convolution of the one-hot choice, and {@code select_last_index} gives ties to the later colour,
 *       as ours does. The votes are whole numbers, so they are exact in floating point.
 * </ul>
 */
final class LiteGraph {

    private LiteGraph() {}

    /** The drawing's value name, computed from the photo's. */
    static String draw(GraphLayers layers, LiteSpec spec, String photo) {
        int top = 1;
        String features = body(layers, spec, String.format("%02dbody_", top++), photo);
        List<String> joined = new ArrayList<>(List.of(features));
        if (spec.detail()) {
            joined.add(layers.convUnit(String.format("%02ddetail", top++), photo, 3, 1, 1, Padding.REFLECT, true,
                    Nonlinearity.RELU));
        }
        joined.add(photo);
        String x = layers.concat(joined);
        if (spec.refine() > 0) {
            String prefix = String.format("%02drefine_", top++);
            for (int i = 0; i < spec.refine(); i++) {
                x = layers.convUnit(String.format("%s%02drefine%d", prefix, i + 1, i), x, 3, 1, 1, Padding.REFLECT,
                        true, Nonlinearity.RELU);
            }
        }
        String colour = layers.convUnit(String.format("%02dhead", top++), x, 3, 1, 1, Padding.REFLECT, false,
                spec.residual() ? Nonlinearity.NONE : Nonlinearity.TANH);
        if (spec.residual()) {
            colour = layers.add(colour, photo);
        }
        if (spec.ink()) {
            String share = layers.convUnit(String.format("%02dink", top++), x, 3, 1, 1, Padding.REFLECT, false,
                    Nonlinearity.SIGMOID);
            // Ink scales the distance from black (-1): (colour + 1) * (1 - share) - 1.
            String one = layers.constant(1f);
            colour = layers.sub(layers.mul(layers.add(colour, one), layers.sub(one, share)), one);
        }
        if (spec.flatten() > 0) {
            colour = flatten(layers, colour, spec.flatten());
        }
        if (spec.palette() > 0) {
            colour = paint(layers, colour, String.format("%02dpalette_colours", top), spec.palette());
        }
        return colour;
    }

    private static String body(GraphLayers layers, LiteSpec spec, String prefix, String photo) {
        int w = spec.width();
        int c = 4 * w;
        int child = 1;
        String x = layers.convUnit(String.format("%s%02din", prefix, child++), photo, 7, 1, 1, Padding.REFLECT, true,
                Nonlinearity.RELU);
        x = layers.convUnit(String.format("%s%02ddown1", prefix, child++), x, 3, 2, 1, Padding.ZERO, true,
                Nonlinearity.RELU);
        x = layers.convUnit(String.format("%s%02ddown2", prefix, child++), x, 3, 2, 1, Padding.ZERO, true,
                Nonlinearity.RELU);
        for (int i = 0; i < spec.residualBlocks(); i++) {
            String block = String.format("%s%02dres%d_01body_", prefix, child++, i);
            String a = layers.convUnit(block + "01adw", x, 3, 1, c, Padding.ZERO, false, Nonlinearity.NONE);
            a = layers.convUnit(block + "02apw", a, 1, 1, 1, Padding.NONE, true, Nonlinearity.RELU);
            String b = layers.convUnit(block + "03bdw", a, 3, 1, c, Padding.ZERO, false, Nonlinearity.NONE);
            b = layers.convUnit(block + "04bpw", b, 1, 1, 1, Padding.NONE, true, Nonlinearity.NONE);
            x = layers.add(x, b);
        }
        for (String stage : List.of("up1", "up2")) {
            x = layers.convUnit(String.format("%s%02d%snarrow", prefix, child++, stage), x, 1, 1, 1, Padding.NONE,
                    false, Nonlinearity.NONE);
            x = layers.upsample(x);
            child++;
            x = layers.convUnit(String.format("%s%02d%sconv", prefix, child++, stage), x, 3, 1, 1, Padding.ZERO, true,
                    Nonlinearity.RELU);
        }
        return x;
    }

    /** The self-guided filter of {@code SurfaceFlattening}, with windows of {@code 2 * radius + 1} pixels. */
    private static String flatten(GraphLayers layers, String picture, int radius) {
        OnnxGraph g = layers.graph();
        String gray = g.node("ReduceMean", List.of(picture), OnnxGraph.Attribute.ints("axes", 1),
                OnnxGraph.Attribute.i("keepdims", 1));
        String meanGray = box(g, gray, radius);
        String meanGrayGray = box(g, layers.mul(gray, gray), radius);
        String meanPicture = box(g, picture, radius);
        String meanGrayPicture = box(g, layers.mul(picture, gray), radius);
        // Pixels in [-1, 1] span twice the range of [0, 1]: variances are four times larger.
        String variance = layers.sub(meanGrayGray, layers.mul(meanGray, meanGray));
        String regularized = layers.add(variance, layers.constant((float) (4 * LiteSpec.flattenEpsilon())));
        String covariance = layers.sub(meanGrayPicture, layers.mul(meanGray, meanPicture));
        String slope = layers.div(covariance, regularized);
        String offset = layers.sub(meanPicture, layers.mul(slope, meanGray));
        return layers.add(layers.mul(box(g, slope, radius), gray), box(g, offset, radius));
    }

    /** The mean of each window over the pixels inside the picture. */
    private static String box(OnnxGraph g, String x, int radius) {
        int side = 2 * radius + 1;
        return g.node("AveragePool", List.of(x), OnnxGraph.Attribute.ints("kernel_shape", side, side),
                OnnxGraph.Attribute.ints("strides", 1, 1), OnnxGraph.Attribute.ints("pads", radius, radius, radius,
                        radius), OnnxGraph.Attribute.i("count_include_pad", 0));
    }

    /** {@code CelPalette}: the nearest colour, the votes, then the chosen colours. */
    private static String paint(GraphLayers layers, String picture, String parameter, int colours) {
        OnnxGraph g = layers.graph();
        OnnxExport.Weights palette = layers.values(parameter);
        float[] table = palette.values();
        float[] half = LiteSpec.paletteScoreOffsets(table);
        String scoreKernel = g.weights(parameter + "_scores", new long[] {colours, 3, 1, 1}, table);
        String scoreBias = g.weights(parameter + "_half_norms", new long[] {colours}, half);
        String scores = g.node("Conv", List.of(picture, scoreKernel, scoreBias),
                OnnxGraph.Attribute.ints("kernel_shape", 1, 1));
        String choice = argMax(g, scores);

        float[] row = LiteSpec.paletteVoteRow();
        int side = row.length;
        float[] kernel = new float[colours * side * side];
        for (int c = 0; c < colours; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    // Doubled, so that the half vote of a pixel's own colour is a whole number too.
                    kernel[(c * side + y) * side + x] = 2 * row[y] * row[x];
                }
            }
        }
        String voteKernel = g.weights(parameter + "_votes", new long[] {colours, 1, side, side}, kernel);
        String depth = g.int64s(g.fresh("colours"), new long[] {colours});
        String offOn = g.weights(g.fresh("off_on"), new long[] {2}, new float[] {0, 1});
        for (int round = 0; round < LiteSpec.paletteVoteRounds(); round++) {
            String chosen = g.node("OneHot", List.of(choice, depth, offOn), OnnxGraph.Attribute.i("axis", 1));
            // Pixels outside the picture do not vote: zero padding.
            String votes = g.node("Conv", List.of(chosen, voteKernel),
                    OnnxGraph.Attribute.ints("kernel_shape", side, side),
                    OnnxGraph.Attribute.ints("pads", side / 2, side / 2, side / 2, side / 2),
                    OnnxGraph.Attribute.i("group", colours));
            choice = argMax(g, layers.add(votes, chosen));
        }
        String colourTable = g.weights(parameter, palette.shape(), table);
        String painted = g.node("Gather", List.of(colourTable, choice), OnnxGraph.Attribute.i("axis", 0));
        return g.node("Transpose", List.of(painted), OnnxGraph.Attribute.ints("perm", 0, 3, 1, 2));
    }

    /** The index of the largest channel at each pixel, the later one on a tie; (N, H, W) int64. */
    private static String argMax(OnnxGraph g, String x) {
        return g.node("ArgMax", List.of(x), OnnxGraph.Attribute.i("axis", 1), OnnxGraph.Attribute.i("keepdims", 0),
                OnnxGraph.Attribute.i("select_last_index", 1));
    }
}
