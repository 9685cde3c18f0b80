package dev.toonsmith.app.cli;

import dev.toonsmith.engine.batch.BatchEvent;
import dev.toonsmith.engine.batch.BatchJob;
import dev.toonsmith.engine.batch.BatchOptionException;
import dev.toonsmith.engine.batch.BatchProgress;
import dev.toonsmith.engine.batch.BatchReport;
import dev.toonsmith.engine.batch.ExistingOutput;
import dev.toonsmith.engine.batch.ItemResult;
import dev.toonsmith.engine.batch.ItemStatus;
import dev.toonsmith.engine.batch.NameTemplate;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.render.RenderSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code toonsmith batch}: files and folders in, styled images out, through the engine's {@link BatchJob} with
 * the same render options as {@code stylize}. Exit code 0 when every input was rendered (or skipped as done),
 * 2 when some could not be used (listed), 1 when the batch could not run or was stopped.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stylizes and post-processes files and folders into an output folder, with progress,"
                + " a report of every input (CSV and JSON) and the settings beside it.",
            "Unusable inputs are listed and skipped; sources are never modified. Run the same command again to"
                    + " finish an interrupted batch: what is done is skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input rendered (or done before)", "1:the batch could not run, or was stopped",
            "2:some inputs could not be used (listed); the others were rendered"})
final class BatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Image files and folders.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT_DIR",
            description = "The folder the results go to (made if missing).")
    Path output;

    @Option(names = "--settings", paramLabel = "FILE.json",
            description = "Repeat a batch: the settings file it wrote beside its report (inputs, output, style,"
                    + " strength, post-processing, names). INPUT and -o may replace its inputs and output.")
    Path settingsFile;

    // On by default, as the Batch page's "Include sub-folders": a folder of holiday photos is usually a tree.
    @Option(names = {"-r", "--recursive"}, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also the images in sub-folders, mirrored in the output (the default;"
                    + " --no-recursive for the named folders' own images only).")
    boolean recursive;

    @CommandLine.Mixin
    RenderOptions render;

    @Option(names = "--format", paramLabel = "source|png|jpg|webp|bmp|tif", defaultValue = "source",
            description = "Output format. Default: ${DEFAULT-VALUE} (each input's own).")
    String format;

    @Option(names = "--name-template", paramLabel = "T", defaultValue = "{name}_{style}.{ext}",
            description = "Output file names: {name}, {style}, {preset}, {index}, {ext}. Default: ${DEFAULT-VALUE}.")
    String nameTemplate;

    @Option(names = "--on-exists", paramLabel = "skip|rename|overwrite", defaultValue = "skip",
            description = "When an output exists from before: leave it (skip), write beside it (rename), or replace"
                    + " it (overwrite). Default: ${DEFAULT-VALUE}.")
    String onExists;

    @Option(names = "--report", paramLabel = "FILE.csv",
            description = "Where the CSV report goes (the JSON report and the settings beside it)."
                    + " Default: " + BatchJob.REPORT_NAME + " in the output folder.")
    Path report;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Threads that post-process and write while the generator works. Default: the cores"
                    + " less one (at least 1).")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        BatchJob.Builder builder;
        RenderSettings settings;
        if (settingsFile != null) {
            List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                    .map(o -> o.longestName())
                    .filter(n -> !List.of("--settings", "--output", "--report", "--jobs", "--device", "--max-pixels").contains(n))
                    .toList();
            if (!others.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--settings repeats a batch as it was:"
                        + " leave out " + String.join(", ", others) + " (INPUT, -o, --report, --jobs, --device and"
                        + " --max-pixels may change).");
            }
            builder = BatchJob.Builder.fromSettings(settingsFile).optDevice(render.devicePreference())
                    .optReport(report);
            if (inputs != null && !inputs.isEmpty()) {
                builder.clearInputs().addInputs(inputs);
            }
            if (output != null) {
                builder.setOutputFolder(output);
            }
            settings = builder.settings();
            if (spec.commandLine().getParseResult().hasMatchedOption("--max-pixels")) {
                // How large a picture may be decoded is this machine's business, not the batch's.
                settings = settings.toBuilder().optImageLimits(render.imageLimits()).build();
                builder.setSettings(settings);
            }
        } else {
            if (inputs == null || inputs.isEmpty() || output == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), inputs == null || inputs.isEmpty()
                        ? "Give the images or folders to render (INPUT), or --settings of an earlier batch."
                        : "Give the output folder with -o OUT_DIR.");
            }
            render.checkUsage();
            OutputFormat chosen = outputFormat();
            try {
                builder = BatchJob.builder().addInputs(inputs).setOutputFolder(output).optRecursive(recursive)
                        .optNameTemplate(new NameTemplate(nameTemplate)).optOnExists(ExistingOutput.parse(onExists))
                        .optReport(report).optDevice(render.devicePreference());
            } catch (BatchOptionException e) {
                throw usage(e);
            }
            settings = render.settings(chosen);
            builder.setSettings(settings);
        }
        if (jobs != null) {
            builder.optWorkers(jobs);
        }
        PrintWriter out = spec.commandLine().getOut();
        Printer printer = new Printer(out, ProgressBars.live());
        BatchJob job;
        try {
            job = builder.optListener(printer::onEvent).build();
        } catch (BatchOptionException e) {
            throw usage(e);
        }
        out.printf("Batch into %s: %s%n", job.outputFolder(), settings.describe());
        out.flush();
        Thread cancelOnInterrupt = new Thread(job::cancel);
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        BatchReport result;
        try {
            result = job.run();
        } finally {
            printer.close();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running.
            }
        }
        summarize(out, result);
        if (result.fatal().isPresent()) {
            spec.commandLine().getErr().println("toonsmith: " + result.fatal().get());
            return 1;
        }
        if (result.cancelled()) {
            return 1;
        }
        return result.count(ItemStatus.FAILED) > 0 ? 2 : 0;
    }

    private OutputFormat outputFormat() {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (f.equals("source")) {
            return null;
        }
        for (OutputFormat candidate : OutputFormat.values()) {
            if (candidate.extensions().contains(f)) {
                return candidate;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--format cannot be '" + format + "'; use"
                + " source or one of " + OutputFormat.supportedExtensions() + ".");
    }

    private static void summarize(PrintWriter out, BatchReport r) {
        out.printf(Locale.ROOT, "%d done, %d skipped, %d failed%s in %s (%.1f images/min)%n", r.count(ItemStatus.DONE),
                r.count(ItemStatus.SKIPPED), r.count(ItemStatus.FAILED),
                r.count(ItemStatus.CANCELLED) > 0 ? ", " + r.count(ItemStatus.CANCELLED) + " cancelled" : "",
                format(r.elapsed()), r.imagesPerMinute());
        if (!r.failures().isEmpty()) {
            out.println("Could not use:");
            for (ItemResult f : r.failures()) {
                out.println("  " + f.item().source() + ": " + f.message());
            }
        }
        out.println("Report: " + r.csv() + " (and " + r.json().getFileName() + "; settings in "
                + r.settings().getFileName() + ")");
        out.flush();
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private CommandLine.ParameterException usage(BatchOptionException e) {
        String name = switch (e.option()) {
            case "inputs" -> "Input";
            case "output" -> "--output";
            default -> "--" + e.option();
        };
        return new CommandLine.ParameterException(spec.commandLine(), name + " " + e.problem());
    }

    /**
     * Shows the batch's progress: a live bar on a terminal, a line per finished input otherwise. Called on the
     * batch's threads, one event at a time.
     */
    private static final class Printer {
        private final PrintWriter out;
        private final boolean live;
        private final AtomicReference<Optional<Duration>> eta = new AtomicReference<>(Optional.empty());
        private ProgressBar bar;

        Printer(PrintWriter out, boolean live) {
            this.out = out;
            this.live = live;
        }

        void onEvent(BatchEvent event) {
            if (event instanceof BatchEvent.Planned p) {
                out.printf("%d inputs%n", p.items().size());
                out.flush();
                if (live && !p.items().isEmpty()) {
                    bar = ProgressBars.open(out, "Batch", p.items().size(), 0, "img", eta::get);
                }
            } else if (event instanceof BatchEvent.ItemFinished f) {
                BatchProgress progress = f.progress();
                eta.set(progress.eta());
                ItemResult r = f.result();
                if (bar != null) {
                    bar.stepTo(progress.finished());
                    bar.setExtraMessage(r.item().displayName());
                    if (r.status() == ItemStatus.FAILED) {
                        bar.setExtraMessage("failed: " + r.item().displayName());
                    }
                } else {
                    out.printf(Locale.ROOT, "[%d/%d] %s %s%s%n", progress.finished(), progress.total(),
                            r.status().id(), r.item().displayName(), r.status() == ItemStatus.DONE
                                    ? String.format(Locale.ROOT, " (%.1f s)", r.millis() / 1000.0)
                                    : r.message().isEmpty() ? "" : ": " + r.message());
                    out.flush();
                }
            }
        }

        void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
