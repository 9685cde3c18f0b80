package dev.toonsmith.app.cli;

import dev.toonsmith.engine.train.DataSources;
import dev.toonsmith.engine.train.FeatureExtractor;
import dev.toonsmith.engine.train.FeatureExtractorException;
import dev.toonsmith.engine.train.RunFolder;
import dev.toonsmith.engine.train.TrainingEvent;
import dev.toonsmith.engine.train.TrainingOptions;
import dev.toonsmith.engine.train.ResumePlan;
import dev.toonsmith.engine.train.TrainingOptionException;
import dev.toonsmith.engine.train.TrainingOptionsCodec;
import dev.toonsmith.engine.train.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code toonsmith train}: a GAN training run on your own photos and cartoons. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a photo-to-cartoon generator on a folder of photos and a folder of cartoons (unpaired).",
            "The run folder gets config.json, metrics.jsonl, samples/ and checkpoints/; Ctrl+C stops after the current"
                    + " step with a checkpoint, and --resume continues exactly where the last checkpoint left off.",
            "Turn a checkpoint into a style with 'toonsmith export-style'."})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--photos", paramLabel = "DIR", description = "Folder of photos (searched recursively).")
    Path photos;

    @Option(names = "--cartoons", paramLabel = "DIR", description = "Folder of cartoons (searched recursively).")
    Path cartoons;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder.")
    Path run;

    @Option(names = "--resume", description = "Continue the run in --run from its newest checkpoint (its saved options and data folders are used).")
    boolean resume;

    @Option(names = "--start-from", paramLabel = "STYLE.toon|RUN_DIR",
            description = "Fine-tune: start the generator from a style file's weights, or from a run's newest"
                    + " checkpoint, instead of random weights. The run takes that generator's architecture and"
                    + " hyperparameters (the generator options are ignored). Default: off.")
    Path startFrom;

    @Option(names = "--mode", paramLabel = "cartoongan|cyclegan", description = "Default: cartoongan.")
    String mode;

    @Option(names = "--arch", paramLabel = "lite|cartoongan", description = "Generator architecture. Default: lite.")
    String arch;

    @Option(names = "--width", paramLabel = "N", description = "Generator width (lite) or base channels (cartoongan).")
    Integer width;

    @Option(names = "--refine", paramLabel = "N",
            description = "Full-resolution refining layers before the last layer (lite). Default: 1.")
    Integer refine;

    @Option(names = "--ink", negatable = true,
            description = "An ink layer that darkens the colours where the generator draws lines (lite). Default: on.")
    Boolean ink;

    @Option(names = "--residual", negatable = true,
            description = "The generator draws a change to the photo (on) or the picture itself (off: the photo's"
                    + " texture no longer passes through for free, so colour regions come out flatter) (lite)."
                    + " Default: on.")
    Boolean residual;

    @Option(names = "--flatten", paramLabel = "R",
            description = "A last, parameter-free layer that flattens the drawing's surfaces and keeps its edges (a"
                    + " self-guided filter with windows of radius R; 0 = none) (lite). Default: 0.")
    Integer flatten;

    @Option(names = "--palette", paramLabel = "K",
            description = "Paint the drawing with K learned colours as its last step (nearest colour, then a 5x5 majority"
                    + " vote), for flat cel fills; the colours start at the photos' k-means colours and train with the"
                    + " network; 0 = none, 2-64 (lite). Default: 0.")
    Integer palette;

    @Option(names = "--size", paramLabel = "PX", description = "Crop size. Default: 128.")
    Integer size;

    @Option(names = "--batch", paramLabel = "N", description = "Images per step from each folder. Default: 4.")
    Integer batch;

    @Option(names = "--steps", paramLabel = "N", description = "Total steps. Default: 2000 (with --resume: extends the run).")
    Long steps;

    @Option(names = "--init-steps", paramLabel = "N", description = "Content-only steps first (cartoongan mode). Default: 100.")
    Long initSteps;

    @Option(names = "--gan-loss", paramLabel = "lsgan|vanilla|hinge", description = "Default: lsgan.")
    String ganLoss;

    @Option(names = "--label-smoothing", paramLabel = "X", description = "Real target of the vanilla loss (0.9 = one-sided smoothing). Default: 1.")
    Double labelSmoothing;

    @Option(names = "--spectral-norm", negatable = true, description = "Spectral normalization on the discriminator. Default: on.")
    Boolean spectralNorm;

    @Option(names = "--d-width", paramLabel = "N", description = "Discriminator width. Default: 32.")
    Integer discriminatorWidth;

    @Option(names = "--d-scales", paramLabel = "1|2", description = "Multi-scale discriminator. Default: 1.")
    Integer discriminatorScales;

    @Option(names = "--d-steps", paramLabel = "N", description = "Discriminator updates per generator update. Default: 1.")
    Integer discriminatorSteps;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate. Default: 2e-4.")
    Double learningRate;

    @Option(names = "--lr-schedule", paramLabel = "linear|cosine|constant", description = "Default: linear (constant, then to zero over the second half).")
    String schedule;

    @Option(names = "--lambda-adv", paramLabel = "X", description = "Adversarial weight. Default: 1.")
    Double lambdaAdversarial;

    @Option(names = "--lambda-content", paramLabel = "X", description = "Content weight (cartoongan mode). Default: 10.")
    Double lambdaContent;

    @Option(names = "--content-scale", paramLabel = "N", description = "Content compared after pooling by N (1 = pixel L1). Default: 4.")
    Integer contentScale;

    @Option(names = "--perceptual", paramLabel = "FILE.pt",
            description = "Content loss between the feature maps of your own TorchScript feature extractor (e.g. VGG19 up"
                    + " to relu4_1, exported with torch.jit.trace) instead of pooled pixels (cartoongan mode). It receives"
                    + " RGB in [-1, 1], NCHW, and normalizes itself; its weights stay frozen. Nothing is downloaded. With"
                    + " --resume: the extractor's new place, if the file moved. Default: off.")
    Path perceptual;

    @Option(names = "--lambda-surface", paramLabel = "X", description = "Pull towards a flattened photo (cartoongan mode). Default: 2.")
    Double lambdaSurface;

    @Option(names = "--surface", paramLabel = "bilateral|toon|cartoon",
            description = "The photo copy --lambda-surface pulls towards: edge-preserving flattening (bilateral), flattening with"
                    + " dark outlines on strong edges (toon), or the post-processing chain's cartoon (cartoon: k-means colours,"
                    + " thin Canny lines; too sharp for a small network to learn with L1). Default: bilateral.")
    String surface;

    @Option(names = "--lambda-ink", paramLabel = "X",
            description = "With --surface toon: a pixel of the target's lines counts 1 + X times a flat one. Default: 0.")
    Double lambdaInk;

    @Option(names = "--line-threshold", paramLabel = "G",
            description = "With --surface toon: the colour gradient (Sobel, 0-1440) where the target's lines start;"
                    + " they are full 150 above it. Raise it to leave wrinkles and texture uninked. Default: 90.")
    Double lineThreshold;

    @Option(names = "--lambda-tv", paramLabel = "X", description = "Total-variation weight. Default: 1.")
    Double lambdaTv;

    @Option(names = "--lambda-cycle", paramLabel = "X", description = "Cycle weight (cyclegan mode). Default: 10.")
    Double lambdaCycle;

    @Option(names = "--sample-every", paramLabel = "N", description = "Steps between sample grids. Default: 100.")
    Integer sampleEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Steps between checkpoints. Default: 200.")
    Integer checkpointEvery;

    @Option(names = "--keep-checkpoints", paramLabel = "N", description = "Checkpoints kept. Default: 5.")
    Integer keepCheckpoints;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice. Default: 42.")
    Long seed;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Default: auto.")
    String device;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunFolder folder = new RunFolder(run);
        TrainingOptions options;
        Path photoFolder = photos;
        Path cartoonFolder = cartoons;
        if (resume && startFrom != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--start-from starts a new run; a resumed run"
                    + " goes on from its own newest checkpoint. Leave out one of the two.");
        }
        try {
            if (resume) {
                ResumePlan plan = ResumePlan.of(folder, steps, perceptual == null ? null : Path.of(absolute(perceptual)),
                        photos, cartoons);
                options = plan.options();
                photoFolder = plan.photos();
                cartoonFolder = plan.cartoons();
            } else {
                options = newRunOptions();
            }
        } catch (TrainingOptionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.option() + " " + e.problem());
        }
        if (photoFolder == null || cartoonFolder == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give both --photos and --cartoons.");
        }
        if (perceptual != null) {
            // Before the datasets are decoded, which can take minutes: a wrong file is a usage error, reported now.
            try {
                FeatureExtractor.check(perceptual, options.size());
            } catch (FeatureExtractorException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--perceptual': "
                        + e.getMessage());
            }
        }
        out.printf("Loading photos from %s and cartoons from %s...%n", photoFolder, cartoonFolder);
        out.flush();
        ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
        try (DataSources data = DataSources.load(photoFolder, cartoonFolder, options.size(), (done, total) -> { });
                TrainingRun training = TrainingRun.builder()
                        .setRunFolder(run)
                        .setData(data)
                        .optOptions(options)
                        .optResume(resume)
                        .addListener(progress)
                        .build()) {
            // Ctrl+C or SIGTERM: stop after the current step with a checkpoint, as closing the run does.
            Thread stopOnInterrupt = new Thread(training::close);
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            training.start();
            training.await(Duration.ofDays(365));
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            if (training.failure().isPresent()) {
                throw new IllegalStateException("training failed: " + training.failure().get()
                        + ". The last checkpoint is intact: fix the cause and run again with --resume.");
            }
        } catch (TrainingOptionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.option() + " " + e.problem());
        }
        return 0;
    }

    /**
     * The options of a new run from the parsed arguments.
     *
     * @throws TrainingOptionException naming the option whose value cannot be used
     * @throws CommandLine.ParameterException for an option that does not apply to the chosen architecture
     */
    private TrainingOptions newRunOptions() {
        try {
            return TrainingOptionsCodec.with(TrainingOptions.defaults(mode == null ? "cartoongan" : mode), overrides());
        } catch (TrainingOptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A value out of its range (an architecture's hyperparameter) is the user's option too.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The options of a new run from the arguments {@code train} takes (without {@code --photos}, {@code --cartoons}
     * and {@code --run}). The studio's Train page builds its runs through this, so that the page and the command
     * line cannot disagree on what an option means. A later occurrence of an option overrides an earlier one, so
     * a preset's arguments can be followed by the user's changes.
     *
     * @throws IllegalArgumentException with a one-line message naming the option, as {@code train} would print it
     */
    public static TrainingOptions newRunOptions(List<String> arguments) {
        TrainCommand command = new TrainCommand();
        CommandLine line = new CommandLine(command);
        line.setOverwrittenOptionsAllowed(true);
        try {
            List<String> all = new java.util.ArrayList<>(arguments);
            // The run folder is the caller's business; the parser insists on one.
            all.addAll(List.of("--run", "."));
            line.parseArgs(all.toArray(String[]::new));
            return command.newRunOptions();
        } catch (TrainingOptionException e) {
            throw new IllegalArgumentException("--" + e.option() + " " + e.problem(), e);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * An option of {@code train} as its help describes it: what the Train page's advanced settings list.
     *
     * @param name the option without its dashes ({@code lambda-adv})
     * @param label the value's placeholder ({@code X}), empty for on/off options
     * @param description the help text without its "Default: ..." sentence
     * @param defaultValue that sentence's value as written ({@code 2e-4}, {@code on}), or empty
     * @param type the value's type ({@code Boolean.class} for on/off options)
     */
    public record OptionHelp(String name, String label, String description, String defaultValue, Class<?> type) {}

    /** Options a new run's settings take, in the order {@code train --help} lists them. */
    public static List<OptionHelp> optionHelp() {
        List<OptionHelp> help = new java.util.ArrayList<>();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new TrainCommand()).getCommandSpec().options()) {
            String name = option.longestName().replaceFirst("^--", "");
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String text = String.join(" ", option.description()).trim();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*Default: ([^.]+(?:\\.\\d+)?[^.]*)\\.?(.*)$")
                    .matcher(text);
            String defaultValue = "";
            if (m.find()) {
                defaultValue = m.group(1).replaceAll("\\s*\\(.*\\)$", "").trim();
                text = (text.substring(0, m.start()) + m.group(2)).trim();
            }
            Class<?> type = option.type() == boolean.class ? Boolean.class : option.type();
            help.add(new OptionHelp(name, option.paramLabel() == null || type == Boolean.class ? "" : option.paramLabel(),
                    text, defaultValue, type));
        }
        return help;
    }

    private Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "architecture", arch);
        Map<String, Object> generator = new LinkedHashMap<>();
        boolean lite = arch == null || arch.equals("lite");
        if (width != null) {
            generator.put(lite ? "width" : "baseChannels", width);
        }
        Map<String, Object> liteOnly = new LinkedHashMap<>();
        put(liteOnly, "refine", refine);
        put(liteOnly, "ink", ink);
        put(liteOnly, "residual", residual);
        put(liteOnly, "flatten", flatten);
        put(liteOnly, "palette", palette);
        if (!lite && !liteOnly.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--" + liteOnly.keySet().iterator().next() + " applies to --arch lite only");
        }
        generator.putAll(liteOnly);
        if (!generator.isEmpty()) {
            o.put("generator", generator);
        }
        put(o, "size", size);
        put(o, "batch", batch);
        put(o, "steps", steps);
        if (initSteps == null && steps != null) {
            // Short runs keep the content-only warm-up in proportion instead of failing on the default.
            long defaultInit = TrainingOptions.defaults("cartoongan").initSteps();
            put(o, "initSteps", Math.min(defaultInit, steps / 10));
        } else {
            put(o, "initSteps", initSteps);
        }
        put(o, "ganLoss", ganLoss == null ? null : ganLoss.toUpperCase(Locale.ROOT));
        put(o, "labelSmoothing", labelSmoothing);
        put(o, "spectralNorm", spectralNorm);
        put(o, "discriminatorWidth", discriminatorWidth);
        put(o, "discriminatorScales", discriminatorScales);
        put(o, "discriminatorSteps", discriminatorSteps);
        put(o, "learningRate", learningRate);
        put(o, "schedule", schedule == null ? null : schedule.toUpperCase(Locale.ROOT));
        put(o, "lambdaAdversarial", lambdaAdversarial);
        put(o, "lambdaContent", lambdaContent);
        put(o, "contentScale", contentScale);
        put(o, "perceptual", perceptual == null ? null : absolute(perceptual));
        put(o, "lambdaSurface", lambdaSurface);
        put(o, "surfaceTarget", surface);
        put(o, "lambdaInk", lambdaInk);
        put(o, "lineThreshold", lineThreshold);
        put(o, "lambdaTotalVariation", lambdaTv);
        put(o, "lambdaCycle", lambdaCycle);
        put(o, "sampleEvery", sampleEvery);
        put(o, "checkpointEvery", checkpointEvery);
        put(o, "keepCheckpoints", keepCheckpoints);
        put(o, "seed", seed);
        put(o, "device", device);
        put(o, "startFrom", startFrom == null ? null : absolute(startFrom));
        return o;
    }

    /** Saved absolute in config.json, so that --resume from another directory finds the same file. */
    private static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * Prints training progress: a live bar on a terminal ({@link ProgressBars}, as {@code batch}'s), one line per
     * 10 steps otherwise. Called on the run's event thread.
     */
    static final class ProgressPrinter implements dev.toonsmith.engine.train.TrainingListener {
        private final PrintWriter out;
        private final boolean live;
        private volatile Duration remaining = Duration.ZERO;
        private me.tongfei.progressbar.ProgressBar bar;

        ProgressPrinter(PrintWriter out, boolean live) {
            this.out = out;
            this.live = live;
        }

        @Override
        public void onEvent(TrainingEvent event) {
            if (event instanceof TrainingEvent.Started s) {
                out.printf(Locale.ROOT, "%s run in %s on %s: %d photos, %d cartoons%s, %s from step %d%n",
                        s.options().mode(), s.runFolder(), s.device(), s.photos(), s.cartoons(),
                        s.skipped().isEmpty() ? "" : " (" + s.skipped().size() + " unreadable files skipped)",
                        s.options().generatorSpec().describe(), s.startStep());
                s.skipped().forEach(f -> out.println("  skipped " + f.file() + ": " + f.reason()));
                if (s.options().perceptual() != null) {
                    out.println("  content loss: feature maps of " + s.options().perceptual());
                }
                if (live) {
                    bar = ProgressBars.open(out, "Training", s.options().steps(), s.startStep(), "steps",
                            () -> java.util.Optional.of(remaining));
                }
            } else if (event instanceof TrainingEvent.Step s) {
                long done = s.step() + 1;
                remaining = s.remaining();
                if (bar != null) {
                    bar.stepTo(done);
                    bar.setExtraMessage(figures(s));
                } else if (done % 10 == 0 || done == s.totalSteps()) {
                    long eta = s.remaining().toSeconds();
                    out.printf(Locale.ROOT, "step %d/%d %s | ETA %d:%02d:%02d%n", done, s.totalSteps(), figures(s),
                            eta / 3600, eta / 60 % 60, eta % 60);
                }
            } else if (event instanceof TrainingEvent.CheckpointSaved c) {
                println("checkpoint " + c.folder());
            } else if (event instanceof TrainingEvent.NonFinite n) {
                println(String.format(Locale.ROOT, "step %d: loss %s was not a number; update skipped, learning"
                        + " rate x%.3f", n.step(), n.loss(), n.learningRateScale()));
            } else if (event instanceof TrainingEvent.RolledBack r) {
                println("rolled back to the checkpoint of step " + r.step() + " after repeated non-finite losses");
            } else if (event instanceof TrainingEvent.Finished f) {
                closeBar();
                out.printf("%s at step %d; last checkpoint %s%n", f.stoppedEarly() ? "Stopped" : "Finished", f.step(),
                        f.lastCheckpoint());
            } else if (event instanceof TrainingEvent.Failed f) {
                closeBar();
                out.println("failed at step " + f.step() + ": " + f.message());
            }
            out.flush();
        }

        /** A message between bar redraws: on its own line, then the bar again below it. */
        private void println(String line) {
            if (bar != null) {
                out.print("\r" + " ".repeat(100) + "\r");
            }
            out.println(line);
        }

        private void closeBar() {
            if (bar != null) {
                bar.close();
                bar = null;
                out.println();
            }
        }

        private static String figures(TrainingEvent.Step s) {
            Double g = s.losses().getOrDefault("G_total", s.losses().get("G_content"));
            Double d = s.losses().get("D_total");
            return String.format(Locale.ROOT, "G %s D %s | %.1f img/s",
                    g == null ? "-" : String.format(Locale.ROOT, "%.3f", g),
                    d == null ? "-" : String.format(Locale.ROOT, "%.3f", d), s.imagesPerSecond());
        }
    }
}
