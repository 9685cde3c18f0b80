package dev.toonsmith.engine.model;

import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generator brought from elsewhere (TorchScript or ONNX) as a style manifest describes it: not an architecture
 * Toonsmith builds or trains, but the facts needed to run the model file the style carries. The
 * hyperparameters are the model's format and its pixel convention.
 *
 * @param format {@code torchscript} or {@code onnx}
 * @param inputRange {@code -1,1} or {@code 0,1}
 * @param channels {@code rgb} or {@code bgr}
 * @param layout {@code nchw} or {@code nhwc}
 * @param multiple height and width must be multiples of this
 */
public record ImportedSpec(String format, String inputRange, String channels, String layout, int multiple)
        implements GeneratorSpec {

    public static final String NAME = "imported";

    static ImportedSpec parse(Map<String, ?> values) {
        Hyperparameters h = new Hyperparameters(NAME, values);
        ImportedSpec spec = new ImportedSpec(h.choice("format", "onnx", List.of("torchscript", "onnx")),
                h.choice("inputRange", "-1,1", List.of("-1,1", "0,1")), h.choice("channels", "rgb", List.of("rgb", "bgr")),
                h.choice("layout", "nchw", List.of("nchw", "nhwc")), h.integer("sizeMultiple", 4, 1, 256));
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
        map.put("format", format);
        map.put("inputRange", inputRange);
        map.put("channels", channels);
        map.put("layout", layout);
        map.put("sizeMultiple", multiple);
        return map;
    }

    @Override
    public int sizeMultiple() {
        return multiple;
    }

    @Override
    public int minimumSide() {
        return Math.max(16, multiple);
    }

    /** Unknown for a model from elsewhere: what a ResNet generator's stems and blocks reach. */
    @Override
    public int receptiveRadius() {
        return 64;
    }

    /**
     * A floor for a small network; the imported generator itself estimates its model's need from the model's size
     * ({@code ImportedGenerator}), which the tiler uses.
     */
    @Override
    public long inferenceBytesPerPixel() {
        return 1024;
    }

    /** @throws UnsupportedOperationException always: an imported model runs through its own engine */
    @Override
    public Block newGenerator() {
        throw new UnsupportedOperationException("an imported " + format + " model is not a network Toonsmith builds;"
                + " it runs as it was imported and cannot be trained or fine-tuned here");
    }

    @Override
    public long flops(int height, int width) {
        return 0;
    }
}
