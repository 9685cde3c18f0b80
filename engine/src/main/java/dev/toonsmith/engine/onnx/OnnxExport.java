package dev.toonsmith.engine.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.imported.ModelMetadata;
import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one of our styles as a standard ONNX graph (NCHW RGB in [-1, 1], dynamic height and width in multiples of
 * the style's size multiple, the weights included) so it runs outside Toonsmith: ONNX Runtime, chaiNNer, a phone.
 * The graph is built layer by layer from the architecture's own structure and the style's named parameters, with
 * standard operators only (opset {@value OnnxGraph#OPSET}).
 *
 * <p>Both of our architectures are exported: {@code cartoongan} ({@link CartoonGanGraph}) and {@code lite}
 * ({@link LiteGraph}), the latter with its flattening and palette. An imported style is not ours to export.
 */
public final class OnnxExport {

    /** The graph's input: the photo. */
    public static final String INPUT = "image";
    /** The graph's output: the drawing. */
    public static final String OUTPUT = "drawing";

    private OnnxExport() {}

    /** A named parameter's shape and values. */
    record Weights(long[] shape, float[] values) {}

    /**
     * Writes {@code style} to {@code target} atomically.
     *
     * @throws UnsupportedOperationException for a style that cannot be exported (an imported model), naming it
     */
    public static void export(StyleBundle style, Path target, String producerVersion) throws IOException {
        GeneratorSpec spec = style.spec();
        if (!(spec instanceof CartoonGanSpec) && !(spec instanceof LiteSpec)) {
            throw new UnsupportedOperationException("Cannot export the style '" + style.manifest().name() + "' to ONNX:"
                    + " its architecture " + spec.architecture() + " is not one of Toonsmith's own networks (lite and"
                    + " cartoongan export); an imported model is best taken from where it came.");
        }
        OnnxGraph g = new OnnxGraph(style.manifest().id());
        ModelMetadata.describe(style).forEach(g::metadata);
        g.input(INPUT, 3);
        GraphLayers layers = new GraphLayers(g, weights(style));
        String drawing = spec instanceof LiteSpec lite
                ? LiteGraph.draw(layers, lite, INPUT)
                : CartoonGanGraph.draw(layers, (CartoonGanSpec) spec, INPUT);
        g.node("Identity", List.of(drawing), OUTPUT);
        g.output(OUTPUT, 3);
        AtomicFiles.write(target, g.toBytes(producerVersion));
    }

    private static Map<String, Weights> weights(StyleBundle style) {
        Map<String, Weights> map = new HashMap<>();
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            for (NDArray a : NDList.decode(manager, style.weightsBytes())) {
                map.put(a.getName(), new Weights(a.getShape().getShape(), a.toFloatArray()));
            }
        }
        return map;
    }
}
