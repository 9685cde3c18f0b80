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
import dev.toonsmith.engine.image.CartoonLook;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
        CliRun run = run("--help");
        assertEquals(0, run.exitCode());
        for (String command : new String[] {"stylize", "styles", "train", "export-style", "bench"}) {
            assertTrue(run.out().contains(command), run.out());
        }
    }

    @Test
    void stylizeWritesAnImageOfThePhotosSizeAndLeavesThePhotoAlone() throws IOException {
        byte[] before = Files.readAllBytes(photo);
        Path out = work.resolve("out.png");
        CliRun run = run("stylize", photo.toString(), "-o", out.toString(), "--style", style.toString(), "--strength", "0.8");
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
        CliRun run = run("stylize", photo.toString(), "-o", out.toString(), "--style", "My Style", "--max-edge", "100");
        assertEquals(0, run.exitCode(), run.err());
        try (Image result = ImageReader.read(out)) {
            assertEquals(100, result.width());
        }
    }

    @Test
    void refusesToOverwriteThePhoto() throws IOException {
        byte[] before = Files.readAllBytes(photo);
        CliRun run = run("stylize", photo.toString(), "-o", photo.toString(), "--style", style.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "coffee.jpg");
        assertArrayEquals(before, Files.readAllBytes(photo));
    }

    @Test
    void aFileThatIsNotAnImageGivesOneClearLine() throws IOException {
        Path text = work.resolve("notes.jpg");
        Files.writeString(text, "shopping list");
        CliRun run = run("stylize", text.toString(), "-o", work.resolve("x.png").toString(), "--style", style.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "notes.jpg");
        assertFalse(Files.exists(work.resolve("x.png")));
    }

    @Test
    void anUnknownStyleNameListsWhatIsInstalled() {
        CliRun run = run("stylize", photo.toString(), "-o", work.resolve("x.png").toString(), "--style", "van-gogh");
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "van-gogh");
    }

    @Test
    void aBrokenStyleFileIsNamedInTheError() throws IOException {
        Path broken = work.resolve("broken.toon");
        Files.writeString(broken, "not a zip");
        CliRun run = run("stylize", photo.toString(), "-o", work.resolve("x.png").toString(), "--style", broken.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "broken.toon");
        assertTrue(run.err().contains("not a zip"), run.err());
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun run = run("--verbose", "stylize", work.resolve("missing.png").toString(), "-o", work.resolve("x.png").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun run = run("stylize", photo.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--output"), run.err());
        CliRun negativeEdge = run("stylize", photo.toString(), "-o", work.resolve("o.png").toString(), "--style",
                style.toString(), "--working-edge", "-3");
        assertEquals(2, negativeEdge.exitCode());
        assertTrue(negativeEdge.err().contains("--working-edge"), negativeEdge.err());
        CliRun tinyEdge = run("export-style", work.toString(), "-o", work.resolve("x.toon").toString(), "--name", "X",
                "--working-edge", "40");
        assertEquals(2, tinyEdge.exitCode());
        assertTrue(tinyEdge.err().contains("at least 128"), tinyEdge.err());
    }

    @Test
    void stylesListsInstalledStylesAndReportsBrokenFiles() throws IOException {
        Path installed = work.resolve("home").resolve("styles");
        Files.createDirectories(installed);
        writeStyle(installed.resolve("mine.toon"), "mine", "My Style");
        Files.writeString(installed.resolve("junk.toon"), "junk");
        CliRun run = run("styles");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mine") && run.out().contains("My Style") && run.out().contains("lite")
                && run.out().contains("CC0-1.0") && run.out().contains("user"), run.out());
        assertTrue(run.err().contains("junk.toon"), run.err());
    }

    @Test
    void benchPrintsAndWritesItsFigures() throws IOException {
        Path json = work.resolve("bench.json");
        CliRun run = run("bench", "--arch", "lite", "--sizes", "64,48x32", "--runs", "1", "--warmup", "0",
                "--post-sizes", "64x48", "--post-runs", "1", "--post-warmup", "0",
                "--train-steps", "2", "--train-size", "32", "--train-batch", "2", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("matmul peak") && run.out().contains("64x64") && run.out().contains("48x32"), run.out());
        assertTrue(run.out().contains("POST-PROCESSING") && run.out().contains("64x48"), run.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("matmulPeakGflops").asDouble() > 0);
        JsonNode size = report.get("architectures").get(0).get("sizes").get(0);
        assertTrue(size.get("medianMillis").asDouble() > 0);
        assertTrue(size.get("gflop").asDouble() > 0);
        assertTrue(size.get("efficiency").asDouble() > 0);
        JsonNode post = report.get("postProcessing").get(0);
        assertEquals(64, post.get("width").asInt());
        assertEquals(48, post.get("height").asInt());
        assertEquals("synthetic", post.get("photo").asText());
        assertTrue(post.get("medianMillis").asDouble() > 0);
        assertTrue(post.get("chain").asText().contains("8 colours"), post.toString());
        JsonNode training = report.get("training");
        assertTrue(run.out().contains("TRAINING"), run.out());
        assertEquals(32, training.get("size").asInt());
        assertTrue(training.get("imagesPerSecond").asDouble() > 0, training.toString());
    }

    @Test
    void benchPostOnlyTimesPostProcessingWithoutTheArchitectures() throws IOException {
        Path json = work.resolve("post.json");
        CliRun run = run("bench", "--post-only", "--post-sizes", "64x48,40", "--post-runs", "2", "--post-warmup", "1",
                "--post-photo", photo.toString(), "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("matmul"), run.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, report.get("architectures").size());
        assertEquals(2, report.get("postProcessing").size());
        JsonNode square = report.get("postProcessing").get(1);
        assertEquals(40, square.get("width").asInt());
        assertEquals("coffee.jpg", square.get("photo").asText());
        assertEquals(2, square.get("runs").asInt());
        assertTrue(square.get("minMillis").asDouble() <= square.get("medianMillis").asDouble());
    }

    @Test
    void benchLookMeasuresHowDrawnTheDefaultStyleMakesAPhoto() throws IOException {
        Path json = work.resolve("look.json");
        CliRun run = run("bench", "--look", "--look-photos", photo.toString(), "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Toonsmith Default") && run.out().contains("coffee.jpg"), run.out());
        JsonNode result = new ObjectMapper().readTree(json.toFile()).get(0);
        JsonNode before = result.get("photoLook");
        JsonNode after = result.get("styleLook");
        // The default style on this photo: flatter inside regions, darker on boundaries (DefaultStyleTest holds the bar).
        assertTrue(after.get("interiorTexture").asDouble() < before.get("interiorTexture").asDouble(), result.toString());
        assertTrue(after.get("boundaryBrightness").asDouble() < before.get("boundaryBrightness").asDouble(), result.toString());
        // The palette figures for the style alone, the preset alone and both, with the medians.
        assertTrue(run.out().contains("Clean cel ALONE") && run.out().contains("MEDIAN")
                && run.out().contains("speckle / MP"), run.out());
        JsonNode preset = result.get("presetLook");
        assertTrue(preset.get("paletteBins").asInt() < before.get("paletteBins").asInt(), result.toString());
        assertTrue(result.get("styleAndPresetLook").get("meanChange").asDouble() > 0, result.toString());
        assertEquals(0.0, before.get("meanChange").asDouble(), "the photo against itself");
        CliRun poster = run("bench", "--look", "--look-photos", photo.toString(), "--look-preset", "poster");
        assertEquals(0, poster.exitCode(), poster.err());
        assertTrue(poster.out().contains("Poster ALONE"), poster.out());
        CliRun missing = run("bench", "--look", "--look-photos", photo.toString(), "--look-preset", "no-such-preset");
        assertEquals(1, missing.exitCode(), missing.out());
        assertTrue(missing.err().contains("no-such-preset"), missing.err());
        assertEquals(2, run("bench", "--look-preset", "Poster").exitCode(), "--look-preset without --look");
        assertEquals(2, run("bench", "--look-photos", photo.toString()).exitCode(), "--look-photos without --look");
        assertEquals(2, run("bench", "--style", "default", "--arch", "lite").exitCode(), "one architecture source");
        // Without --look, --style times the style's own architecture (its layers, fresh weights).
        CliRun timed = run("bench", "--style", "default", "--sizes", "64", "--runs", "1", "--warmup", "0", "--no-post",
                "--train-steps", "0");
        assertEquals(0, timed.exitCode(), timed.err());
        assertTrue(timed.out().contains("64x64") && !timed.out().contains("cartoongan"), timed.out());
        assertEquals(2, run("bench", "--look", "--arch", "lite").exitCode(), "--look times nothing");
    }

    @Test
    void benchOptionsThatContradictEachOtherAreUsageErrors() {
        assertEquals(2, run("bench", "--post-only", "--no-post").exitCode());
        assertEquals(2, run("bench", "--post-only", "--arch", "lite").exitCode());
        CliRun badSize = run("bench", "--post-only", "--post-sizes", "huge");
        assertEquals(2, badSize.exitCode());
        assertTrue(badSize.err().contains("huge"), badSize.err());
    }

    @Test
    void styleNoneAppliesAPresetToThePhotoAlone() throws IOException {
        byte[] before = Files.readAllBytes(photo);
        Path out = work.resolve("ink.png");
        CliRun run = run("stylize", photo.toString(), "--style", "none", "--post", "Comic ink", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("no style") && run.out().contains("Comic ink"), run.out());
        try (Image result = ImageReader.read(out)) {
            assertEquals(200, result.width());
            assertEquals(133, result.height());
            Set<Integer> colours = colours(result);
            assertTrue(colours.size() <= 10 + 1, "10 colours and black ink, got " + colours.size());
            assertTrue(colours.contains(0), "ink lines are black");
        }
        try (Image original = ImageReader.read(photo)) {
            assertTrue(colours(original).size() > 1000, "the photo has many colours; the look has a few");
        }
        assertArrayEquals(before, Files.readAllBytes(photo));
    }

    @Test
    void postProcessingOptionsApplyOnTopOfThePresetOrOfNothing() throws IOException {
        Path preset = work.resolve("preset.png");
        Path fewer = work.resolve("fewer.png");
        Path alone = work.resolve("alone.png");
        assertEquals(0, run("stylize", photo.toString(), "--style", "none", "--post", "comic INK",
                "-o", preset.toString()).exitCode());
        CliRun overridden = run("stylize", photo.toString(), "--style", "none", "--post", "Comic ink",
                "--colors", "4", "--edges", "0", "-o", fewer.toString());
        assertEquals(0, overridden.exitCode(), overridden.err());
        assertTrue(overridden.out().contains("4 colours"), overridden.out());
        CliRun onNothing = run("stylize", photo.toString(), "--style", "none", "--colors", "3", "--max-edge", "100",
                "-o", alone.toString());
        assertEquals(0, onNothing.exitCode(), onNothing.err());

        try (Image a = ImageReader.read(preset); Image b = ImageReader.read(fewer); Image c = ImageReader.read(alone)) {
            Set<Integer> presetColours = colours(a);
            Set<Integer> fewerColours = colours(b);
            assertTrue(fewerColours.size() <= 4, "--colors 4 without outlines, got " + fewerColours.size());
            assertFalse(fewerColours.contains(0), "--edges 0 switched the black ink off");
            assertTrue(presetColours.size() > fewerColours.size(), presetColours.size() + " colours");
            assertTrue(colours(c).size() <= 3, "--colors alone quantizes and does nothing else");
            assertEquals(100, c.width(), "--max-edge scales the photo first");
        }
    }

    @Test
    void postProcessingRunsOnTheStylizedResult() throws IOException {
        Path out = work.resolve("poster.png");
        CliRun run = run("stylize", photo.toString(), "--style", style.toString(), "--post", "Poster", "--strength", "0.7",
                "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Random test style") && run.out().contains("Poster"), run.out());
        try (Image result = ImageReader.read(out)) {
            assertEquals(200, result.width());
            assertTrue(colours(result).size() <= 6, "Poster has 6 colours and no lines");
        }
    }

    @Test
    void aBrokenPresetFileFailsWithOneLineNamingTheFileAndField() throws IOException {
        Path bad = work.resolve("my look.json");
        Files.writeString(bad, "{\"name\": \"Mine\", \"formatVersion\": 1, \"quantize\": {\"colors\": 300}}");
        Path out = work.resolve("x.png");
        CliRun run = run("stylize", photo.toString(), "--style", "none", "--post", bad.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "my look.json");
        assertTrue(run.err().contains("quantize.colors") && run.err().contains("300"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownPresetNameListsThePresets() {
        CliRun run = run("stylize", photo.toString(), "--style", "none", "--post", "Comic", "-o",
                work.resolve("x.png").toString());
        assertEquals(1, run.exitCode());
        assertOneLineError(run, "Comic: no preset has this name");
        assertTrue(run.err().contains("Comic ink") && run.err().contains("Poster"), run.err());
    }

    @Test
    void badPostProcessingValuesAreUsageErrorsNamingTheOption() {
        String[][] cases = {
            {"--edges", "3", "between 0 and 1"},
            {"--colors", "1", "between 2 and 64"},
            {"--edge-width", "40", "between 1 and 16"},
            {"--smooth", "-1", "between 0 and 10"},
            {"--saturation", "NaN", "between 0 and 3"},
        };
        for (String[] c : cases) {
            CliRun run = run("stylize", photo.toString(), "--style", "none", c[0], c[1], "-o",
                    work.resolve("x.png").toString());
            assertEquals(2, run.exitCode(), String.join(" ", c));
            String first = run.err().lines().findFirst().orElse("");
            assertTrue(first.contains("'" + c[0] + "'") && first.contains(c[2]), first);
        }
        assertFalse(Files.exists(work.resolve("x.png")));
    }

    @Test
    void aUsageErrorSaysWhatIsWrongAndWhereTheHelpIsInThreeLinesAtMost() {
        CliRun run = run("stylize", "-o", work.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.size() <= 3, run.err());
        assertTrue(lines.get(0).contains("INPUT"), run.err());
        assertTrue(lines.get(lines.size() - 1).contains("toonsmith stylize --help"), run.err());
        assertFalse(run.err().contains("Usage:"), "no help text after the reason: " + run.err());
    }

    @Test
    void aMistypedOptionWithAValueIsNamedAloneWithTheOptionMeant() {
        CliRun run = run("stylize", photo.toString(), "--strenght", "0.5", "-o", work.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.size() <= 3, run.err());
        assertEquals("toonsmith stylize: unknown option '--strenght'", lines.get(0));
        assertFalse(run.err().contains("0.5"), "its value is not an unknown option: " + run.err());
        assertTrue(lines.get(1).startsWith("Did you mean --strength"), "the nearest spelling first: " + run.err());
    }

    @Test
    void aMissingPhotoOrFolderIsNamedWithItsFolder() {
        CliRun photoRun = run("stylize", "nope.jpg", "-o", work.resolve("x.png").toString(), "--style", "none",
                "--post", "Poster");
        assertEquals(1, photoRun.exitCode());
        assertTrue(photoRun.err().contains(Path.of("nope.jpg").toAbsolutePath().toString()), photoRun.err());
        assertEquals(1, photoRun.err().lines().count(), photoRun.err());

        Path missing = work.resolve("no-such-folder");
        CliRun batch = run("batch", missing.toString(), "-o", work.resolve("out").toString());
        assertEquals(2, batch.exitCode());
        assertTrue(batch.err().startsWith("toonsmith batch: Input " + missing + " does not exist. Check the path."),
                batch.err());
    }

    @Test
    void theStylesTableFitsATerminal() {
        CliRun run = run("styles");
        assertEquals(0, run.exitCode(), run.err());
        for (String line : run.out().lines().toList()) {
            assertTrue(line.length() <= 120, line.length() + " columns: " + line);
        }
        assertTrue(run.out().contains("lite"), run.out());
    }

    @Test
    void styleNoneWithoutPostProcessingIsAUsageError() {
        CliRun run = run("stylize", photo.toString(), "--style", "none", "-o", work.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--post"), run.err());
    }

    @Test
    void presetsListsTheBuiltInsAndUserPresetsAndReportsBrokenFiles() throws IOException {
        Path folder = work.resolve("home").resolve("presets");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("Mine.json"), "{\"name\": \"Mine\", \"description\": \"Just ink.\","
                + " \"formatVersion\": 1, \"outlines\": {\"width\": 4}}");
        Files.writeString(folder.resolve("broken.json"),
                "{\"name\": \"Broken\", \"formatVersion\": 1, \"adjust\": {\"saturation\": 9}}");
        CliRun run = run("presets");
        assertEquals(0, run.exitCode(), run.err());
        for (String name : new String[] {"Clean cel", "Comic ink", "Poster", "Soft"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("built-in")), run.out());
        }
        assertTrue(run.out().contains("smooth, 10 colours, colour adjust, outlines 3px"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Mine ") && l.contains("user")
                && l.contains("outlines 4px") && l.contains("Just ink.")), run.out());
        assertTrue(run.err().contains("broken.json") && run.err().contains("adjust.saturation"), run.err());
    }

    /** The distinct colours of an 8-bit BGR image, each packed as 0xRRGGBB. */
    private static Set<Integer> colours(Image image) {
        byte[] bytes = new byte[(int) image.mat().total() * image.mat().channels()];
        image.mat().get(0, 0, bytes);
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < bytes.length; i += 3) {
            colours.add((bytes[i + 2] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i] & 0xff));
        }
        return colours;
    }

    /** Three 64 px crops of the test photo, and three flat cartoons with a black ring. */
    private void writeTrainingFolders(Path photos, Path cartoons) throws IOException {
        Files.createDirectories(photos);
        Files.createDirectories(cartoons);
        try (Image coffee = ImageReader.read(photo)) {
            for (int i = 0; i < 3; i++) {
                org.opencv.core.Mat crop = coffee.mat().submat(i * 20, i * 20 + 64, i * 30, i * 30 + 64);
                org.opencv.imgcodecs.Imgcodecs.imwrite(photos.resolve("p" + i + ".png").toString(), crop);
                org.opencv.core.Mat flat = new org.opencv.core.Mat(64, 64, org.opencv.core.CvType.CV_8UC3,
                        new org.opencv.core.Scalar(40 * i, 200, 255 - 40 * i));
                org.opencv.imgproc.Imgproc.circle(flat, new org.opencv.core.Point(32, 32), 20,
                        new org.opencv.core.Scalar(0, 0, 0), 3);
                org.opencv.imgcodecs.Imgcodecs.imwrite(cartoons.resolve("c" + i + ".png").toString(), flat);
            }
        }
    }

    @Test
    void trainResumeExportAndStylizeWithTheTrainedStyle() throws IOException {
        Path photos = work.resolve("photos");
        Path cartoons = work.resolve("cartoons");
        writeTrainingFolders(photos, cartoons);
        Path run = work.resolve("run");
        String[] common = {"train", "--photos", photos.toString(), "--cartoons", cartoons.toString(), "--run", run.toString(),
            "--size", "32", "--batch", "2", "--width", "4", "--d-width", "8", "--sample-every", "2",
            "--checkpoint-every", "2", "--device", "cpu"};
        CliRun first = run(concat(common, "--steps", "4"));
        assertEquals(0, first.exitCode(), first.err() + first.out());
        assertTrue(first.out().contains("Finished at step 4"), first.out());
        assertTrue(Files.exists(run.resolve("config.json")) && Files.exists(run.resolve("metrics.jsonl")));
        assertTrue(Files.exists(run.resolve("samples").resolve("step-000004.png")));

        CliRun again = run("train", "--run", run.toString(), "--resume", "--steps", "6");
        assertEquals(0, again.exitCode(), again.err() + again.out());
        assertTrue(again.out().contains("from step 4") && again.out().contains("Finished at step 6"), again.out());

        CliRun refused = run(concat(common, "--steps", "4"));
        assertEquals(2, refused.exitCode(), "a new run in a run's folder is a usage error: " + refused.out());
        assertTrue(refused.err().contains("--resume is off") && refused.err().contains("already holds a run"),
                refused.err());

        CliRun shortened = run("train", "--run", run.toString(), "--resume", "--steps", "5");
        assertEquals(2, shortened.exitCode(), "a usage error, not a silently longer run: " + shortened.out());
        assertTrue(shortened.err().contains("--steps 5") && shortened.err().contains("6"), shortened.err());

        Path toon = work.resolve("home").resolve("styles").resolve("mine.toon");
        Files.createDirectories(toon.getParent());
        CliRun export = run("export-style", run.toString(), "-o", toon.toString(), "--name", "My Trained Style",
                "--license", "CC0-1.0");
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("my-trained-style") && export.out().contains("6 steps"), export.out());
        try (java.util.zip.ZipFile bundle = new java.util.zip.ZipFile(toon.toFile())) {
            String manifest = new String(bundle.getInputStream(bundle.getEntry("manifest.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"photos: photos\"") && manifest.contains("\"cartoons: cartoons\""), manifest);
            assertFalse(manifest.contains(work.toString()), "a shared style must not reveal the trainer's folders");
        }

        CliRun styles = run("styles");
        assertTrue(styles.out().contains("my-trained-style") && styles.out().contains("My Trained Style"), styles.out());
        Path out = work.resolve("trained.png");
        CliRun stylize = run("stylize", photo.toString(), "-o", out.toString(), "--style", "my-trained-style");
        assertEquals(0, stylize.exitCode(), stylize.err());
        try (Image result = ImageReader.read(out)) {
            assertEquals(200, result.width());
        }

        CliRun missing = run("export-style", run.toString(), "--checkpoint", "3", "-o", work.resolve("x.toon").toString(),
                "--name", "X");
        assertEquals(1, missing.exitCode());
        assertOneLineError(missing, "step 3");
    }

    /** Trains a tiny lite generator with {@code generatorOptions} for two steps in {@code work/run}, on CPU. */
    private Path trainTwoTinySteps(String... generatorOptions) throws IOException {
        Path photos = work.resolve("photos");
        Path cartoons = work.resolve("cartoons");
        writeTrainingFolders(photos, cartoons);
        Path run = work.resolve("run");
        CliRun trained = run(concat(new String[] {"train", "--photos", photos.toString(), "--cartoons", cartoons.toString(),
            "--run", run.toString(), "--size", "32", "--batch", "1", "--width", "4", "--d-width", "8", "--steps", "2",
            "--device", "cpu"}, generatorOptions));
        assertEquals(0, trained.exitCode(), trained.err() + trained.out());
        return run;
    }

    @Test
    void aNewRunFineTunesFromAnotherRunAndTakesItsShape() throws IOException {
        Path first = trainTwoTinySteps("--refine", "2");
        String[] folders = {"train", "--photos", work.resolve("photos").toString(), "--cartoons",
            work.resolve("cartoons").toString(), "--size", "32", "--batch", "1", "--d-width", "8", "--steps", "2",
            "--device", "cpu"};
        Path tuned = work.resolve("tuned");
        CliRun fineTuned = run(concat(folders, "--run", tuned.toString(), "--start-from", first.toString()));
        assertEquals(0, fineTuned.exitCode(), fineTuned.err() + fineTuned.out());
        String config = Files.readString(tuned.resolve("config.json")).replaceAll("\\s", "");
        assertTrue(config.contains("\"refine\":2") && config.contains("\"width\":4"), "the first run's shape: " + config);

        CliRun withResume = run("train", "--run", tuned.toString(), "--resume", "--start-from", first.toString());
        assertEquals(2, withResume.exitCode(), withResume.out());
        assertTrue(withResume.err().contains("--start-from starts a new run"), withResume.err());

        Path nowhere = work.resolve("nowhere.toon");
        CliRun missing = run(concat(folders, "--run", work.resolve("other").toString(), "--start-from", nowhere.toString()));
        assertEquals(2, missing.exitCode(), missing.out());
        assertTrue(missing.err().contains("--start-from") && missing.err().contains(nowhere.toString()), missing.err());
    }

    @Test
    void generatorOptionsAreSavedInTheRunAndRefusedForTheWrongArchitecture() throws IOException {
        Path run = trainTwoTinySteps("--no-residual", "--refine", "2");
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.replaceAll("\\s", "").contains("\"residual\":false,\"detail\":true,\"refine\":2"), config);

        CliRun wrongArchitecture = run("train", "--photos", work.resolve("photos").toString(), "--cartoons",
                work.resolve("cartoons").toString(), "--run", work.resolve("other").toString(), "--arch", "cartoongan",
                "--no-residual");
        assertEquals(2, wrongArchitecture.exitCode(), wrongArchitecture.out());
        assertTrue(wrongArchitecture.err().contains("--residual applies to --arch lite only"), wrongArchitecture.err());
    }

    @Test
    void aPaletteRunsStyleIsPaintedWithItsOwnColours() throws IOException {
        Path run = trainTwoTinySteps("--palette", "6");
        Path photos = work.resolve("photos");
        Path cartoons = work.resolve("cartoons");
        assertTrue(Files.readString(run.resolve("config.json")).replaceAll("\\s", "").contains("\"palette\":6"));
        Path style = work.resolve("six.toon");
        CliRun exported = run("export-style", run.toString(), "-o", style.toString(), "--name", "Six");
        assertEquals(0, exported.exitCode(), exported.err());
        Path out = work.resolve("six.png");
        CliRun stylized = run("stylize", photo.toString(), "--style", style.toString(), "-o", out.toString());
        assertEquals(0, stylized.exitCode(), stylized.err());
        try (Image photoImage = ImageReader.read(photo); Image painted = ImageReader.read(out)) {
            assertTrue(CartoonLook.of(photoImage, painted).paletteBins() <= 6,
                    "six colours paint most of the picture");
        }

        CliRun one = run("train", "--photos", photos.toString(), "--cartoons", cartoons.toString(), "--run",
                work.resolve("one").toString(), "--palette", "1");
        assertEquals(2, one.exitCode(), one.out());
        assertTrue(one.err().contains("palette"), one.err());
        CliRun wrongArchitecture = run("train", "--photos", photos.toString(), "--cartoons", cartoons.toString(), "--run",
                work.resolve("other").toString(), "--arch", "cartoongan", "--palette", "8");
        assertEquals(2, wrongArchitecture.exitCode(), wrongArchitecture.out());
        assertTrue(wrongArchitecture.err().contains("--palette applies to --arch lite only"), wrongArchitecture.err());
    }

    @Test
    void trainRefusesAMissingOrNonTorchScriptFeatureExtractorAsAUsageError() throws IOException {
        Path run = work.resolve("run");
        // Checked before the datasets are read: the folders need not even exist.
        String[] common = {"train", "--photos", work.resolve("photos").toString(), "--cartoons",
            work.resolve("cartoons").toString(), "--run", run.toString(), "--device", "cpu", "--perceptual"};
        Path missing = work.resolve("vgg19-relu4_1.pt");
        CliRun gone = run(concat(common, missing.toString()));
        assertEquals(2, gone.exitCode(), gone.err());
        String first = gone.err().lines().findFirst().orElse("");
        assertTrue(first.contains("'--perceptual'") && first.contains(missing.toString()) && first.contains("does not exist"),
                first);

        Path text = Files.writeString(work.resolve("features.pt"), "a text file renamed .pt");
        CliRun notTorchScript = run(concat(common, text.toString()));
        assertEquals(2, notTorchScript.exitCode(), notTorchScript.err());
        first = notTorchScript.err().lines().findFirst().orElse("");
        assertTrue(first.contains(text + " is not a TorchScript module (torch.jit.save output)")
                && first.contains("torch.jit.trace"), first);
        assertFalse(Files.exists(run), "no run was started");

        // A run's content loss cannot switch to the extractor halfway.
        Files.createDirectories(run);
        new ObjectMapper().writeValue(run.resolve("config.json").toFile(),
                dev.toonsmith.engine.train.TrainingOptions.defaults("cartoongan"));
        CliRun added = run("train", "--run", run.toString(), "--resume", "--perceptual", text.toString());
        assertEquals(2, added.exitCode(), added.err());
        assertTrue(added.err().lines().findFirst().orElse("").contains("started without it"), added.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void assertOneLineError(CliRun run, String mentions) {
        String err = run.err().strip();
        assertTrue(err.startsWith("toonsmith: "), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(mentions), err);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
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
