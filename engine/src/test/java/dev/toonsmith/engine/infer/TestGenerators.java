package dev.toonsmith.engine.infer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;

/** Freshly initialized generators for tests: random weights, so their output differs from the input. */
final class TestGenerators {

    private TestGenerators() {}

    static Stylizer stylizer(GeneratorSpec spec) {
        return stylizer(spec, 0);
    }

    /** A stylizer whose generator draws at most at {@code workingEdge} pixels by default. */
    static Stylizer stylizer(GeneratorSpec spec, int workingEdge) {
        TorchRuntime.engine();
        NDManager manager = NDManager.newBaseManager();
        Block generator = spec.newGenerator();
        generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return Stylizer.owning(spec, generator, manager, workingEdge);
    }
}
