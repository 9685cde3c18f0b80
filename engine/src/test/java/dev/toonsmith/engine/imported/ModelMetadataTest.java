package dev.toonsmith.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toonsmith.engine.onnx.OnnxExport;
import dev.toonsmith.engine.style.StyleBundle;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ONNX file Toonsmith exported tells the import how it draws; a model from elsewhere gets the usual defaults. */
class ModelMetadataTest {

    @TempDir
    Path work;

    @Test
    void anExportedStyleCarriesItsConventionWorkingEdgeAndCredits() throws Exception {
        Path toon = work.resolve("default.toon");
        try (InputStream in = getClass().getResourceAsStream("/dev/toonsmith/engine/styles/default.toon")) {
            Files.copy(in, toon);
        }
        StyleBundle style = StyleBundle.read(toon);
        Path onnx = work.resolve("default.onnx");
        OnnxExport.export(style, onnx, "test");

        ModelMetadata said = ModelMetadata.of(onnx);
        assertEquals(ModelConvention.pytorchDefault(4), said.convention());
        assertEquals(style.manifest().workingEdge(), said.workingEdge());
        assertEquals(1024, said.workingEdge());
        assertEquals("Toonsmith Default", said.name());
        assertEquals(style.manifest().license(), said.license());
        assertEquals(style.manifest().author(), said.author());
    }

    @Test
    void modelsFromElsewhereAndBrokenFilesGetTheUsualDefaults() {
        for (String name : new String[] {"cyclegan-resnet.onnx", "cyclegan-resnet.torchscript.pt", "truncated.onnx",
                "not-a-model.pt"}) {
            assertEquals(ModelMetadata.unknown(), ModelMetadata.of(ImportedGeneratorTest.fixture(name)), name);
        }
    }
}
