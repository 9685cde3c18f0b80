package dev.toonsmith.app.cli;

import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.engine.imported.ModelMetadata;
import dev.toonsmith.engine.imported.StyleImport;
import dev.toonsmith.engine.style.StyleBundle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code toonsmith import-style}: a TorchScript or ONNX generator from elsewhere becomes a {@code .toon} style,
 * checked on a test picture first, so that it works with the sliders, post-processing and batch like ours.
 */
@Command(name = "import-style", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Imports a TorchScript (torch.jit.save) or ONNX image-to-image generator as a style file.",
            "The model is run once on a test picture first; a model that cannot be a style is refused."})
final class ImportStyleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model: .pt/.torchscript or .onnx.")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.toon",
            description = "The style file to write (put it in the styles folder to see it in 'toonsmith styles';"
                    + " there its name must be one no installed style has).")
    Path output;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The style's display name.")
    String name;

    @Option(names = {"--license", "--licence"}, required = true, paramLabel = "LICENCE",
            description = "The model's licence (e.g. MIT, CC-BY-4.0), or 'unknown': it travels with the style.")
    String license;

    @Option(names = "--author", paramLabel = "AUTHOR", description = "Who made the model. Default: unknown.")
    String author;

    @Option(names = "--description", paramLabel = "TEXT", description = "A line about the style.")
    String description;

    @Option(names = "--input-range", paramLabel = "-1,1|0,1",
            description = "The pixel range the model takes and gives. Default: -1,1.")
    String inputRange;

    @Option(names = "--channels", paramLabel = "rgb|bgr", description = "The channel order. Default: rgb.")
    String channels;

    @Option(names = "--layout", paramLabel = "nchw|nhwc", description = "The tensor layout. Default: nchw.")
    String layout;

    @Option(names = "--multiple", paramLabel = "M",
            description = "Height and width must be multiples of M (4 for two stride-2 layers). Default: 4.")
    Integer multiple;

    @Option(names = "--working-edge", paramLabel = "N",
            description = "The longest edge the model draws at; larger photos are drawn at that size and brought"
                    + " back edge-aware. Default: 0 (every photo's own size).")
    Integer workingEdge;

    @Override
    public Integer call() throws Exception {
        // A file Toonsmith exported says how it was made; options given here win, as do the usual defaults elsewhere.
        ModelMetadata said = ModelMetadata.of(model);
        ModelConvention convention;
        StyleImport.Details details;
        int edge = workingEdge != null ? workingEdge : said.workingEdge();
        try {
            convention = new ModelConvention(
                    inputRange != null ? ModelConvention.Range.parse(inputRange) : said.convention().range(),
                    channels != null ? ModelConvention.Channels.parse(channels) : said.convention().channels(),
                    layout != null ? ModelConvention.Layout.parse(layout) : said.convention().layout(),
                    multiple != null ? multiple : said.convention().sizeMultiple());
            details = new StyleImport.Details(null, name, author != null ? author : said.author().isBlank() ? null
                    : said.author(), license, description, edge);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().toLowerCase(Locale.ROOT)
                    .startsWith("no enum") ? "--channels must be rgb or bgr and --layout nchw or nhwc" : e.getMessage());
        }
        if (edge < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--working-edge must be 0 or a number of pixels");
        }
        StyleNameCheck.requireFreeName(spec.commandLine(), output, name);
        StyleBundle style = StyleImport.importModel(model, convention, details, output);
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: style '%s' (%s), licence %s%n", output,
                style.manifest().name(), style.spec().describe(), style.manifest().license());
        return 0;
    }
}
