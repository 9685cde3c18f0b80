package dev.toonsmith.engine.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one of our styles as a standard ONNX graph (NCHW RGB in [-1, 1], dynamic height and width, the weights
 * included) so it runs outside Toonsmith: ONNX Runtime, chaiNNer, a phone. The graph is built layer by layer from
 * the architecture's own structure and the style's named parameters.
 *
 * <p>So far the {@code cartoongan} architecture: reflection padding, convolutions, instance norm, ReLU, residual
 * additions, nearest-neighbour upsampling and tanh, all standard ONNX operators. {@code lite}'s flattening and
 * palette layers have no single ONNX operator and are not exported yet.
 */
public final class OnnxExport {

    private OnnxExport() {}

    /**
     * @throws UnsupportedOperationException for an architecture not exported yet, with its name
     */
    public static void export(StyleBundle style, Path target, String producerVersion) throws IOException {
        GeneratorSpec spec = style.spec();
        if (!(spec instanceof CartoonGanSpec cartoon)) {
            throw new UnsupportedOperationException("Cannot export the style '" + style.manifest().name() + "' to ONNX:"
                    + " its architecture " + spec.architecture() + " cannot be exported yet (cartoongan can).");
        }
        Map<String, Weights> weights = weights(style);
        OnnxGraph g = new OnnxGraph(style.manifest().id());
        g.input("image", 3);
        int base = ((Number) cartoon.hyperparameters().get("baseChannels")).intValue();
        int blocks = ((Number) cartoon.hyperparameters().get("residualBlocks")).intValue();
        String x = convUnit(g, weights, "01in", "image", 7, 1, true, "relu");
        x = convUnit(g, weights, "02down1", x, 3, 2, true, "relu");
        x = convUnit(g, weights, "03down2", x, 3, 2, true, "relu");
        for (int i = 0; i < blocks; i++) {
            String prefix = String.format("%02dres%d_01body_", 4 + i, i);
            String a = convUnit(g, weights, prefix + "01a", x, 3, 1, true, "relu");
            String b = convUnit(g, weights, prefix + "02b", a, 3, 1, true, "none");
            x = g.node("Add", List.of(x, b));
        }
        int next = 4 + blocks;
        x = upsample(g, x);
        x = convUnit(g, weights, String.format("%02dup1conv", next + 1), x, 3, 1, true, "relu");
        x = upsample(g, x);
        x = convUnit(g, weights, String.format("%02dup2conv", next + 3), x, 3, 1, true, "relu");
        String out = convUnit(g, weights, String.format("%02dout", next + 4), x, 7, 1, false, "none");
        g.node("Tanh", List.of(out), "drawing");
        g.output("drawing", 3);
        if (base <= 0) {
            throw new IllegalStateException("baseChannels " + base);
        }
        AtomicFiles.write(target, g.toBytes(producerVersion));
    }

    private record Weights(long[] shape, float[] values) {}

    private static Map<String, Weights> weights(StyleBundle style) {
        Map<String, Weights> map = new HashMap<>();
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            for (NDArray a : NDList.decode(manager, style.weightsBytes())) {
                map.put(a.getName(), new Weights(a.getShape().getShape(), a.toFloatArray()));
            }
        }
        return map;
    }

    /** A {@code ConvUnit}: reflection padding, convolution, instance norm (or a bias), the nonlinearity. */
    private static String convUnit(OnnxGraph g, Map<String, Weights> weights, String name, String in, int kernel,
            int stride, boolean norm, String activation) {
        int half = kernel / 2;
        String x = in;
        if (half > 0) {
            String pads = g.int64s(g.fresh(name + "_pads"), new long[] {0, 0, half, half, 0, 0, half, half});
            x = g.node("Pad", List.of(x, pads), OnnxGraph.Attribute.s("mode", "reflect"));
        }
        Weights w = required(weights, name + "_02conv_weight");
        String wName = g.weights(name + "_02conv_weight", w.shape(), w.values());
        List<String> convInputs = norm ? List.of(x, wName)
                : List.of(x, wName, g.weights(name + "_02conv_bias", required(weights, name + "_02conv_bias").shape(),
                        required(weights, name + "_02conv_bias").values()));
        x = g.node("Conv", convInputs, OnnxGraph.Attribute.ints("kernel_shape", kernel, kernel),
                OnnxGraph.Attribute.ints("strides", stride, stride));
        if (norm) {
            Weights gamma = required(weights, name + "_03norm_gamma");
            Weights beta = required(weights, name + "_03norm_beta");
            x = g.node("InstanceNormalization", List.of(x, g.weights(name + "_03norm_gamma", gamma.shape(),
                    gamma.values()), g.weights(name + "_03norm_beta", beta.shape(), beta.values())),
                    OnnxGraph.Attribute.f("epsilon", 1e-5f));
        }
        return switch (activation) {
            case "relu" -> g.node("Relu", List.of(x));
            case "none" -> x;
            default -> throw new IllegalArgumentException(activation);
        };
    }

    /** Nearest-neighbour 2x, as PyTorch's {@code interpolate(mode="nearest")} picks pixels. */
    private static String upsample(OnnxGraph g, String in) {
        String scales = g.weights(g.fresh("scales"), new long[] {4}, new float[] {1, 1, 2, 2});
        return g.node("Resize", List.of(in, "", scales), OnnxGraph.Attribute.s("mode", "nearest"),
                OnnxGraph.Attribute.s("coordinate_transformation_mode", "asymmetric"),
                OnnxGraph.Attribute.s("nearest_mode", "floor"));
    }

    private static Weights required(Map<String, Weights> weights, String name) {
        Weights w = weights.get(name);
        if (w == null) {
            throw new IllegalStateException("the style has no parameter '" + name + "'; its weights do not fit the"
                    + " cartoongan graph");
        }
        return w;
    }
}
