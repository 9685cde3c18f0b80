package dev.toonsmith.app.cli;

import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.render.RenderSettingException;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that decide a render's pixels, shared by {@code stylize} and {@code batch} so the two cannot
 * drift apart: the style and its strength, the size, post-processing ({@link PostOptions}), the device and the
 * encoder's quality. {@link #settings} turns them into the engine's {@link RenderSettings}. Used on the
 * command's thread only.
 */
final class RenderOptions {

    /** The {@code --style} value that skips the generator: post-processing alone. */
    static final String NO_STYLE = "none";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @Option(names = "--style", paramLabel = "NAME|FILE.toon|none",
            description = "An installed style (see 'toonsmith styles'), a style file, or 'none' for post-processing"
                    + " alone. Default: the bundled default style.")
    String style;

    @CommandLine.Mixin
    PostOptions post;

    @Option(names = "--strength", paramLabel = "S", defaultValue = "1.0",
            description = "From 0 (the photo unchanged) to 1 (the full style). Default: ${DEFAULT-VALUE}.")
    double strength;

    @Option(names = "--max-edge", paramLabel = "N", defaultValue = "0",
            description = "Scale the photo down so its longer edge is at most N pixels first (fast previews)."
                    + " Default: full size.")
    int maxEdge;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "0",
            description = "Largest picture decoded, in pixels; larger ones are refused before decoding (a JPEG is"
                    + " decoded at 1/2, 1/4 or 1/8 when --max-edge asks for less). Default: about 183 million, what"
                    + " the memory budget holds; up to 1073741824. See the README for the memory each size needs.")
    long maxPixels;

    @Option(names = "--tile", paramLabel = "N", defaultValue = "0",
            description = "Largest tile edge in pixels for big photos. Default: chosen from a 1.4 GB memory budget.")
    int tile;

    @Option(names = "--working-edge", paramLabel = "N",
            description = "Longest edge the style draws at; larger photos are stylized at that size and upsampled"
                    + " edge-aware. 0: at the photo's full resolution (finer, smaller outlines). Default: the style's own.")
    Integer workingEdge;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the network runs. Default: ${DEFAULT-VALUE} (a CUDA GPU when usable, else the CPU).")
    String device;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "95",
            description = "JPEG and WebP quality, 1-100. Default: ${DEFAULT-VALUE}.")
    int quality;

    boolean noStyle() {
        return style != null && NO_STYLE.equalsIgnoreCase(style.strip());
    }

    /**
     * Checks what can be checked before any file is read: an option out of range is a usage error naming it.
     *
     * @throws CommandLine.ParameterException for a value that cannot be used
     */
    void checkUsage() {
        if (noStyle() && !post.given()) {
            throw usage("--style none leaves nothing to do: add --post PRESET (see 'toonsmith presets') or a"
                    + " post-processing option such as --colors.");
        }
        if (workingEdge != null && workingEdge < 0) {
            throw usage("--working-edge must be 0 (full resolution) or a number of pixels, got " + workingEdge);
        }
        devicePreference();
        imageLimits();
        // The settings without a style or preset yet: ranges only.
        try {
            RenderSettings.builder().optStrength(strength).optMaxEdge(maxEdge).optTileSize(tile)
                    .optWorkingEdge(workingEdge())
                    .optQuality(quality).optPost(dev.toonsmith.engine.post.PostSettings.builder().build(), null)
                    .build();
        } catch (RenderSettingException e) {
            throw usage(e);
        }
    }

    DevicePreference devicePreference() {
        try {
            return DevicePreference.parse(device);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ImageLimits imageLimits() {
        String problem = ImageLimits.problem(maxPixels);
        if (problem != null) {
            throw usage("--max-pixels " + problem);
        }
        return ImageLimits.of(maxPixels);
    }

    private int workingEdge() {
        return workingEdge == null ? StylizeOptions.STYLE_WORKING_EDGE : workingEdge;
    }

    /**
     * Resolves the style and the preset and builds the settings. The preset first: a mistyped preset should not
     * cost loading a style.
     *
     * @param format the output format, or null to keep each source's own
     * @throws IOException when the style or the preset cannot be read
     */
    RenderSettings settings(OutputFormat format) throws IOException {
        PostOptions.Choice look = post.given() ? post.resolve() : null;
        StyleBundle bundle = noStyle() ? null : StyleLibrary.load().resolve(style);
        try {
            return RenderSettings.builder().optStyle(bundle).optStrength(strength).optMaxEdge(maxEdge)
                    .optTileSize(tile).optWorkingEdge(workingEdge())
                    .optPost(look == null ? null : look.settings(), look == null ? null : look.presetName())
                    .optFormat(format).optQuality(quality).optImageLimits(imageLimits()).build();
        } catch (RenderSettingException e) {
            throw usage(e);
        }
    }

    private CommandLine.ParameterException usage(RenderSettingException e) {
        return usage("--" + e.setting() + " " + e.problem());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
