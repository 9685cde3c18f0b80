package dev.toonsmith.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                new LiteSpec(6, 1, true, true, 0, false, 0, 0), new LiteSpec(6, 1, true, false, 3, true, 2, 0),
                new LiteSpec(6, 1, false, true, 0, true, 0, 0)}) {
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
    void liteStylesWrittenBeforeTheRefiningAndInkLayersKeepTheirShape() {
        // The first bundled default style: lite with the detail branch, no refining layer, no ink layer.
        GeneratorSpec first = Architectures.spec("lite",
                Map.of("width", 16, "residualBlocks", 6, "refine", 0, "ink", false));
        assertEquals(99_620, ((LiteSpec) first).parameterCount());
        // The second: one refining layer, no ink layer.
        LiteSpec second = (LiteSpec) Architectures.spec("lite",
                Map.of("width", 16, "residualBlocks", 6, "refine", 1, "ink", false));
        assertFalse(second.ink());
        assertEquals(99_620 - 9 * 35 * 3 + 9 * 35 * 16 + 2 * 16 + 9 * 16 * 3, second.parameterCount());
        LiteSpec now = (LiteSpec) Architectures.defaults("lite");
        assertTrue(now.ink());
        assertEquals(1, now.refine());
        assertEquals(second.parameterCount() + 9 * 16 + 1, now.parameterCount());
    }

    @Test
    void aFileThatDoesNotNameALaterLayerRebuildsTheNetworkItWasWrittenFor() {
        // The first bundled default style's manifest, written before the refining and ink layers existed.
        Map<String, Object> written = Map.of("width", 16, "residualBlocks", 6, "residual", true, "detail", true);
        LiteSpec asWritten = (LiteSpec) Architectures.asWritten("lite", written);
        assertEquals(0, asWritten.refine());
        assertFalse(asWritten.ink());
        assertEquals(0, asWritten.flatten());
        assertEquals(99_620, asWritten.parameterCount());
        // Given on a command line, the same values mean "today's defaults for the rest".
        LiteSpec given = (LiteSpec) Architectures.spec("lite", written);
        assertEquals(1, given.refine());
        assertTrue(given.ink());
        // What this version writes names every layer, so it reads back as it was.
        assertEquals(given, Architectures.asWritten("lite", given.hyperparameters()));
    }

    @Test
    void aNewLiteGeneratorStartsFromThePhotoUnderFaintEvenInkAndCanInkFully() {
        TorchRuntime.engine();
        LiteSpec spec = new LiteSpec(6, 1, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 3, 32, 32);
            Block g = spec.newGenerator();
            g.initialize(manager, DataType.FLOAT32, shape);
            spec.prepareForTraining(g);
            NDArray photo = manager.randomUniform(-1, 1, shape);
            NDArray out = g.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            float keep = 1f - (float) (1 / (1 + Math.exp(-LiteSpec.INK_START_BIAS)));
            NDArray expected = photo.add(1f).mul(keep).sub(1f);
            assertTrue(out.sub(expected).abs().max().getFloat() < 1e-5f, "identity under even faint ink");
            // Full ink is black whatever the colour: the layer can draw an outline on any region.
            for (Pair<String, Parameter> p : g.getParameters()) {
                if (p.getKey().contains("ink") && p.getKey().endsWith("bias")) {
                    p.getValue().getArray().addi(100f);
                }
            }
            NDArray inked = g.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            assertTrue(inked.add(1f).abs().max().getFloat() < 1e-4f, "black where the ink share is 1");
            // Drawing (in place) and training (recorded by autograd) compute the same picture.
            for (Pair<String, Parameter> p : g.getParameters()) {
                if (p.getKey().contains("ink") && p.getKey().endsWith("bias")) {
                    p.getValue().getArray().subi(101f);
                }
            }
            NDArray drawn = g.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            NDArray trained = g.forward(new ParameterStore(manager, false), new NDList(photo), true).singletonOrThrow();
            assertTrue(drawn.sub(trained).abs().max().getFloat() < 1e-5f, "inference equals the training pass");
        }
    }

    @Test
    void theFlatteningLayerRemovesFineTextureButKeepsAStrongEdge() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // A dark and a light region (a boundary of 1.2 in [-1, 1]) under texture of about +-0.03.
            Shape shape = new Shape(1, 3, 48, 48);
            NDArray columns = manager.arange(48f).reshape(1, 1, 1, 48).broadcast(shape);
            NDArray regions = columns.gte(24f).toType(DataType.FLOAT32, false).mul(1.2f).sub(0.6f);
            NDArray texture = manager.randomNormal(0f, 0.03f, shape, DataType.FLOAT32);
            NDArray photo = regions.add(texture);
            NDArray flat = new SurfaceFlattening(3).apply(photo);
            assertEquals(shape, flat.getShape());
            // A generator ending in the layer draws the same picture when drawing as when training.
            Block g = new LiteSpec(6, 1, true, true, 1, true, 3, 0).newGenerator();
            g.initialize(manager, DataType.FLOAT32, shape);
            NDArray drawn = g.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            NDArray recorded = g.forward(new ParameterStore(manager, false), new NDList(photo), true).singletonOrThrow();
            assertTrue(drawn.sub(recorded).abs().max().getFloat() < 1e-5f, "drawing computes the training pass");
            float before = photo.sub(regions).get(":, :, :, 0:20").abs().mean().getFloat();
            float after = flat.sub(regions).get(":, :, :, 0:20").abs().mean().getFloat();
            assertTrue(after < before / 3, "texture " + before + " -> " + after);
            float step = flat.get(":, :, :, 25").mean().getFloat() - flat.get(":, :, :, 22").mean().getFloat();
            assertTrue(step > 1.1f, "the boundary stays a step of about 1.2, got " + step);
        }
        LiteSpec flattening = new LiteSpec(6, 1, true, true, 1, true, 3, 0);
        assertEquals(new LiteSpec(6, 1, true, true, 1, true, 0, 0).parameterCount(), flattening.parameterCount(),
                "the layer has no parameters");
        assertEquals(new LiteSpec(6, 1, true, true, 1, true, 0, 0).receptiveRadius() + 6, flattening.receptiveRadius(),
                "tiles overlap by its reach");
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
