package dev.toonsmith.app.studio.train;

import java.util.List;

/**
 * A starting point for a new run, in the words of {@code toonsmith train}'s options: choosing one fills in the
 * wizard, and anything the user changes afterwards overrides it.
 */
public enum TrainPreset {

    /**
     * The default style's recipe at small crops and few steps: a first style in minutes on a laptop's CPU. The
     * learned palette makes even an early checkpoint paint flat colours, where a plain generator would still be
     * redrawing the photo.
     */
    QUICK("train.preset.quick", List.of("--mode", "cartoongan", "--arch", "lite", "--flatten", "2", "--palette", "24",
            "--size", "96", "--batch", "4", "--steps", "600", "--lambda-adv", "0.3", "--surface", "toon",
            "--lambda-surface", "5", "--lambda-ink", "8", "--line-threshold", "150", "--lambda-tv", "0.2", "--lr", "5e-4",
            "--sample-every", "25", "--checkpoint-every", "100")),

    /**
     * The recipe of the bundled default style, as {@code training/train-default.sh} runs it: a learned palette,
     * toon-surface target with weighted ink, two-scale discriminator. Hours on a CPU.
     */
    DEFAULT_STYLE("train.preset.defaultStyle", List.of("--mode", "cartoongan", "--arch", "lite", "--refine", "1",
            "--flatten", "3", "--palette", "32", "--size", "256", "--batch", "4", "--steps", "1400", "--init-steps", "100",
            "--d-width", "32", "--d-scales", "2", "--gan-loss", "lsgan", "--spectral-norm", "--lambda-adv", "0.3",
            "--lambda-content", "10", "--content-scale", "4", "--surface", "toon", "--lambda-surface", "5",
            "--lambda-ink", "8", "--line-threshold", "150", "--lambda-tv", "0.2", "--lr", "5e-4", "--lr-schedule",
            "linear", "--sample-every", "250", "--checkpoint-every", "250", "--keep-checkpoints", "12", "--seed", "42")),

    /** Two generators and two discriminators, photo to cartoon and back, with cycle consistency. */
    CYCLEGAN("train.preset.cyclegan", List.of("--mode", "cyclegan", "--arch", "lite", "--size", "128", "--batch", "2",
            "--steps", "3000", "--sample-every", "100", "--checkpoint-every", "250"));

    private final String textKey;
    private final List<String> arguments;

    TrainPreset(String textKey, List<String> arguments) {
        this.textKey = textKey;
        this.arguments = arguments;
    }

    /** The key of its name in the studio's texts; {@code .description} appended gives its one-line explanation. */
    public String textKey() {
        return textKey;
    }

    /** The preset as {@code train} arguments. */
    public List<String> arguments() {
        return arguments;
    }

    /** The value the preset gives an option ({@code "--size"} → {@code "96"}; {@code ""} for a flag), or null. */
    public String argument(String option) {
        int i = arguments.indexOf(option);
        if (i < 0) {
            return null;
        }
        return i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--") ? arguments.get(i + 1) : "";
    }
}
