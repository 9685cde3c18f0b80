package dev.toonsmith.engine.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.TestTensors;
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

    /** A stylizer whose generator has fitted what it fits to data (a palette) to {@code photo}. */
    static Stylizer fittedTo(GeneratorSpec spec, Image photo) {
        TorchRuntime.engine();
        NDManager manager = NDManager.newBaseManager();
        Block generator = spec.newGenerator();
        generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        try (NDManager scope = manager.newSubManager(); NDArray photos = TestTensors.of(photo, scope)) {
            spec.fitToPhotos(generator, photos, 1);
        }
        return Stylizer.owning(spec, generator, manager, 0);
    }
}
