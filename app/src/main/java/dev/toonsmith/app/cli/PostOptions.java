package dev.toonsmith.app.cli;

import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.post.Preset;
import dev.toonsmith.engine.post.PresetLibrary;
import java.io.IOException;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The post-processing options of a command: a preset ({@code --post}) and the five simple controls, which
 * apply on top of the preset, or on top of no post-processing when no preset is given, exactly as the
 * studio's sliders do ({@link PostSettings.Builder}).
 *
 * <p>Each control's value is checked while the command line is parsed, by the same builder that applies it
 * later, so an out-of-range value is a usage error that names the option, before any file is read. The
 * preset is resolved only when the command runs, since a broken preset file is a failed run, not a usage
 * error. Used on the command's thread only.
 */
final class PostOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @Option(names = "--post", paramLabel = "PRESET|FILE.json",
            description = "Post-processing preset: a name listed by 'toonsmith presets', or a preset file."
                    + " Runs after the style, on the full-size result.")
    String preset;

    private Integer colors;
    private Double edges;
    private Integer edgeWidth;
    private Integer smooth;
    private Double saturation;

    @Option(names = "--colors", paramLabel = "K",
            description = "Reduce to K flat colours (2-64); 0 switches colour reduction off.")
    void setColors(int k) {
        check("--colors", "0 switches colour reduction off", builder -> builder.colors(k));
        colors = k;
    }

    @Option(names = "--edges", paramLabel = "STRENGTH",
            description = "Ink outlines from 0 (off) to 1 (many, opaque lines).")
    void setEdges(double strength) {
        check("--edges", null, builder -> builder.edges(strength));
        edges = strength;
    }

    @Option(names = "--edge-width", paramLabel = "PX",
            description = "Outline width (1-16) in pixels of a 1024 px image, scaled with the picture;"
                    + " does not switch outlines on (use --edges).")
    void setEdgeWidth(int px) {
        check("--edge-width", "--edges 0 switches outlines off", builder -> builder.edgeWidth(px));
        edgeWidth = px;
    }

    @Option(names = "--smooth", paramLabel = "N",
            description = "Edge-preserving smoothing from 0 (off) to 10 (flattest).")
    void setSmooth(int amount) {
        check("--smooth", null, builder -> builder.smooth(amount));
        smooth = amount;
    }

    @Option(names = "--saturation", paramLabel = "S",
            description = "Colour saturation multiplier from 0 (gray) to 3; 1 leaves colours as they are.")
    void setSaturation(double s) {
        check("--saturation", null, builder -> builder.saturation(s));
        saturation = s;
    }

    /** Whether any post-processing option was given. */
    boolean given() {
        return preset != null || colors != null || edges != null || edgeWidth != null || smooth != null
                || saturation != null;
    }

    /**
     * The post-processing the options ask for: the preset, if any, with the controls applied on top.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such preset or file
     * @throws dev.toonsmith.engine.post.PresetFormatException if the preset file is broken; the message
     *     names the file and the field
     */
    Choice resolve() throws IOException {
        Preset base = preset == null ? null : new PresetLibrary(UserDirectories.platform()).resolve(preset);
        PostSettings.Builder builder =
                base == null ? PostSettings.builder() : base.settings().toBuilder();
        if (colors != null) {
            builder.colors(colors);
        }
        if (edges != null) {
            builder.edges(edges);
        }
        if (edgeWidth != null) {
            builder.edgeWidth(edgeWidth);
        }
        if (smooth != null) {
            builder.smooth(smooth);
        }
        if (saturation != null) {
            builder.saturation(saturation);
        }
        return new Choice(base, builder.build());
    }

    /**
     * Resolved post-processing.
     *
     * @param preset the preset it starts from, or null
     * @param settings what to run
     */
    record Choice(Preset preset, PostSettings settings) {

        /** The preset's name, for file names and reports, or null when no preset was given. */
        String presetName() {
            return preset == null ? null : preset.name();
        }

        /** For the status line: the preset's name when it is used as it is, else the steps. */
        String describe() {
            if (preset != null && preset.settings().equals(settings)) {
                return "post-processing '" + preset.name() + "'";
            }
            return (preset == null ? "post-processing: " : "post-processing '" + preset.name() + "' changed to: ")
                    + settings.summary();
        }
    }

    /**
     * Applies the value to a throwaway builder, turning the builder's range error into a usage error.
     *
     * @param hint what to do instead, for values people try by mistake, or null
     */
    private void check(String option, String hint, Consumer<PostSettings.Builder> control) {
        try {
            control.accept(PostSettings.builder());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "Invalid value for option '" + option
                    + "': " + e.getMessage() + (hint == null ? "" : " (" + hint + ")"));
        }
    }
}
