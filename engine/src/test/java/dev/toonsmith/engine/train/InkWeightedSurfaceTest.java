package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --lambda-ink: the toon target's lines count more in the surface loss than their few pixels would make them. */
class InkWeightedSurfaceTest {

    @TempDir
    static Path data;

    @TempDir
    Path work;

    private static DataSources sources;

    @BeforeAll
    static void loadData() throws IOException {
        // Like the training thread: in-place updates of parameters happen outside autograd.
        TorchRuntime.inferenceMode();
        sources = DataSources.load(TrainingFixtures.photos(data), TrainingFixtures.cartoons(data), 32, (done, total) -> { });
    }

    @AfterAll
    static void closeData() {
        sources.close();
    }

    @Test
    void inkWeightsAndLineThresholdsApplyToTheToonTargetOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingFixtures.tiny("cartoongan", 4, Map.of("lambdaInk", 4.0)));
        assertTrue(e.getMessage().contains("'lambda-ink'") && e.getMessage().contains("set surface to toon"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingFixtures.tiny("cartoongan", 4,
                Map.of("surfaceTarget", "toon", "lambdaInk", -1.0)));
        IllegalArgumentException lines = assertThrows(IllegalArgumentException.class,
                () -> TrainingFixtures.tiny("cartoongan", 4, Map.of("lineThreshold", 150.0)));
        assertTrue(lines.getMessage().contains("'line-threshold'") && lines.getMessage().contains("set surface to toon"),
                lines.getMessage());
    }

    @Test
    void weighingTheLinesChangesTheSurfaceLossAndKeepsItFinite() throws Exception {
        double even = surfaceLossAtTheFirstStep("even", 0);
        double inked = surfaceLossAtTheFirstStep("inked", 4);
        assertTrue(Double.isFinite(inked) && inked > 0, "G_surface " + inked);
        // Same seed, same generator, same batch: only the weighing differs. The generator starts near the photo,
        // which is farthest from the target on its lines, so weighing them up raises the loss.
        assertNotEquals(even, inked);
        assertTrue(inked > even, "lines weigh more: " + inked + " vs " + even);
    }

    private double surfaceLossAtTheFirstStep(String name, double lambdaInk) throws Exception {
        TrainingOptions options = TrainingFixtures.tiny("cartoongan", 2, Map.of("initSteps", 0, "surfaceTarget", "toon",
                "lambdaSurface", 5.0, "lambdaInk", lambdaInk));
        TrainingRun run = TrainingFixtures.runToEnd(
                TrainingRun.builder().setRunFolder(work.resolve(name)).setData(sources).optOptions(options).build());
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        List<JsonNode> metrics = TrainingFixtures.metrics(run.folder());
        return metrics.get(0).path("G_surface").asDouble(Double.NaN);
    }
}
