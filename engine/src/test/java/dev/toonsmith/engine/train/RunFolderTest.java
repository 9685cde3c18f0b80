package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.model.LiteSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's config.json must rebuild the generator the run's checkpoints were made with, in later versions too. */
class RunFolderTest {

    @TempDir
    Path work;

    @Test
    void configNamesEveryGeneratorHyperparameterDefaultsIncluded() throws Exception {
        TrainingOptions options = TrainingOptionsCodec.with(TrainingOptions.defaults("cartoongan"),
                Map.of("generator", Map.of("refine", 2)));
        RunFolder folder = new RunFolder(work.resolve("run"));
        folder.writeConfig(options);
        String json = Files.readString(folder.config(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"width\" : 16") && json.contains("\"ink\" : true") && json.contains("\"refine\" : 2"), json);
        assertEquals(options.generatorSpec(), folder.readConfig().generatorSpec());
    }

    @Test
    void aRunStartedBeforeTheInkLayerResumesWithoutIt() throws Exception {
        RunFolder folder = new RunFolder(work.resolve("old"));
        folder.writeConfig(TrainingOptions.defaults("cartoongan"));
        // What the version before the ink layer wrote: only the hyperparameters given on the command line.
        String json = Files.readString(folder.config(), StandardCharsets.UTF_8)
                .replaceAll("(?s)\"generator\" : \\{.*?\\}", "\"generator\" : { \"refine\" : 1 }");
        Files.writeString(folder.config(), json, StandardCharsets.UTF_8);
        LiteSpec spec = (LiteSpec) folder.readConfig().generatorSpec();
        assertEquals(1, spec.refine());
        assertFalse(spec.ink());
    }
}
