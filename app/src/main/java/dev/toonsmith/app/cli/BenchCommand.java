package dev.toonsmith.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.toonsmith.app.SampleImages;
import dev.toonsmith.engine.bench.BatchBenchmark;
import dev.toonsmith.engine.bench.Benchmark;
import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.bench.BenchmarkReport;
import dev.toonsmith.engine.bench.ImageSize;
import dev.toonsmith.engine.image.CartoonLook;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PostProcess;
import dev.toonsmith.engine.post.Preset;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.model.Architectures;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code toonsmith bench}: how fast this machine stylizes and post-processes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures style loading, stylize latency, FLOP rate against the machine's matrix-multiply peak,"
                + " and peak memory, for each architecture and image size; and the post-processing chain (smooth,"
                + " 8 colours, saturation, outlines) at photo sizes.",
            "Uses freshly initialized weights (timing does not depend on them). The full run takes a few minutes on a"
                    + " 2-core CPU, most of it cartoongan at 2048 px; --post-only takes under a minute."})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to FILE as JSON.")
    Path json;

    @Option(names = "--arch", paramLabel = "NAME", split = ",",
            description = "Architectures to measure (default: all of ${COMPLETION-CANDIDATES}).",
            completionCandidates = ArchitectureNames.class)
    List<String> architectures;

    @Option(names = "--sizes", paramLabel = "N|WxH", split = ",", defaultValue = "512,1024,2048",
            description = "Image sizes: N for N x N pixels, or WxH. Default: ${DEFAULT-VALUE}.")
    List<String> sizes;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Untimed runs before the timed ones, per size. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Timed runs per size after a warm-up (fewer, but at least 3, when a size takes over 90 s)."
                    + " Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", description = "Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--train-steps", paramLabel = "N", defaultValue = "20",
            description = "Timed steps of a short training run (cartoongan mode, lite) for the training throughput; 0 leaves"
                    + " it out. Default: ${DEFAULT-VALUE}.")
    int trainSteps;

    @Option(names = "--train-size", paramLabel = "PX", defaultValue = "256", description = "Training crop size. Default: ${DEFAULT-VALUE}.")
    int trainSize;

    @Option(names = "--train-batch", paramLabel = "N", defaultValue = "4", description = "Training batch. Default: ${DEFAULT-VALUE}.")
    int trainBatch;

    @Option(names = "--post-only", description = "Measure post-processing only (no architectures; libtorch is not started).")
    boolean postOnly;

    @Option(names = "--no-post", description = "Leave post-processing out.")
    boolean noPost;

    @Option(names = "--post-sizes", paramLabel = "N|WxH", split = ",", defaultValue = "1024x768,3840x2160",
            description = "Image sizes for post-processing. Default: ${DEFAULT-VALUE}.")
    List<String> postSizes;

    @Option(names = "--post-warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed post-processing runs per size. Default: ${DEFAULT-VALUE}.")
    int postWarmup;

    @Option(names = "--post-runs", paramLabel = "N", defaultValue = "15",
            description = "Timed post-processing runs per size (fewer, but at least 3, past 15 s). Default: ${DEFAULT-VALUE}.")
    int postRuns;

    @Option(names = "--look", description = "Instead of timing, measure how drawn a style makes photos look: texture"
            + " left inside regions and brightness and contrast on the photos' boundaries, photo -> style.")
    boolean look;

    @Option(names = "--style", paramLabel = "ID|FILE", description = "The style --look measures (default: the bundled"
            + " default style); when timing, time this style's architecture instead of --arch's defaults.")
    String style;

    @Option(names = "--styles", paramLabel = "FILE.toon", split = ",",
            description = "Also time these style files as they are (our own or imported models), after --arch's"
                    + " architectures, in the same run.")
    List<Path> styleFiles;

    @Option(names = "--look-photos", paramLabel = "FILE", split = ",",
            description = "Photos --look stylizes. Default: the photos of sample-images/.")
    List<Path> lookPhotos;

    @Option(names = "--look-preset", paramLabel = "PRESET|FILE",
            description = "The post-processing preset --look compares the style with, alone and after the style."
                    + " Default: Clean cel.")
    String lookPreset;

    /** The preset {@code --look} compares with when none is named. */
    static final String LOOK_PRESET = "Clean cel";

    @Option(names = "--batch", description = "Instead of timing single renders, time a batch: the same photos by a"
            + " plain loop and by the pipelined batch, with the style (--style, default: the bundled one) and a preset.")
    boolean batch;

    @Option(names = "--batch-photos", paramLabel = "N", defaultValue = "100",
            description = "Photos --batch renders. Default: ${DEFAULT-VALUE}.")
    int batchPhotos;

    @Option(names = "--batch-edge", paramLabel = "PX", defaultValue = "1024",
            description = "Their long edge. Default: ${DEFAULT-VALUE}.")
    int batchEdge;

    @Option(names = "--batch-giants", paramLabel = "N", defaultValue = "0",
            description = "12000x9000 photos added to them, to show the batch's memory stays bounded. Default: ${DEFAULT-VALUE}.")
    int batchGiants;

    @Option(names = "--batch-preset", paramLabel = "PRESET|FILE", defaultValue = "Comic ink",
            description = "The post-processing --batch applies after the style. Default: ${DEFAULT-VALUE}.")
    String batchPreset;

    @Option(names = "--jobs", paramLabel = "N",
            description = "The batch's post-processing threads. Default: the cores less one (at least 1).")
    Integer jobs;

    @Option(names = "--post-photo", paramLabel = "FILE",
            description = "Time post-processing on this photo, stretched to each size. Default: a synthetic photo-like image.")
    Path postPhoto;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (batch) {
            if (look || postOnly || noPost || architectures != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch times a batch: leave out --look,"
                        + " --post-only, --no-post and --arch");
            }
            return measureBatch(out);
        }
        if (look) {
            if (postOnly || noPost || architectures != null || postPhoto != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--look measures a style's look and times"
                        + " nothing: leave out --post-only, --no-post, --arch and --post-photo");
            }
            return measureLook(out);
        }
        if (lookPhotos != null || lookPreset != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (lookPhotos != null ? "--look-photos" : "--look-preset") + " applies to --look only");
        }
        if (style != null && (architectures != null || postOnly)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--style times that style's architecture:"
                    + " leave out " + (postOnly ? "--post-only" : "--arch"));
        }
        if (postOnly && (noPost || architectures != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--post-only cannot be combined with " + (noPost ? "--no-post" : "--arch"));
        }
        List<GeneratorSpec> specs = new ArrayList<>();
        if (style != null) {
            specs.add(StyleLibrary.load().resolve(style).spec());
        } else if (!postOnly) {
            for (String name : architectures == null ? Architectures.names() : architectures) {
                specs.add(Architectures.defaults(name.trim()));
            }
        }
        Benchmark benchmark = usage(() -> Benchmark.builder()
                .optArchitectures(specs)
                .optStyleFiles(styleFiles == null ? List.of() : styleFiles)
                .optSizes(sizes.stream().map(ImageSize::parse).toList())
                .optWarmups(warmup)
                .optRuns(runs)
                .optDevice(DevicePreference.parse(device))
                .optPostSizes(noPost ? List.of() : postSizes.stream().map(ImageSize::parse).toList())
                .optPostWarmups(postWarmup)
                .optPostRuns(postRuns)
                .optPostPhoto(postPhoto)
                .optTraining(postOnly ? 0 : trainSteps, trainSize, trainBatch)
                .optProgress(line -> {
                    out.println(line);
                    out.flush();
                })
                .build());
        BenchmarkReport report = benchmark.run();
        out.println();
        printSummary(out, report);
        printTraining(out, report);
        if (json != null) {
            writeJson(report, json);
            out.println("Wrote " + json);
        }
        return 0;
    }

    /**
     * One photo's figures for {@code --look}: the photo against itself, the style alone, the preset alone (on the
     * photo) and the style followed by the preset.
     */
    record LookResult(String photo, int width, int height, CartoonLook photoLook, CartoonLook styleLook,
            CartoonLook presetLook, CartoonLook styleAndPresetLook) {}

    private int measureBatch(PrintWriter out) throws Exception {
        Preset preset = new PresetLibrary(UserDirectories.platform()).resolve(batchPreset);
        RenderSettings settings = RenderSettings.builder().optStyle(StyleLibrary.load().resolve(style))
                .optPost(preset.settings(), preset.name()).build();
        int workers = jobs == null ? dev.toonsmith.engine.batch.BatchJob.Builder.defaultWorkers() : jobs;
        Path work = java.nio.file.Files.createTempDirectory("toonsmith-bench-batch");
        BatchBenchmark.Result r = usage(() -> {
            try {
                return BatchBenchmark.run(settings, DevicePreference.parse(device), batchPhotos, batchEdge,
                        batchGiants, workers, work, line -> {
                            out.println(line);
                            out.flush();
                        });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.println();
        out.printf(Locale.ROOT, "Batch of %d photos of %d px%s, %s; %d post-processing thread(s), %d cores%n",
                r.photos(), r.edge(), r.giants() > 0 ? " + " + r.giants() + " of 12000x9000" : "", r.look(),
                r.workers(), Runtime.getRuntime().availableProcessors());
        for (BatchBenchmark.Pass p : List.of(r.loop(), r.batch())) {
            out.printf(Locale.ROOT, "  %-6s %7.1f images/min  %6.1f s  peak resident %.2f GB%n", p.name(),
                    p.imagesPerMinute(), p.seconds(), p.peakResidentBytes() / 1e9);
        }
        out.printf(Locale.ROOT, "  batch/loop throughput: %.2fx%n", r.speedup());
        if (json != null) {
            java.nio.file.Files.writeString(json, new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(r));
            out.println("Wrote " + json);
        }
        return 0;
    }

    private int measureLook(PrintWriter out) throws Exception {
        List<Path> photos = lookPhotos != null ? lookPhotos : samplePhotos();
        DevicePreference preference = usage(() -> DevicePreference.parse(device));
        StyleBundle bundle = StyleLibrary.load().resolve(style);
        Preset preset = new PresetLibrary(UserDirectories.platform())
                .resolve(lookPreset == null ? LOOK_PRESET : lookPreset);
        List<LookResult> results = new ArrayList<>();
        try (Stylizer stylizer = dev.toonsmith.engine.imported.Stylizers.load(bundle, preference)) {
            out.println("Style '" + bundle.manifest().name() + "' and preset '" + preset.name() + "' on "
                    + TorchRuntime.describe(stylizer.device()));
            for (Path file : photos) {
                try (Image photo = ImageReader.read(file);
                        Image drawn = stylizer.stylize(photo, StylizeOptions.defaults());
                        Image posted = PostProcess.apply(photo, preset.settings());
                        Image both = PostProcess.apply(drawn, preset.settings())) {
                    results.add(new LookResult(file.getFileName().toString(), photo.width(), photo.height(),
                            CartoonLook.of(photo, photo), CartoonLook.of(photo, drawn), CartoonLook.of(photo, posted),
                            CartoonLook.of(photo, both)));
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PHOTO", "SIZE", "TEXTURE", "INTERIOR TEXTURE", "BOUNDARY BRIGHTNESS", "BOUNDARY CONTRAST"});
        for (LookResult r : results) {
            rows.add(new String[] {r.photo(), r.width() + "x" + r.height(),
                change(r.photoLook().texture(), r.styleLook().texture(), "%.1f"),
                change(r.photoLook().interiorTexture(), r.styleLook().interiorTexture(), "%.2f"),
                change(r.photoLook().boundaryBrightness(), r.styleLook().boundaryBrightness(), "%.0f"),
                change(r.photoLook().boundaryContrast(), r.styleLook().boundaryContrast(), "%.0f")});
        }
        Table.print(out, rows);
        out.println("Texture: mean |Laplacian| of the gray picture (interior: away from the photo's strongest quarter of"
                + " gradients). Boundary: the photo's strongest 4 % of gradients. A cartoon lowers texture and boundary"
                + " brightness; crisp outlines raise boundary contrast.");
        out.println();
        String styleName = "style";
        String presetName = preset.name();
        List<String[]> palette = new ArrayList<>();
        palette.add(new String[] {"PHOTO", "FIGURE", "PHOTO", presetName + " ALONE", styleName + " ALONE",
            styleName + " + " + presetName});
        for (LookResult r : results) {
            addFigures(palette, r.photo(), r.photoLook(), r.presetLook(), r.styleLook(), r.styleAndPresetLook());
        }
        addFigures(palette, "MEDIAN", median(results, LookResult::photoLook), median(results, LookResult::presetLook),
                median(results, LookResult::styleLook), median(results, LookResult::styleAndPresetLook));
        // A style is as good as its worst photo.
        addFigures(palette, "WORST", worst(results, LookResult::photoLook), worst(results, LookResult::presetLook),
                worst(results, LookResult::styleLook), worst(results, LookResult::styleAndPresetLook));
        Table.print(out, palette);
        out.println("Palette: 5-bit RGB bins covering 90 % of pixels (fewer = a flatter palette). Change: mean"
                + " difference from the photo, 8-bit levels. Speckle: one-colour fragments under 0.002 % of the picture,"
                + " per megapixel (colours cut to 4 bits a channel). Colour cast: median CIELAB a*b* distance from the"
                + " photo, both blurred (sigma 1.5 % of the short side), so only hue and chroma shifts count. WORST: the"
                + " highest of each figure over the photos.");
        if (json != null) {
            AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(results));
            out.println("Wrote " + json);
        }
        return 0;
    }

    private static void addFigures(List<String[]> rows, String photo, CartoonLook original, CartoonLook preset,
            CartoonLook style, CartoonLook both) {
        rows.add(new String[] {photo, "palette bins", String.valueOf(original.paletteBins()),
            String.valueOf(preset.paletteBins()), String.valueOf(style.paletteBins()), String.valueOf(both.paletteBins())});
        rows.add(new String[] {"", "change", "-", format("%.1f", preset.meanChange()), format("%.1f", style.meanChange()),
            format("%.1f", both.meanChange())});
        rows.add(new String[] {"", "speckle / MP", format("%.0f", original.speckle()), format("%.0f", preset.speckle()),
            format("%.0f", style.speckle()), format("%.0f", both.speckle())});
        rows.add(new String[] {"", "colour cast", "-", format("%.1f", preset.colourCast()),
            format("%.1f", style.colourCast()), format("%.1f", both.colourCast())});
    }

    /**
     * The figure-by-figure worst of one column: the most palette bins, change, speckle and colour cast any photo has
     * (texture and boundary figures, which have no better direction, as the median).
     */
    private static CartoonLook worst(List<LookResult> results, java.util.function.Function<LookResult, CartoonLook> column) {
        List<CartoonLook> looks = results.stream().map(column).toList();
        CartoonLook median = median(results, column);
        return new CartoonLook(median.texture(), median.interiorTexture(), median.boundaryBrightness(),
                median.boundaryContrast(), looks.stream().mapToInt(CartoonLook::paletteBins).max().orElse(0),
                looks.stream().mapToDouble(CartoonLook::meanChange).max().orElse(0),
                looks.stream().mapToDouble(CartoonLook::speckle).max().orElse(0),
                looks.stream().mapToDouble(CartoonLook::colourCast).max().orElse(0));
    }

    /** The figure-by-figure median of one column of the results (a look no single photo need have). */
    private static CartoonLook median(List<LookResult> results, java.util.function.Function<LookResult, CartoonLook> column) {
        List<CartoonLook> looks = results.stream().map(column).toList();
        return new CartoonLook(median(looks, CartoonLook::texture), median(looks, CartoonLook::interiorTexture),
                median(looks, CartoonLook::boundaryBrightness), median(looks, CartoonLook::boundaryContrast),
                (int) Math.round(median(looks, l -> l.paletteBins())), median(looks, CartoonLook::meanChange),
                median(looks, CartoonLook::speckle), median(looks, CartoonLook::colourCast));
    }

    private static double median(List<CartoonLook> looks, java.util.function.ToDoubleFunction<CartoonLook> figure) {
        double[] values = looks.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String format(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static String change(double before, double after, String format) {
        return String.format(Locale.ROOT, format + " -> " + format, before, after);
    }

    /** The photos of the installation's {@code sample-images/}, for {@code --look}. */
    private List<Path> samplePhotos() throws java.io.IOException {
        Path folder = SampleImages.folder();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "No sample-images folder here: name the photos with --look-photos.");
        }
        return SampleImages.list(folder);
    }

    /** Builds a value from the options, reporting a bad size, count, name or device as a usage error. */
    private <T> T usage(Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void printTraining(PrintWriter out, BenchmarkReport report) {
        BenchmarkReport.TrainingResult t = report.training();
        if (t == null) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "TRAINING  %s mode, %s, %d px, batch %d: %.1f images/s over %d steps; resident memory %s after warm-up -> %s at the end%n",
                t.mode(), t.architecture(), t.size(), t.batch(), t.imagesPerSecond(), t.steps(),
                t.residentBytesBefore() < 0 ? "n/a" : StylesCommand.humanBytes(t.residentBytesBefore()),
                t.residentBytesAfter() < 0 ? "n/a" : StylesCommand.humanBytes(t.residentBytesAfter()));
    }

    private static void printSummary(PrintWriter out, BenchmarkReport report) {
        if (report.architectures().isEmpty()) {
            out.println(report.machine());
        } else {
            out.printf(Locale.ROOT, "%s, %s, libtorch %s, %d threads; matmul peak %.1f GFLOP/s%n", report.machine(),
                    report.device(), report.libtorch(), report.threads(), report.matmulPeakGflops());
            printArchitectures(out, report);
        }
        if (!report.postProcessing().isEmpty()) {
            if (!report.architectures().isEmpty()) {
                out.println();
            }
            printPostProcessing(out, report);
        }
    }

    private static void printPostProcessing(PrintWriter out, BenchmarkReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"POST-PROCESSING", "SIZE", "PHOTO", "MEDIAN", "MIN", "RUNS"});
        for (BenchmarkReport.PostResult p : report.postProcessing()) {
            rows.add(new String[] {
                p.chain(),
                p.width() + "x" + p.height(),
                p.photo(),
                String.format(Locale.ROOT, "%.0f ms", p.medianMillis()),
                String.format(Locale.ROOT, "%.0f ms", p.minMillis()),
                Integer.toString(p.runs())
            });
        }
        Table.print(out, rows);
    }

    private static void printArchitectures(PrintWriter out, BenchmarkReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ARCH", "PARAMS", "LOAD", "SIZE", "TILES", "MEDIAN", "GFLOP", "GFLOP/S", "OF PEAK", "PEAK MEM"});
        for (BenchmarkReport.ArchitectureResult a : report.architectures()) {
            // An imported model's parameters and arithmetic are not known here: a dash, not a zero.
            boolean imported = a.architecture().startsWith("imported");
            for (BenchmarkReport.SizeResult s : a.sizes()) {
                rows.add(new String[] {
                    a.architecture(),
                    imported ? "-" : String.format(Locale.ROOT, "%,d", a.parameters()),
                    String.format(Locale.ROOT, "%.0f ms", a.loadMillis()),
                    s.width() + "x" + s.height(),
                    Integer.toString(s.tiles()),
                    String.format(Locale.ROOT, "%.3f s", s.medianMillis() / 1000),
                    imported ? "-" : String.format(Locale.ROOT, "%.1f", s.gflop()),
                    imported ? "-" : String.format(Locale.ROOT, "%.1f", s.gflops()),
                    imported ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * s.efficiency()),
                    s.peakMemoryBytes() < 0 ? "n/a" : StylesCommand.humanBytes(s.peakMemoryBytes())
                });
            }
        }
        Table.print(out, rows);
    }

    private static void writeJson(BenchmarkReport report, Path file) throws java.io.IOException {
        AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
    }

    /** Registered architecture names, for the help text. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.names().iterator();
        }
    }
}
