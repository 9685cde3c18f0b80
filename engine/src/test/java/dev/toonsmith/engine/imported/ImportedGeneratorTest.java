package dev.toonsmith.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CycleGAN ResNet generator made by PyTorch (see {@code /models/README.md}), imported as TorchScript and as
 * ONNX, stylizes through the same {@link Stylizer} as our own styles and draws what PyTorch drew; broken models
 * are refused with the file named.
 */
class ImportedGeneratorTest {

    @TempDir
    Path work;

    @BeforeAll
    static void startTorch() {
        TorchRuntime.inferenceMode();
    }

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(ImportedGeneratorTest.class.getResource("/models/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PyTorch's own output, as the 8-bit BGR pixel values the stylizer writes. */
    private static double[] expectedBgr(int height, int width) throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("test-output-" + height + "x" + width + ".f32"));
        float[] chw = new float[3 * height * width];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(chw);
        int plane = height * width;
        double[] bgr = new double[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                bgr[i * 3 + (2 - c)] = (chw[c * plane + i] + 1) / 2 * 255;
            }
        }
        return bgr;
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
        "cyclegan-resnet.torchscript.pt, 64, 96, test-input.png",
        "cyclegan-resnet.torchscript.pt, 80, 48, test-input-80x48.png",
        "cyclegan-resnet.onnx, 64, 96, test-input.png",
        "cyclegan-resnet.onnx, 80, 48, test-input-80x48.png",
    })
    void anImportedModelStylizesAsPyTorchDrewIt(String model, int height, int width, String input) throws Exception {
        ImportedGenerator generator = ImportedGenerator.load(fixture(model), ModelConvention.pytorchDefault(4));
        ModelCheck.check(fixture(model), generator);
        try (Stylizer stylizer = Stylizer.of(generator, 0, "CycleGAN test");
                Image photo = ImageReader.read(fixture(input));
                Image drawn = stylizer.stylize(photo, StylizeOptions.defaults())) {
            assertEquals(width, drawn.width());
            assertEquals(height, drawn.height());
            double[] expected = expectedBgr(height, width);
            byte[] actual = new byte[expected.length];
            drawn.mat().get(0, 0, actual);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs((actual[i] & 0xFF) - expected[i]));
            }
            // Within 1/255 of PyTorch's value, plus the half level that rounding to 8 bits may add.
            assertTrue(worst <= 1.5, model + ": " + worst + " levels from PyTorch's output");
        }
    }

    @Test
    void aPictureLargerThanTheBudgetIsTiledWithoutVisibleSeams() throws Exception {
        ImportedGenerator generator = ImportedGenerator.load(fixture("cyclegan-resnet.onnx"),
                ModelConvention.pytorchDefault(4));
        try (Stylizer stylizer = Stylizer.of(generator, 0, "CycleGAN test");
                Image photo = ImageReader.read(fixture("test-input.png"));
                Image whole = stylizer.stylize(photo, StylizeOptions.defaults());
                Image tiled = stylizer.stylize(photo, StylizeOptions.defaults().withTileSize(16))) {
            // Instance norm per tile sees less of the picture than the whole: close, not equal.
            double mad = org.opencv.core.Core.norm(whole.mat(), tiled.mat(), org.opencv.core.Core.NORM_L1)
                    / (3.0 * whole.width() * whole.height()) / 255;
            assertTrue(mad < 0.08, "tiled differs from whole by " + mad);
        }
    }

    @Test
    void aModelWithOneChannelIsRefusedBeforeAnythingIsSaved() throws Exception {
        Path file = fixture("one-channel.torchscript.pt");
        try (ImportedGenerator generator = ImportedGenerator.load(file, ModelConvention.pytorchDefault(4))) {
            ModelImportException e = assertThrows(ModelImportException.class, () -> ModelCheck.check(file, generator));
            assertEquals("Cannot import one-channel.torchscript.pt: it gives 1 channel (shape (1, 1, 64, 64)), not 3;"
                    + " check the layout (NCHW).", e.getMessage());
        }
    }

    @Test
    void aModelThatDrawsNaNIsRefused() throws Exception {
        Path file = fixture("nan-output.torchscript.pt");
        try (ImportedGenerator generator = ImportedGenerator.load(file, ModelConvention.pytorchDefault(4))) {
            ModelImportException e = assertThrows(ModelImportException.class, () -> ModelCheck.check(file, generator));
            assertTrue(e.getMessage().contains("nan-output.torchscript.pt") && e.getMessage().contains("NaN"),
                    e.getMessage());
        }
    }

    @Test
    void theWrongRangeIsNamed() throws Exception {
        // The model draws in -1..1; told 0..1, its darkest values fall below 0.
        Path file = fixture("cyclegan-resnet.onnx");
        ModelConvention wrong = new ModelConvention(ModelConvention.Range.ZERO_TO_ONE, ModelConvention.Channels.RGB,
                ModelConvention.Layout.NCHW, 4);
        try (ImportedGenerator generator = ImportedGenerator.load(file, wrong)) {
            ModelImportException e = assertThrows(ModelImportException.class, () -> ModelCheck.check(file, generator));
            assertTrue(e.getMessage().contains("range 0,1"), e.getMessage());
        }
    }

    @Test
    void notAModelAndATruncatedModelAreRefusedWithTheFileNamed() throws Exception {
        ModelImportException text = assertThrows(ModelImportException.class,
                () -> ImportedGenerator.load(fixture("not-a-model.pt"), ModelConvention.pytorchDefault(4)));
        assertTrue(text.getMessage().startsWith("Cannot import not-a-model.pt: it is not a TorchScript archive"),
                text.getMessage());
        ModelImportException truncated = assertThrows(ModelImportException.class,
                () -> ImportedGenerator.load(fixture("truncated.onnx"), ModelConvention.pytorchDefault(4)));
        assertTrue(truncated.getMessage().startsWith("Cannot import truncated.onnx: it cannot be loaded as onnx")
                && truncated.getMessage().contains("truncated or damaged"), truncated.getMessage());
        Path missing = work.resolve("nowhere.onnx");
        ModelImportException gone = assertThrows(ModelImportException.class,
                () -> ImportedGenerator.load(missing, ModelConvention.pytorchDefault(4)));
        assertTrue(gone.getMessage().contains("nowhere.onnx"), gone.getMessage());
    }

    @Test
    void aLargerModelIsGivenMoreMemoryPerPixelSoItsTilesStayInTheBudget() {
        // A small CycleGAN gets the floor; CartoonGAN's 41 MB (10.2 M parameters), which peaked at about 3,500 B per
        // pixel in ONNX Runtime, gets a little more than that.
        assertEquals(ImportedGenerator.MIN_BYTES_PER_PIXEL, ImportedGenerator.bytesPerPixel(260_000));
        long cartoonGan = ImportedGenerator.bytesPerPixel(40_817_329);
        assertTrue(cartoonGan >= 3_500 && cartoonGan < 4_500, "CartoonGAN: " + cartoonGan);
        assertTrue(ImportedGenerator.bytesPerPixel(4 * 40_817_329L) > cartoonGan);
    }
}
