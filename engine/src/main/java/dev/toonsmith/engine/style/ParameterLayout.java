package dev.toonsmith.engine.style;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.toonsmith.engine.model.GeneratorSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameters a generator architecture has, by DJL parameter name, and the check that a style's weights
 * hold exactly those, as float32, in the right shapes.
 *
 * <p>The names and shapes are taken from a real initialized block rather than restated here, so they cannot
 * drift from the model code. Initializing allocates every parameter, so each spec is measured once per
 * process: a library scan checks every installed style, and most share a few specs.
 */
final class ParameterLayout {

    /** The only dtype the engine runs generators in. */
    static final String DTYPE = "F32";

    private static final int LISTED_NAMES = 5;

    private static final Map<GeneratorSpec, ParameterLayout> CACHE = new ConcurrentHashMap<>();

    private final GeneratorSpec spec;
    private final Map<String, Shape> shapes;

    private ParameterLayout(GeneratorSpec spec, Map<String, Shape> shapes) {
        this.spec = spec;
        this.shapes = Collections.unmodifiableMap(shapes);
    }

    static ParameterLayout of(GeneratorSpec spec) {
        return CACHE.computeIfAbsent(spec, ParameterLayout::measure);
    }

    /** Parameter shapes by name, in the block's parameter order. */
    Map<String, Shape> shapes() {
        return shapes;
    }

    /** An input shape the spec accepts; parameter shapes do not depend on the image size. */
    static Shape sampleInput(GeneratorSpec spec) {
        int multiple = spec.sizeMultiple();
        int side = Math.max(64, spec.minimumSide());
        side = (side + multiple - 1) / multiple * multiple;
        return new Shape(1, 3, side, side);
    }

    private static ParameterLayout measure(GeneratorSpec spec) {
        Block block = spec.newGenerator();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        // The CPU, whatever the default device: this only needs shapes and must not take GPU memory.
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            block.initialize(manager, DataType.FLOAT32, sampleInput(spec));
            for (Pair<String, Parameter> p : block.getParameters()) {
                shapes.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        return new ParameterLayout(spec, shapes);
    }

    /**
     * Refuses weights whose tensor names, dtypes or shapes differ from this architecture's parameters.
     * Missing and unexpected names are reported first, all of them (up to a few), because a name mismatch
     * usually means a different architecture altogether; otherwise the first offending parameter is named.
     */
    void check(SafetensorsHeader header, String entry, Path file) throws StyleFormatException {
        Map<String, SafetensorsHeader.Tensor> tensors = header.tensors();
        List<String> missing = new ArrayList<>();
        for (String name : shapes.keySet()) {
            if (!tensors.containsKey(name)) {
                missing.add(name);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (!shapes.containsKey(name)) {
                unexpected.add(name);
            }
        }
        // Header order is whatever the writer's hash map gave; sorted names read (and compare) better.
        Collections.sort(unexpected);
        String prefix = entry + " does not fit " + spec.describe() + ": ";
        String mismatch = "the weights were made for another architecture than the manifest names;"
                + " re-export the style from Toonsmith";
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add(count(missing.size()) + " missing (" + list(missing) + ")");
            }
            if (!unexpected.isEmpty()) {
                parts.add(count(unexpected.size()) + " unexpected (" + list(unexpected) + ")");
            }
            throw new StyleFormatException(file, prefix + String.join(", ", parts), mismatch);
        }
        for (Map.Entry<String, Shape> expected : shapes.entrySet()) {
            SafetensorsHeader.Tensor t = tensors.get(expected.getKey());
            if (!DTYPE.equals(t.dtype())) {
                throw new StyleFormatException(file,
                        prefix + "parameter '" + t.name() + "' is stored as " + t.dtype()
                                + " but Toonsmith needs " + DTYPE + " (float32)",
                        "convert the weights to float32, or re-export the style from Toonsmith");
            }
            if (!t.shape().equals(expected.getValue())) {
                throw new StyleFormatException(file,
                        prefix + "parameter '" + t.name() + "' has shape " + t.shape()
                                + " in the weights but the architecture needs " + expected.getValue(),
                        mismatch);
            }
        }
    }

    private static String count(int n) {
        return n == 1 ? "1 parameter is" : n + " parameters are";
    }

    private static String list(List<String> names) {
        if (names.size() <= LISTED_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED_NAMES)) + " and " + (names.size() - LISTED_NAMES) + " more";
    }
}
