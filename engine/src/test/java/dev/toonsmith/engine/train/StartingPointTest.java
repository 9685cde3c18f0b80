package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning: a new run whose generator starts from a style's or a run's weights instead of random ones. */
class StartingPointTest {

    @TempDir
    static Path shared;

    private static DataSources data;

    @TempDir
    Path work;

    @BeforeAll
    static void loadData() throws IOException {
        TorchRuntime.inferenceMode();
        data = DataSources.load(TrainingFixtures.photos(shared), TrainingFixtures.cartoons(shared), 32, (d, t) -> { });
    }

    /** A finished tiny run of a generator shaped unlike the tiny default (width 6, 2 blocks), and its style. */
    private Path firstRun() throws Exception {
        TrainingRun run = TrainingFixtures.runToEnd(TrainingRun.builder().setRunFolder(work.resolve("first"))
                .setData(data).optOptions(TrainingFixtures.tiny("cartoongan", 4,
                        Map.of("generator", Map.of("width", 6, "residualBlocks", 2))))
                .build());
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        return run.folder().root();
    }

    @Test
    void aRunStartedFromAStyleHasTheStylesGeneratorAndWeights() throws Exception {
        Path style = work.resolve("first.toon");
        StyleExport.export(new RunFolder(firstRun()), Optional.empty(), new StyleExport.Details("first", "First",
                "tests", "CC0-1.0", "", "", 0), style);
        // A learning rate too small to move anything: the checkpoint after one step still holds the style's weights.
        TrainingRun tuned = TrainingFixtures.runToEnd(TrainingRun.builder().setRunFolder(work.resolve("tuned"))
                .setData(data).optOptions(TrainingFixtures.tiny("cartoongan", 4, Map.of("startFrom", style.toString(),
                        "learningRate", 1e-12, "initSteps", 0)))
                .build());
        assertTrue(tuned.failure().isEmpty(), tuned.failure().orElse(""));
        TrainingOptions saved = tuned.folder().readConfig();
        assertEquals(6, ((Number) saved.generator().get("width")).intValue(), "the style's width, not the option's 4");
        assertEquals(2, ((Number) saved.generator().get("residualBlocks")).intValue());
        assertEquals(style.toAbsolutePath().normalize().toString(), saved.startFrom());
        assertWeightsClose(StyleBundle.read(style).weightsBytes(),
                Files.readAllBytes(tuned.folder().latestCheckpoint().orElseThrow().resolve("generator.safetensors")));
    }

    @Test
    void aRunStartedFromARunTakesItsNewestCheckpoint() throws Exception {
        Path first = firstRun();
        TrainingRun tuned = TrainingFixtures.runToEnd(TrainingRun.builder().setRunFolder(work.resolve("tuned"))
                .setData(data).optOptions(TrainingFixtures.tiny("cartoongan", 4, Map.of("startFrom", first.toString(),
                        "learningRate", 1e-12, "initSteps", 0)))
                .build());
        assertTrue(tuned.failure().isEmpty(), tuned.failure().orElse(""));
        assertWeightsClose(
                Files.readAllBytes(new RunFolder(first).latestCheckpoint().orElseThrow().resolve("generator.safetensors")),
                Files.readAllBytes(tuned.folder().latestCheckpoint().orElseThrow().resolve("generator.safetensors")));
    }

    @Test
    void whatCannotBeStartedFromIsRefusedBeforeTheRunStartsNamingTheOption() throws Exception {
        Path emptyFolder = Files.createDirectories(work.resolve("not-a-run"));
        Path junk = Files.writeString(work.resolve("junk.toon"), "not a style");
        for (Path from : new Path[] {work.resolve("missing.toon"), emptyFolder, junk}) {
            TrainingOptionException e = assertThrows(TrainingOptionException.class, () -> TrainingRun.builder()
                    .setRunFolder(work.resolve("never")).setData(data)
                    .optOptions(TrainingFixtures.tiny("cartoongan", 4, Map.of("startFrom", from.toString()))).build());
            assertEquals("start-from", e.option());
            assertTrue(e.problem().contains(from.getFileName().toString()), e.problem());
        }
        assertTrue(Files.notExists(work.resolve("never").resolve("config.json")), "nothing was written");
    }

    private static void assertWeightsClose(byte[] expected, byte[] actual) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList a = NDList.decode(manager, expected);
            NDList b = NDList.decode(manager, actual);
            assertEquals(a.size(), b.size());
            Map<String, NDArray> byName = new java.util.HashMap<>();
            b.forEach(x -> byName.put(x.getName(), x));
            for (NDArray x : a) {
                NDArray y = byName.get(x.getName());
                float diff = x.sub(y).abs().max().getFloat();
                assertTrue(diff < 1e-5, x.getName() + " differs by " + diff);
            }
        }
    }

    @Test
    void anImportedModelCannotBeFineTuned() throws Exception {
        Path model = Path.of(java.util.Objects.requireNonNull(
                StartingPointTest.class.getResource("/models/cyclegan-resnet.torchscript.pt")).toURI());
        Path toon = work.resolve("imported.toon");
        dev.toonsmith.engine.imported.StyleImport.importModel(model,
                dev.toonsmith.engine.imported.ModelConvention.pytorchDefault(4),
                new dev.toonsmith.engine.imported.StyleImport.Details(null, "Imported", "tests", "CC0-1.0", "", 0), toon);
        TrainingOptionException e = assertThrows(TrainingOptionException.class, () -> StartingPoint.read(toon));
        assertEquals("start-from", e.option());
        assertTrue(e.problem().contains("an imported model"), e.problem());
    }
}
