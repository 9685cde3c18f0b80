package dev.toonsmith.app.cli;

import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.train.RunFolder;
import dev.toonsmith.engine.train.StyleExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code toonsmith export-style}: a checkpoint becomes a style file. */
@Command(name = "export-style", mixinStandardHelpOptions = true,
        description = {"Turns a checkpoint of a training run into a .toon style file, with a thumbnail from the run's samples.",
            "Install it by copying it into your styles folder (see 'toonsmith styles'), or pass it to --style."})
final class ExportStyleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The training run folder.")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "latest|STEP", defaultValue = "latest",
            description = "Which checkpoint. Default: ${DEFAULT-VALUE}.")
    String checkpoint;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.toon",
            description = "The style file to write (in the styles folder, its name must be one no installed style has).")
    Path output;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The style's display name.")
    String name;

    @Option(names = "--id", paramLabel = "ID", description = "A lowercase id (default: made from the name).")
    String id;

    @Option(names = "--author", paramLabel = "A", defaultValue = "unknown",
            description = "Who made the style. Default: ${DEFAULT-VALUE}.")
    String author;

    @Option(names = "--license", paramLabel = "L", defaultValue = "CC0-1.0",
            description = "Licence of the weights; respect the licences of your training images. Default: ${DEFAULT-VALUE}.")
    String license;

    @Option(names = "--attribution", paramLabel = "TEXT", description = "Credits for the training images.")
    String attribution;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the style looks like.")
    String description;

    @Option(names = "--working-edge", paramLabel = "PX", defaultValue = "" + StyleExport.Details.DEFAULT_WORKING_EDGE,
            description = "Longest edge the style draws at: larger photos are stylized at this size and upsampled"
                    + " edge-aware, so that outlines keep their look on big photos. 0: any size."
                    + " Default: ${DEFAULT-VALUE} (the studio's preview size).")
    int workingEdge;

    @Override
    public Integer call() throws Exception {
        if (!StyleManifest.isValidWorkingEdge(workingEdge)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --working-edge " + workingEdge + ": "
                    + StyleManifest.WORKING_EDGE_RULE);        }
        if (!output.getFileName().toString().endsWith(".toon")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "The output must end in .toon, got " + output);
        }
        Optional<Long> step;
        if (checkpoint.equalsIgnoreCase("latest")) {
            step = Optional.empty();
        } else {
            try {
                step = Optional.of(Long.parseLong(checkpoint));
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--checkpoint takes 'latest' or a step number, got " + checkpoint);
            }
        }
        String styleId = id != null ? id : slug(name);
        if (!StyleManifest.isValidId(styleId)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + styleId
                    + "' is not a valid style id: use lowercase letters, digits and dashes (give --id).");
        }
        StyleNameCheck.requireFreeName(spec.commandLine(), output, name);
        StyleBundle bundle = StyleExport.export(new RunFolder(run), step,
                new StyleExport.Details(styleId, name, author, license, attribution, description, workingEdge), output);
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%s, %s, %,d parameters, trained %d steps)%n", output,
                bundle.manifest().id(), bundle.spec().describe(), bundle.parameterCount(), bundle.manifest().training().steps());
        return 0;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "style" : s.substring(0, Math.min(64, s.length()));
    }
}
