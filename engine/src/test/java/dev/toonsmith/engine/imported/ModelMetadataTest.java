package dev.toonsmith.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toonsmith.engine.onnx.OnnxExport;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ONNX file Toonsmith exported tells the import how it draws; a model from elsewhere gets the usual defaults. */
class ModelMetadataTest {

    @TempDir
    Path work;

    @Test
    void anExportedStyleCarriesItsConventionWorkingEdgeAndCredits() throws Exception {
        // The bundled default, as the library hands it to every command.
        StyleBundle style = StyleLibrary.load(new UserDirectories(work.resolve("home"))).open("default");
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
