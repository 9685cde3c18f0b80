package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a run: what may change (more steps, a moved feature extractor, moved folders) and what may not. */
class ResumePlanTest {

    @TempDir
    Path work;

    private RunFolder run;
    private final Path photos = Path.of("/data/photos");
    private final Path cartoons = Path.of("/data/cartoons");

    @BeforeEach
    void aRunOf6Steps() throws IOException {
        run = new RunFolder(work.resolve("run"));
        run.writeConfig(TrainingFixtures.tiny("cartoongan", 6, Map.of()));
        new DatasetFolders(photos, cartoons).write(run);
    }

    @Test
    void resumingFinishesThePlannedRunOnItsOwnFolders() throws IOException {
        ResumePlan plan = ResumePlan.of(run, null, null, null, null);
        assertEquals(run.readConfig(), plan.options());
        assertEquals(photos.toAbsolutePath(), plan.photos());
        assertEquals(cartoons.toAbsolutePath(), plan.cartoons());
        Path moved = work.resolve("moved-photos");
        assertEquals(moved, ResumePlan.of(run, null, null, moved, null).photos(), "a folder that moved");
    }

    @Test
    void moreStepsExtendTheRunAndFewerAreRefusedByTheOptionsName() throws IOException {
        assertEquals(10, ResumePlan.of(run, 10L, null, null, null).options().steps());
        assertEquals(6, ResumePlan.of(run, 6L, null, null, null).options().steps());
        TrainingOptionException fewer = assertThrows(TrainingOptionException.class,
                () -> ResumePlan.of(run, 4L, null, null, null));
        assertEquals("steps", fewer.option());
        assertTrue(fewer.problem().contains("fewer than the 6 steps"), fewer.problem());
        assertFalse(fewer.getMessage().contains("--"), "the engine names options, not command-line flags: "
                + fewer.getMessage());
    }

    @Test
    void aRunWithoutAFeatureExtractorCannotGainOne() {
        TrainingOptionException added = assertThrows(TrainingOptionException.class,
                () -> ResumePlan.of(run, null, work.resolve("vgg.pt"), null, null));
        assertEquals("perceptual", added.option());
    }

    @Test
    void aFolderWithoutARunSaysSo() throws IOException {
        RunFolder empty = new RunFolder(work.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> ResumePlan.of(empty, null, null, null, null));
        assertTrue(e.getMessage().contains(empty.root().toString()), e.getMessage());
        assertNull(DatasetFolders.read(empty).orElse(null));
    }

    @Test
    void optionsThatContradictEachOtherNameTheOptionWithoutFlags() {
        TrainingOptionException e = assertThrows(TrainingOptionException.class,
                () -> TrainingFixtures.tiny("cartoongan", 6, Map.of("lineThreshold", 150.0)));
        assertEquals("line-threshold", e.option());
        assertFalse(e.getMessage().contains("--"), e.getMessage());
    }
}
