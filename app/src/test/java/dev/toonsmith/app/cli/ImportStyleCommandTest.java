package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.testing.PaletteNearTies;
import dev.toonsmith.engine.testing.PixelAgreement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model from elsewhere, imported on the command line, then used like any style. */
class ImportStyleCommandTest {

    /** The engine's fixtures, made by PyTorch (engine/src/test/resources/models/README.md). */
    private static final Path MODELS = Path.of("..", "engine", "src", "test", "resources", "models");

    @TempDir
    Path work;


    @BeforeEach
    void setUp() {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void anImportedOnnxModelIsListedAndStylizesAndBatches() throws Exception {
        Path styles = work.resolve("home").resolve("styles");
        Files.createDirectories(styles);
        Path toon = styles.resolve("cyclegan.toon");
        CliRun imported = run("import-style", MODELS.resolve("cyclegan-resnet.onnx").toString(), "-o", toon.toString(),
                "--name", "CycleGAN fixture", "--license", "CC0-1.0", "--author", "make-models.py");
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("imported(format=onnx"), imported.out());

        CliRun listed = run("styles");
        assertTrue(listed.out().contains("cyclegan-fixture") && listed.out().contains("CC0-1.0"), listed.out());

        Path photo = Path.of(Objects.requireNonNull(getClass().getResource("/photos/coffee-200.jpg")).toURI());
        Path out = work.resolve("out.png");
        CliRun stylized = run("stylize", photo.toString(), "-o", out.toString(), "--style", "cyclegan-fixture", "--post",
                "Poster", "--device", "cpu");
        assertEquals(0, stylized.exitCode(), stylized.err());
        try (Image result = ImageReader.read(out)) {
            assertEquals(200, result.width());
        }
        CliRun batch = run("batch", photo.toString(), "-o", work.resolve("batch").toString(), "--style", toon.toString(),
                "--device", "cpu");
        assertEquals(0, batch.exitCode(), batch.out() + batch.err());
    }

    @Test
    void aModelThatIsNotAModelOrHasNoLicenceIsRefused() {
        CliRun noLicence = run("import-style", MODELS.resolve("cyclegan-resnet.onnx").toString(), "-o",
                work.resolve("x.toon").toString(), "--name", "X");
        assertEquals(2, noLicence.exitCode());
        assertTrue(noLicence.err().contains("--license"), noLicence.err());

        CliRun text = run("import-style", MODELS.resolve("not-a-model.pt").toString(), "-o", work.resolve("x.toon").toString(),
                "--name", "X", "--license", "MIT");
        assertEquals(1, text.exitCode());
        String err = text.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("not-a-model.pt") && err.contains("not a TorchScript archive"), err);

        CliRun oneChannel = run("import-style", MODELS.resolve("one-channel.torchscript.pt").toString(), "-o",
                work.resolve("x.toon").toString(), "--name", "X", "--license", "MIT");
        assertEquals(1, oneChannel.exitCode());
        assertTrue(oneChannel.err().contains("gives 1 channel"), oneChannel.err());
        assertFalse(Files.exists(work.resolve("x.toon")), "nothing written for a refused model");
    }

    @Test
    void aCartoonGanStyleExportedToOnnxImportsBackAndStylizes() throws Exception {
        Path toon = work.resolve("cartoongan.toon");
        try (ai.djl.ndarray.NDManager manager = dev.toonsmith.engine.runtime.TorchRuntime.engine().newBaseManager()) {
            dev.toonsmith.engine.model.CartoonGanSpec spec = new dev.toonsmith.engine.model.CartoonGanSpec(4, 1);
            ai.djl.nn.Block generator = spec.newGenerator();
            generator.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(1, 3, 32, 32));
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
            dev.toonsmith.engine.style.StyleWriter.write(dev.toonsmith.engine.style.StyleWriter.bundle(
                    dev.toonsmith.engine.style.StyleManifest.builder("tiny-cg", "Tiny CartoonGAN", spec)
                            .author("tests").license("CC0-1.0").build(), generator, png.toByteArray()), toon);
        }
        Path onnx = work.resolve("tiny.onnx");
        CliRun exported = run("export-onnx", toon.toString(), "-o", onnx.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(exported.out().contains("as ONNX, opset 17"), exported.out());

        Path back = work.resolve("back.toon");
        CliRun imported = run("import-style", onnx.toString(), "-o", back.toString(), "--name", "Back", "--license",
                "CC0-1.0");
        assertEquals(0, imported.exitCode(), imported.err());
        Path photo = Path.of(Objects.requireNonNull(getClass().getResource("/photos/coffee-200.jpg")).toURI());
        Path viaOnnx = work.resolve("onnx.png");
        Path native_ = work.resolve("native.png");
        assertEquals(0, run("stylize", photo.toString(), "-o", viaOnnx.toString(), "--style", back.toString(),
                "--device", "cpu").exitCode());
        assertEquals(0, run("stylize", photo.toString(), "-o", native_.toString(), "--style", toon.toString(),
                "--device", "cpu").exitCode());
        try (Image a = ImageReader.read(viaOnnx); Image b = ImageReader.read(native_)) {
            assertTrue(org.opencv.core.Core.norm(a.mat(), b.mat(), org.opencv.core.Core.NORM_INF) <= 1,
                    "the round trip draws what the style draws, within 1/255");
        }

        CliRun again = run("export-onnx", back.toString(), "-o", work.resolve("again.onnx").toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("not one of Toonsmith's own networks"), again.err());
    }

    @Test
    void theDefaultStyleExportedToOnnxImportsBackAndDrawsAsTheDefault() throws Exception {
        Path onnx = work.resolve("default.onnx");
        CliRun exported = run("export-onnx", "default", "-o", onnx.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(exported.out().contains("multiples of 4"), exported.out());
        Path back = work.resolve("default-onnx.toon");
        assertEquals(0, run("import-style", onnx.toString(), "-o", back.toString(), "--name", "Default via ONNX",
                "--license", "CC0-1.0").exitCode());
        // The file says how the default draws: photos over 1024 px are drawn at 1024 and brought back, as by the default.
        assertEquals(1024, dev.toonsmith.engine.style.StyleBundle.read(back).manifest().workingEdge());
        Path photo = Path.of(Objects.requireNonNull(getClass().getResource("/photos/coffee-200.jpg")).toURI());
        Path viaOnnx = work.resolve("onnx.png");
        Path native_ = work.resolve("native.png");
        assertEquals(0, run("stylize", photo.toString(), "-o", viaOnnx.toString(), "--style", back.toString(),
                "--device", "cpu").exitCode());
        assertEquals(0, run("stylize", photo.toString(), "-o", native_.toString(), "--device", "cpu").exitCode());
        try (Image a = ImageReader.read(viaOnnx); Image b = ImageReader.read(native_);
                Image source = ImageReader.read(photo);
                PaletteNearTies ties = PaletteNearTies.of(StyleLibrary.load(new UserDirectories(work.resolve("home"))).open("default"))) {
            // Within 1/255, except a palette near-tie that the two runtimes' kernels may break either way.
            org.opencv.core.Mat nearTies = ties.mask(source);
            PixelAgreement.assertAgree("the default style through ONNX Runtime against Toonsmith", b.mat(), a.mat(),
                    nearTies, ties.reach());
            nearTies.release();
        }
    }
}
