package dev.toonsmith.app.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.cli.TrainCommand;
import dev.toonsmith.engine.train.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainPresetTest {

    @Test
    void everyPresetIsAValidTrainCommandLine() {
        for (TrainPreset preset : TrainPreset.values()) {
            TrainingOptions options = TrainCommand.newRunOptions(preset.arguments());
            assertEquals(Integer.parseInt(preset.argument("--size")), options.size(), preset.name());
            assertEquals(Long.parseLong(preset.argument("--steps")), options.steps(), preset.name());
        }
        assertEquals("cyclegan", TrainCommand.newRunOptions(TrainPreset.CYCLEGAN.arguments()).mode());
    }

    @Test
    void theDefaultStyleRecipeIsTheOneTrainDefaultShRuns() throws Exception {
        String script = Files.readString(Path.of("..", "training", "train-default.sh"));
        TrainingOptions options = TrainCommand.newRunOptions(TrainPreset.DEFAULT_STYLE.arguments());
        for (String option : new String[] {"--palette", "--flatten", "--lambda-adv", "--lambda-surface", "--lambda-ink",
            "--line-threshold", "--lambda-tv", "--lr", "--size", "--d-scales"}) {
            String value = TrainPreset.DEFAULT_STYLE.argument(option);
            assertTrue(script.contains(option + " " + value), option + " " + value + " is what train-default.sh uses");
        }
        assertEquals(32, ((Number) options.generator().get("palette")).intValue());
        assertEquals("toon", options.surfaceTarget());
    }

    @Test
    void aLaterArgumentOverridesThePresets() {
        var args = new java.util.ArrayList<>(TrainPreset.QUICK.arguments());
        args.addAll(java.util.List.of("--size", "64"));
        assertEquals(64, TrainCommand.newRunOptions(args).size());
    }

    @Test
    void aBadValueIsReportedAsTheCommandLineWouldReportIt() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainCommand.newRunOptions(java.util.List.of("--size", "30")));
        assertTrue(e.getMessage().startsWith("--size "), e.getMessage());
        var typo = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainCommand.newRunOptions(java.util.List.of("--lr", "fast")));
        assertTrue(typo.getMessage().contains("--lr"), typo.getMessage());
    }
}
