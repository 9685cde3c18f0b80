package dev.toonsmith.engine.onnx;

import dev.toonsmith.engine.model.ConvUnit;
import java.util.List;
import java.util.Map;

/**
 * The layers our generators are made of, written as ONNX nodes with the style's named parameters: a
 * {@link ConvUnit} (padding, convolution, instance norm, non-linearity), nearest-neighbour upsampling and element-wise
 * arithmetic. Parameter names follow the block tree, as the style's weights file stores them: each child of a chain is
 * numbered from 01 in the order it was added ({@code 01body_02down1_01conv_weight}).
 */
final class GraphLayers {

    private final OnnxGraph graph;
    private final Map<String, OnnxExport.Weights> weights;

    GraphLayers(OnnxGraph graph, Map<String, OnnxExport.Weights> weights) {
        this.graph = graph;
        this.weights = weights;
    }

    OnnxGraph graph() {
        return graph;
    }

    /** A named parameter of the style as an initializer. */
    String parameter(String name) {
        OnnxExport.Weights w = weights.get(name);
        if (w == null) {
            throw new IllegalStateException("the style has no parameter '" + name + "'; its weights do not fit its"
                    + " architecture's graph");
        }
        return graph.weights(name, w.shape(), w.values());
    }

    /** The values of a named parameter, for layers whose initializers are derived from them. */
    OnnxExport.Weights values(String name) {
        OnnxExport.Weights w = weights.get(name);
        if (w == null) {
            throw new IllegalStateException("the style has no parameter '" + name + "'");
        }
        return w;
    }

    /** A one-value float constant, broadcast by the element-wise operators. */
    String constant(float value) {
        return graph.weights(graph.fresh("constant"), new long[] {1}, new float[] {value});
    }

    /**
     * A {@code ConvUnit} named {@code name}, as {@code ConvUnit.Builder} builds it: its children are numbered pad (when
     * it reflects), conv, norm, act.
     */
    String convUnit(String name, String in, int kernel, int stride, int groups, ConvUnit.Padding padding,
            boolean norm, ConvUnit.Nonlinearity nonlinearity) {
        int half = kernel / 2;
        int child = 1;
        String x = in;
        if (padding == ConvUnit.Padding.REFLECT && half > 0) {
            String pads = graph.int64s(graph.fresh(name + "_pads"), new long[] {0, 0, half, half, 0, 0, half, half});
            x = graph.node("Pad", List.of(x, pads), OnnxGraph.Attribute.s("mode", "reflect"));
            child++;
        }
        String conv = String.format("%s_%02dconv_", name, child++);
        int zero = padding == ConvUnit.Padding.ZERO ? half : 0;
        List<String> inputs = norm ? List.of(x, parameter(conv + "weight"))
                : List.of(x, parameter(conv + "weight"), parameter(conv + "bias"));
        x = graph.node("Conv", inputs, OnnxGraph.Attribute.ints("kernel_shape", kernel, kernel),
                OnnxGraph.Attribute.ints("strides", stride, stride),
                OnnxGraph.Attribute.ints("pads", zero, zero, zero, zero),
                OnnxGraph.Attribute.i("group", groups));
        if (norm) {
            String prefix = String.format("%s_%02dnorm_", name, child);
            // InstanceNorm's epsilon (PyTorch's InstanceNorm2d default).
            x = graph.node("InstanceNormalization", List.of(x, parameter(prefix + "gamma"), parameter(prefix + "beta")),
                    OnnxGraph.Attribute.f("epsilon", 1e-5f));
        }
        return switch (nonlinearity) {
            case NONE -> x;
            case RELU -> graph.node("Relu", List.of(x));
            case LEAKY_RELU -> graph.node("LeakyRelu", List.of(x), OnnxGraph.Attribute.f("alpha", 0.2f));
            case TANH -> graph.node("Tanh", List.of(x));
            case SIGMOID -> graph.node("Sigmoid", List.of(x));
        };
    }

    /** Nearest-neighbour 2x, picking pixels as libtorch's {@code interpolate(mode="nearest")} does. */
    String upsample(String in) {
        String scales = graph.weights(graph.fresh("scales"), new long[] {4}, new float[] {1, 1, 2, 2});
        return graph.node("Resize", List.of(in, "", scales), OnnxGraph.Attribute.s("mode", "nearest"),
                OnnxGraph.Attribute.s("coordinate_transformation_mode", "asymmetric"),
                OnnxGraph.Attribute.s("nearest_mode", "floor"));
    }

    String add(String a, String b) {
        return graph.node("Add", List.of(a, b));
    }

    String sub(String a, String b) {
        return graph.node("Sub", List.of(a, b));
    }

    String mul(String a, String b) {
        return graph.node("Mul", List.of(a, b));
    }

    String div(String a, String b) {
        return graph.node("Div", List.of(a, b));
    }

    /** Joins pictures along the channels. */
    String concat(List<String> parts) {
        return graph.node("Concat", parts, OnnxGraph.Attribute.i("axis", 1));
    }
}
