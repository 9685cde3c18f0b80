package dev.toonsmith.app.cli;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code toonsmith stylize}: one photo in, one stylized image out. */
@Command(name = "stylize", mixinStandardHelpOptions = true,
        description = {"Stylizes one photo with a style and writes the result.",
            "The output has the photo's size (or the --max-edge preview size), bit depth and transparency;"
                    + " the photo itself is never modified."})
final class StylizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The photo: PNG, JPEG, WebP, BMP or TIFF.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Where to write the result; the extension picks the format (${COMPLETION-CANDIDATES}).",
            completionCandidates = OutputExtensions.class)
    Path output;

    @Option(names = "--style", paramLabel = "NAME|FILE.toon",
            description = "An installed style (see 'toonsmith styles') or a style file. Default: the bundled default style.")
    String style;

    @Option(names = "--strength", paramLabel = "S", defaultValue = "1.0",
            description = "From 0 (the photo unchanged) to 1 (the full style). Default: ${DEFAULT-VALUE}.")
    double strength;

    @Option(names = "--max-edge", paramLabel = "N", defaultValue = "0",
            description = "Scale the photo down so its longer edge is at most N pixels first (fast previews). Default: full size.")
    int maxEdge;

    @Option(names = "--tile", paramLabel = "N", defaultValue = "0",
            description = "Largest tile edge in pixels for big photos. Default: chosen from a 1 GB memory budget.")
    int tile;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the network runs. Default: ${DEFAULT-VALUE} (a CUDA GPU when usable, else the CPU).")
    String device;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "95",
            description = "JPEG and WebP quality, 1-100. Default: ${DEFAULT-VALUE}.")
    int quality;

    @Override
    public Integer call() throws Exception {
        StylizeOptions options = new StylizeOptions(strength, maxEdge, tile);
        DevicePreference preference = DevicePreference.parse(device);
        WriteOptions writeOptions = new WriteOptions(quality);
        if (OutputFormat.forPath(output).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot write " + output
                    + ": unknown image type; use one of " + OutputFormat.supportedExtensions() + ".");
        }
        ImageWriter.requireNotSource(input, output);
        long start = System.nanoTime();
        try (Image photo = ImageReader.read(input)) {
            StyleBundle bundle = StyleLibrary.load().resolve(style);
            stylize(photo, bundle, options, preference, writeOptions, start);
        }
        return 0;
    }

    private void stylize(Image photo, StyleBundle bundle, StylizeOptions options, DevicePreference preference,
            WriteOptions writeOptions, long start) throws java.io.IOException {
        try (Stylizer stylizer = Stylizer.load(bundle, preference);
                Image result = stylizer.stylize(photo, options)) {
            ImageWriter.write(result, output, writeOptions, input);
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%dx%d, style '%s' on %s, %.1f s)%n",
                    output, result.width(), result.height(), bundle.manifest().name(),
                    TorchRuntime.describe(stylizer.device()), (System.nanoTime() - start) / 1e9);
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
}
