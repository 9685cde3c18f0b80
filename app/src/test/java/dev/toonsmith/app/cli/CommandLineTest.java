package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person uses it: arguments in, files, text and an exit code out. */
class CommandLineTest {

    @TempDir
    Path work;

    private Path photo;
    private Path style;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
        photo = work.resolve("coffee.jpg");
        Files.copy(Path.of(Objects.requireNonNull(getClass().getResource("/photos/coffee-200.jpg")).toURI()), photo);
        style = work.resolve("random.toon");
        writeStyle(style, "random-test", "Random test style");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    @Test
    void helpListsTheSubcommands() {
        Run run = run("--help");
        assertEquals(0, run.exitCode());
        for (String command : new String[] {"stylize", "styles", "bench"}) {
            assertTrue(run.out().contains(command), run.out());
        }
    }

    @Test
    void stylizeWritesAnImageOfThePhotosSizeAndLeavesThePhotoAlone() throws IOException {
        byte[] before = Files.readAllBytes(photo);
        Path out = work.resolve("out.png");
        Run run = run("stylize", photo.toString(), "-o", out.toString(), "--style", style.toString(), "--strength", "0.8");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Wrote "), run.out());
        try (Image result = ImageReader.read(out)) {
            assertEquals(200, result.width());
            assertEquals(133, result.height());
        }
        assertArrayEquals(before, Files.readAllBytes(photo));
    }

    @Test
    void stylizeWithAPreviewEdgeAndAnInstalledStyleByName() throws IOException {
        Path installed = work.resolve("home").resolve("styles");
        Files.createDirectories(installed);
        writeStyle(installed.resolve("mine.toon"), "mine", "My Style");
        Path out = work.resolve("small.jpg");
        Run run = run("stylize", photo.toString(), "-o", out.toString(), "--style", "My Style", "--max-edge", "100");
        assertEquals(0, run.exitCode(), run.err());
        try (Image result = ImageReader.read(out)) {
            assertEquals(100, result.width());
        }
    }

    @Test
    void refusesToOverwriteThePhoto() throws IOException {
        byte[] before = Files.readAllBytes(photo);
        Run run = run("stylize", photo.toString(), "-o", photo.toString(), "--style", style.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "coffee.jpg");
        assertArrayEquals(before, Files.readAllBytes(photo));
    }

    @Test
    void aFileThatIsNotAnImageGivesOneClearLine() throws IOException {
        Path text = work.resolve("notes.jpg");
        Files.writeString(text, "shopping list");
        Run run = run("stylize", text.toString(), "-o", work.resolve("x.png").toString(), "--style", style.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "notes.jpg");
        assertFalse(Files.exists(work.resolve("x.png")));
    }

    @Test
    void anUnknownStyleNameListsWhatIsInstalled() {
        Run run = run("stylize", photo.toString(), "-o", work.resolve("x.png").toString(), "--style", "van-gogh");
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "van-gogh");
    }

    @Test
    void aBrokenStyleFileIsNamedInTheError() throws IOException {
        Path broken = work.resolve("broken.toon");
        Files.writeString(broken, "not a zip");
        Run run = run("stylize", photo.toString(), "-o", work.resolve("x.png").toString(), "--style", broken.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "broken.toon");
        assertTrue(run.err().contains("not a zip"), run.err());
    }

    @Test
    void verboseShowsTheStackTrace() {
        Run run = run("--verbose", "stylize", work.resolve("missing.png").toString(), "-o", work.resolve("x.png").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run run = run("stylize", photo.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--output"), run.err());
    }

    @Test
    void stylesListsInstalledStylesAndReportsBrokenFiles() throws IOException {
        Path installed = work.resolve("home").resolve("styles");
        Files.createDirectories(installed);
        writeStyle(installed.resolve("mine.toon"), "mine", "My Style");
        Files.writeString(installed.resolve("junk.toon"), "junk");
        Run run = run("styles");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mine") && run.out().contains("My Style") && run.out().contains("lite(")
                && run.out().contains("CC0-1.0") && run.out().contains("user"), run.out());
        assertTrue(run.err().contains("junk.toon"), run.err());
    }

    @Test
    void benchPrintsAndWritesItsFigures() throws IOException {
        Path json = work.resolve("bench.json");
        Run run = run("bench", "--arch", "lite", "--sizes", "64,48x32", "--runs", "1", "--warmup", "0",
                "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("matmul peak") && run.out().contains("64x64") && run.out().contains("48x32"), run.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("matmulPeakGflops").asDouble() > 0);
        JsonNode size = report.get("architectures").get(0).get("sizes").get(0);
        assertTrue(size.get("medianMillis").asDouble() > 0);
        assertTrue(size.get("gflop").asDouble() > 0);
        assertTrue(size.get("efficiency").asDouble() > 0);
    }

    private static void assertOneLineError(Run run, String mentions) {
        String err = run.err().strip();
        assertTrue(err.startsWith("toonsmith: "), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(mentions), err);
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ToonsmithCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private byte[] pngThumbnail() throws IOException {
        try (Image image = ImageReader.read(photo)) {
            org.opencv.core.MatOfByte png = new org.opencv.core.MatOfByte();
            org.opencv.imgcodecs.Imgcodecs.imencode(".png", image.mat(), png);
            return png.toArray();
        }
    }

    private void writeStyle(Path file, String id, String name) throws IOException {
        TorchRuntime.engine();
        LiteSpec spec = new LiteSpec(4, 1, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = spec.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StyleManifest manifest = StyleManifest.builder(id, name, spec).author("tests").license("CC0-1.0").build();
            StyleWriter.write(StyleWriter.bundle(manifest, generator, pngThumbnail()), file);
        }
    }
}
