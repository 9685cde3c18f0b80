package dev.toonsmith.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.render.RenderPipeline;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/** An imported model becomes a style file that draws as the model does, wherever our styles draw. */
class StyleImportTest {

    @TempDir
    Path work;

    @Test
    void anOnnxModelImportedAsAStyleDrawsAsTheModelDoesThroughTheRenderPipeline() throws Exception {
        Path model = ImportedGeneratorTest.fixture("cyclegan-resnet.onnx");
        Path toon = work.resolve("cyclegan.toon");
        StyleBundle style = StyleImport.importModel(model, ModelConvention.pytorchDefault(4),
                new StyleImport.Details(null, "CycleGAN test", "tests", "CC0-1.0", "made by make-models.py", 0), toon);
        assertTrue(style.isImported());
        assertEquals("imported", style.manifest().architecture().name());
        assertEquals("onnx", style.spec().hyperparameters().get("format"));
        assertEquals("model.onnx", style.manifest().weights());
        assertEquals("CC0-1.0", StyleBundle.read(toon).manifest().license());
        assertArrayEqualsBytes(Files.readAllBytes(model), style.weightsBytes());

        Path photo = ImportedGeneratorTest.fixture("test-input.png");
        Path out = work.resolve("out.png");
        try (RenderPipeline pipeline = RenderPipeline.open(RenderSettings.builder().optStyle(style).build(),
                DevicePreference.CPU)) {
            pipeline.renderFile(photo, out, dev.toonsmith.engine.infer.TileProgress.NONE);
        }
        try (ImportedGenerator direct = ImportedGenerator.load(model, ModelConvention.pytorchDefault(4));
                Stylizer stylizer = Stylizer.of(direct, 0, "direct");
                Image source = ImageReader.read(photo);
                Image expected = stylizer.stylize(source, StylizeOptions.defaults());
                Image written = ImageReader.read(out)) {
            assertEquals(0, Core.norm(expected.mat(), written.mat(), Core.NORM_INF), "the style draws as its model");
        }
    }

    @Test
    void aModelThatCannotBeAStyleWritesNothing() throws Exception {
        Path toon = work.resolve("broken.toon");
        assertThrows(ModelImportException.class, () -> StyleImport.importModel(
                ImportedGeneratorTest.fixture("one-channel.torchscript.pt"), ModelConvention.pytorchDefault(4),
                new StyleImport.Details(null, "Broken", "tests", "CC0-1.0", "", 0), toon));
        assertFalse(Files.exists(toon));
        IllegalArgumentException noLicence = assertThrows(IllegalArgumentException.class,
                () -> new StyleImport.Details(null, "X", "tests", " ", "", 0));
        assertTrue(noLicence.getMessage().contains("licence"), noLicence.getMessage());
    }

    private static void assertArrayEqualsBytes(byte[] a, byte[] b) {
        assertTrue(java.util.Arrays.equals(a, b), "the model's bytes, unchanged");
    }
}
