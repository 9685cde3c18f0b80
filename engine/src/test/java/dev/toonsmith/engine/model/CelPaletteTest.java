package dev.toonsmith.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The palette layer paints a drawing with a few learned colours in clean regions: what makes the default style's
 * fills flat. Checked on a real photo and on drawings made to show one behaviour each.
 */
class CelPaletteTest {

    private static final Path CAT = Path.of("src", "test", "resources", "photos", "chelsea-300.png");

    @Test
    void aPhotoIsPaintedWithThePaletteColoursOnly() throws Exception {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager(); Image cat = ImageReader.read(CAT)) {
            NDArray photo = tensor(cat, manager);
            CelPalette palette = palette(12, photo, manager);
            NDArray painted = palette.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            assertEquals(photo.getShape(), painted.getShape());
            Set<String> table = colours(colourTable(palette).transpose().reshape(1, 3, 12, 1));
            Set<String> used = colours(painted);
            assertTrue(table.containsAll(used), "every pixel is a palette colour");
            assertTrue(used.size() >= 6, "a photo uses most of a palette fitted to it, got " + used.size());
            float change = painted.sub(photo).abs().mean().getFloat();
            assertTrue(change < 0.12f, "the palette fits the photo's colours: mean change " + change);
        }
    }

    @Test
    void aDrawingThatWentNaNIsNotPaintedOverAsAFlatPicture() throws Exception {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager(); Image cat = ImageReader.read(CAT)) {
            NDArray photo = tensor(cat, manager);
            CelPalette palette = palette(8, photo, manager);
            // A broken network's NaN would take a palette colour and pass for a drawing; it must stay NaN, so that
            // the stylizer refuses the style by name instead of writing a flat picture.
            NDArray broken = photo.duplicate();
            broken.set(new ai.djl.ndarray.index.NDIndex("0, 1, 10, 10"), Float.NaN);
            NDArray painted = palette.forward(new ParameterStore(manager, false), new NDList(broken), false)
                    .singletonOrThrow();
            assertTrue(painted.isNaN().any().getBoolean(), "the NaN reaches the stylizer's check");
        }
    }

    @Test
    void specksAndHairlinesArePaintedOverButATwoPixelLineStays() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // Light ground with a dark pixel at (5, 5), a dark 2x2 speck at (5, 20), a one-pixel line along row 12
            // and a two-pixel line along rows 24 and 25.
            float[] gray = new float[40 * 40];
            java.util.Arrays.fill(gray, 0.6f);
            gray[5 * 40 + 5] = -0.9f;
            for (int y = 5; y < 7; y++) {
                for (int x = 20; x < 22; x++) {
                    gray[y * 40 + x] = -0.9f;
                }
            }
            for (int x = 0; x < 40; x++) {
                gray[12 * 40 + x] = -0.9f;
                gray[24 * 40 + x] = -0.9f;
                gray[25 * 40 + x] = -0.9f;
            }
            NDArray drawing = manager.create(gray, new Shape(1, 1, 40, 40)).repeat(1, 3);
            CelPalette palette = palette(2, drawing, manager);
            NDArray painted = palette.forward(new ParameterStore(manager, false), new NDList(drawing), false)
                    .singletonOrThrow().get(0, 0);
            assertTrue(painted.getFloat(5, 5) > 0.5f, "the speck takes the ground's colour");
            assertTrue(painted.getFloat(5, 20) > 0.5f && painted.getFloat(6, 21) > 0.5f, "so does the 2x2 speck");
            assertTrue(painted.getFloat(12, 20) > 0.5f, "and the hairline");
            for (int x = 0; x < 40; x++) {
                assertTrue(painted.getFloat(24, x) < -0.8f && painted.getFloat(25, x) < -0.8f,
                        "the two-pixel line stays dark at x=" + x);
            }
            assertTrue(painted.getFloat(23, 20) > 0.5f && painted.getFloat(26, 20) > 0.5f, "and stays two pixels wide");
        }
    }

    @Test
    void trainingPaintsTheSamePictureAndTeachesTheDrawingAndEveryUsedColour() throws Exception {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager(); Image cat = ImageReader.read(CAT)) {
            NDArray photo = tensor(cat, manager);
            CelPalette palette = palette(8, photo, manager);
            NDArray drawn = palette.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            photo.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray trained = palette.forward(new ParameterStore(manager, false), new NDList(photo), true).singletonOrThrow();
                assertTrue(trained.sub(drawn).abs().max().getFloat() < 1e-5f, "the training pass paints the same picture");
                collector.backward(trained.sum());
            }
            // Straight through: the drawing gets the painted picture's gradient (all ones here) unchanged.
            assertEquals(1f, photo.getGradient().min().getFloat(), 1e-6f);
            assertEquals(1f, photo.getGradient().max().getFloat(), 1e-6f);
            // Each colour's gradient is the number of pixels it paints, which together are every pixel.
            NDArray colourGradient = colourTable(palette).getGradient();
            long pixels = photo.getShape().get(2) * photo.getShape().get(3);
            assertEquals(3.0 * pixels, colourGradient.sum().getFloat(), 1.0);
        }
    }

    @Test
    void fittingIsReproducibleAndStartsMoreColourfulThanThePhoto() throws Exception {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager(); Image cat = ImageReader.read(CAT)) {
            NDArray photo = tensor(cat, manager);
            float[] first = colourTable(palette(6, photo, manager)).toFloatArray();
            float[] second = colourTable(palette(6, photo, manager)).toFloatArray();
            assertArrayEquals(first, second, "the same photos and seed give the same palette");
            float spread = 0;
            for (int c = 0; c < 6; c++) {
                float mean = (first[3 * c] + first[3 * c + 1] + first[3 * c + 2]) / 3;
                for (int k = 0; k < 3; k++) {
                    spread += Math.abs(first[3 * c + k] - mean);
                }
            }
            assertTrue(spread > 0.2f, "the cat's browns are colours, not grays: " + spread);
        }
    }

    @Test
    void aLiteGeneratorWithAPaletteCountsItsColoursAndReadsOlderFilesWithout() {
        LiteSpec painted = new LiteSpec(6, 1, true, true, 1, true, 3, 24);
        LiteSpec plain = new LiteSpec(6, 1, true, true, 1, true, 3, 0);
        assertEquals(plain.parameterCount() + 24 * 3, painted.parameterCount());
        assertEquals(plain.receptiveRadius() + CelPalette.REACH, painted.receptiveRadius(), "tiles overlap by the vote's reach");
        Map<String, Object> older = new java.util.LinkedHashMap<>(plain.hyperparameters());
        older.remove("palette");
        assertEquals(plain, Architectures.asWritten("lite", older), "a file written before the palette has none");
        assertThrows(InvalidArchitectureException.class, () -> new LiteSpec(6, 1, true, true, 1, true, 3, 1));
        assertThrows(InvalidArchitectureException.class, () -> new LiteSpec(6, 1, true, true, 1, true, 3, 65));
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = painted.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            long parameters = 0;
            for (Pair<String, Parameter> p : generator.getParameters()) {
                parameters += p.getValue().getArray().size();
            }
            assertEquals(painted.parameterCount(), parameters);
        }
    }

    private static CelPalette palette(int colours, NDArray photos, NDManager manager) {
        CelPalette palette = new CelPalette(colours);
        palette.initialize(manager, DataType.FLOAT32, photos.getShape());
        palette.fitTo(photos, LiteSpec.PALETTE_START_SATURATION, 7);
        return palette;
    }

    private static NDArray colourTable(CelPalette palette) {
        return palette.getParameters().get(0).getValue().getArray();
    }

    /** Distinct colours of an NCHW array, as strings of rounded values. */
    private static Set<String> colours(NDArray picture) {
        long channels = picture.getShape().get(1);
        long pixels = picture.getShape().get(2) * picture.getShape().get(3);
        float[] values = picture.toFloatArray();
        Set<String> found = new HashSet<>();
        for (int p = 0; p < pixels; p++) {
            StringBuilder key = new StringBuilder();
            for (int c = 0; c < channels; c++) {
                key.append(Math.round(values[(int) (c * pixels + p)] * 1e4)).append(',');
            }
            found.add(key.toString());
        }
        return found;
    }

    private static NDArray tensor(Image image, NDManager manager) {
        return TestTensors.of(image, manager);
    }
}
