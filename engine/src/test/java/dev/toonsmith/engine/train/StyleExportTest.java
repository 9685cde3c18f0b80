package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What exporting says when a run has nothing to export yet: the CLI and the studio both show it. */
class StyleExportTest {

    @TempDir
    Path work;

    @Test
    void aRunWithoutACheckpointSaysHowFarToTrainNamingTheOptionNotAFlag() throws IOException {
        RunFolder run = new RunFolder(work.resolve("young"));
        run.writeConfig(TrainingFixtures.tiny("cartoongan", 20, Map.of("checkpointEvery", 5)));
        StyleExport.Details details = new StyleExport.Details("young", "Young", "tests", "CC0-1.0", null, null,
                StyleExport.Details.DEFAULT_WORKING_EDGE);

        IOException e = assertThrows(IOException.class,
                () -> StyleExport.export(run, Optional.empty(), details, work.resolve("young.toon")));
        assertEquals(run.root() + " has no checkpoint yet: the first is written after 5 steps (the checkpoint-every"
                + " option). Train it that far first.", e.getMessage());
        assertEquals(false, Files.exists(work.resolve("young.toon")));
    }
}
