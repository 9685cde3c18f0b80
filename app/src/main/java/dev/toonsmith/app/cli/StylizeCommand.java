package dev.toonsmith.app.cli;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.post.PostProcess;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code toonsmith stylize}: one photo in, one stylized image out. The generator runs first, blended with the
 * photo by the strength, then post-processing on that full-resolution result; with {@code --style none} no
 * generator is loaded and post-processing works on the photo itself.
 */
@Command(name = "stylize", mixinStandardHelpOptions = true,
        description = {"Stylizes one photo with a style, then post-processes it, and writes the result.",
            "The output has the photo's size (or the --max-edge preview size), bit depth and transparency;"
                    + " the photo itself is never modified."})
final class StylizeCommand implements Callable<Integer> {

    /** The {@code --style} value that skips the generator: post-processing alone. */
    static final String NO_STYLE = "none";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The photo: PNG, JPEG, WebP, BMP or TIFF.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Where to write the result; the extension picks the format (${COMPLETION-CANDIDATES}).",
            completionCandidates = OutputExtensions.class)
    Path output;

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
            description = "Scale the photo down so its longer edge is at most N pixels first (fast previews). Default: full size.")
    int maxEdge;

    @Option(names = "--tile", paramLabel = "N", defaultValue = "0",
            description = "Largest tile edge in pixels for big photos. Default: chosen from a 1 GB memory budget.")
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

    @Override
    public Integer call() throws Exception {
        boolean noStyle = style != null && NO_STYLE.equalsIgnoreCase(style.strip());
        if (noStyle && !post.given()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--style none leaves nothing to do:"
                    + " add --post PRESET (see 'toonsmith presets') or a post-processing option such as --colors.");
        }
        StylizeOptions options = usage(() -> new StylizeOptions(strength, maxEdge, tile,
                workingEdge == null ? StylizeOptions.STYLE_WORKING_EDGE : requireNonNegative(workingEdge)));
        DevicePreference preference = usage(() -> DevicePreference.parse(device));
        WriteOptions writeOptions = usage(() -> new WriteOptions(quality));
        if (OutputFormat.forPath(output).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot write " + output
                    + ": unknown image type; use one of " + OutputFormat.supportedExtensions() + ".");
        }
        ImageWriter.requireNotSource(input, output);
        long start = System.nanoTime();
        // Before the photo and the style: a mistyped preset should not cost a generator run.
        PostOptions.Choice look = post.given() ? post.resolve() : null;
        try (Image photo = ImageReader.read(input)) {
            String how;
            Image stylized;
            if (noStyle) {
                how = "no style";
                stylized = maxEdge > 0 ? ImageOps.resizeToMaxEdge(photo, maxEdge) : photo.copy();
            } else {
                StyleBundle bundle = StyleLibrary.load().resolve(style);
                try (Stylizer stylizer = Stylizer.load(bundle, preference)) {
                    stylized = stylizer.stylize(photo, options);
                    how = "style '" + bundle.manifest().name() + "' on " + TorchRuntime.describe(stylizer.device());
                }
            }
            try (stylized) {
                if (look == null) {
                    write(stylized, writeOptions, how, start);
                } else {
                    try (Image result = PostProcess.apply(stylized, look.settings())) {
                        write(result, writeOptions, how + ", " + look.describe(), start);
                    }
                }
            }
        }
        return 0;
    }

    private void write(Image result, WriteOptions writeOptions, String how, long start) throws IOException {
        ImageWriter.write(result, output, writeOptions, input);
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%dx%d, %s, %.1f s)%n",
                output, result.width(), result.height(), how, (System.nanoTime() - start) / 1e9);
    }

    /** Builds a value from an option, reporting a value out of range as a usage error. */
    private <T> T usage(Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The extensions {@link OutputFormat} writes, for the help text. */
    static final class OutputExtensions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(OutputFormat.values())
                    .flatMap(f -> f.extensions().stream())
                    .iterator();
        }
    }

    private static int requireNonNegative(int workingEdge) {
        if (workingEdge < 0) {
            throw new IllegalArgumentException("--working-edge must be 0 (full resolution) or a number of pixels, got "
                    + workingEdge);
        }
        return workingEdge;
    }
}
