package dev.toonsmith.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {

    @Test
    void liteParameterCountMatchesTheNetworkAndStaysWithinBudget() {
        TorchRuntime.engine();
        for (LiteSpec spec : new LiteSpec[] {LiteSpec.defaults(), new LiteSpec(24, 8, false), new LiteSpec(5, 0, true),
                new LiteSpec(6, 1, true, true, 0), new LiteSpec(6, 1, true, false, 3)}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Block g = spec.newGenerator();
                g.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
                long count = 0;
                for (Pair<String, Parameter> p : g.getParameters()) {
                    count += p.getValue().getArray().size();
                }
                assertEquals(spec.parameterCount(), count, spec.describe());
                assertTrue(count <= LiteSpec.PARAMETER_BUDGET, spec.describe() + " has " + count + " parameters");
            }
        }
        InvalidArchitectureException tooBig = assertThrows(InvalidArchitectureException.class,
                () -> Architectures.spec("lite", Map.of("width", 64, "residualBlocks", 16)));
        assertTrue(tooBig.getMessage().contains("budget"), tooBig.getMessage());
    }

    @Test
    void bothArchitecturesMapAnImageToAnImageOfTheSameShapeAndRange() {
        TorchRuntime.engine();
        for (GeneratorSpec spec : new GeneratorSpec[] {new LiteSpec(8, 2, false), new CartoonGanSpec(8, 2)}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Block g = spec.newGenerator();
                Shape shape = new Shape(2, 3, 24, 40);
                g.initialize(manager, DataType.FLOAT32, shape);
                NDArray x = manager.randomUniform(-1, 1, shape);
                NDArray y = g.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
                assertEquals(shape, y.getShape(), spec.describe());
                assertTrue(y.abs().max().getFloat() <= 1f, spec.describe() + " with tanh stays in [-1, 1]");
            }
        }
    }

    @Test
    void liteStylesWrittenBeforeTheRefiningLayerKeepTheirShape() {
        // The first bundled default style: lite with the detail branch, no refining layer.
        GeneratorSpec before = Architectures.spec("lite", Map.of("width", 16, "residualBlocks", 6, "refine", 0));
        assertEquals(99_620, ((LiteSpec) before).parameterCount());
        LiteSpec now = (LiteSpec) Architectures.defaults("lite");
        assertEquals(1, now.refine());
        assertEquals(99_620 - 9 * 35 * 3 + 9 * 35 * 16 + 2 * 16 + 9 * 16 * 3, now.parameterCount());
    }

    @Test
    void cartoonGanCostsAbout416GigaflopsAt512() {
        long flops = CartoonGanSpec.defaults().flops(512, 512);
        assertEquals(416e9, flops, 10e9);
    }

    @Test
    void registryResolvesNamesAndRejectsWhatItDoesNotKnow() {
        assertInstanceOf(LiteSpec.class, Architectures.defaults("lite"));
        assertEquals(new CartoonGanSpec(32, 4),
                Architectures.spec("cartoongan", Map.of("baseChannels", 32, "residualBlocks", 4)));
        InvalidArchitectureException unknown =
                assertThrows(InvalidArchitectureException.class, () -> Architectures.defaults("pix2pix"));
        assertTrue(unknown.getMessage().contains("pix2pix") && unknown.getMessage().contains("lite"));
        InvalidArchitectureException field = assertThrows(InvalidArchitectureException.class,
                () -> Architectures.spec("lite", Map.of("depth", 3)));
        assertTrue(field.getMessage().contains("depth"), field.getMessage());
        InvalidArchitectureException range = assertThrows(InvalidArchitectureException.class,
                () -> Architectures.spec("lite", Map.of("width", 1000)));
        assertTrue(range.getMessage().contains("width"), range.getMessage());
    }
}
