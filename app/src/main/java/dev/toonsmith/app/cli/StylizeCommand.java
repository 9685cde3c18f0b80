package dev.toonsmith.app.cli;

import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.infer.TileProgress;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.render.RenderPipeline;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code toonsmith stylize}: one photo in, one stylized image out, through the engine's {@link RenderPipeline}
 * (the same steps as the studio's export and {@code batch}): the generator, blended with the photo by the
 * strength, then post-processing on that full-resolution result; with {@code --style none} no generator is
 * loaded and post-processing works on the photo itself.
 */
@Command(name = "stylize", mixinStandardHelpOptions = true,
        description = {"Stylizes one photo with a style, then post-processes it, and writes the result.",
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

    @CommandLine.Mixin
    RenderOptions render;

    @Override
    public Integer call() throws Exception {
        render.checkUsage();
        // Messages about the photo then name its folder too: "photo.jpg" alone does not say where it was looked for.
        input = input.toAbsolutePath().normalize();
        DevicePreference preference = render.devicePreference();
        OutputFormat format = OutputFormat.forPath(output).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "Cannot write " + output + ": unknown image type; use one of "
                        + OutputFormat.supportedExtensions() + "."));
        ImageWriter.requireNotSource(input, output);
        long start = System.nanoTime();
        // A picture that cannot be used (too large, truncated, ...) is refused before seconds go into loading a style.
        ImageReader.checkSize(input, render.imageLimits(), render.maxEdge);
        RenderSettings settings = render.settings(format);
        try (RenderPipeline pipeline = RenderPipeline.open(settings, preference)) {
            RenderPipeline.Written written = pipeline.renderFile(input, output, TileProgress.NONE);
            String device = pipeline.stylizer().map(s -> " on " + TorchRuntime.describe(s.device())).orElse("");
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%dx%d, %s%s, %.1f s)%n", output,
                    written.width(), written.height(), settings.describe(), device, (System.nanoTime() - start) / 1e9);
        }
        return 0;
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
