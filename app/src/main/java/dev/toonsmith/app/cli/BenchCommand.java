package dev.toonsmith.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.toonsmith.engine.bench.Benchmark;
import dev.toonsmith.engine.bench.BenchmarkReport;
import dev.toonsmith.engine.bench.ImageSize;
import dev.toonsmith.engine.model.Architectures;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code toonsmith bench}: how fast this machine stylizes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures style loading, stylize latency, FLOP rate against the machine's matrix-multiply peak,"
                + " and peak memory, for each architecture and image size.",
            "Uses freshly initialized weights (timing does not depend on them). The full run takes a few minutes on a"
                    + " 2-core CPU, most of it cartoongan at 2048 px."})
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<GeneratorSpec> specs = new ArrayList<>();
        for (String name : architectures == null ? Architectures.names() : architectures) {
            specs.add(Architectures.defaults(name.trim()));
        }
        BenchmarkReport report = Benchmark.builder()
                .optArchitectures(specs)
                .optSizes(sizes.stream().map(ImageSize::parse).toList())
                .optWarmups(warmup)
                .optRuns(runs)
                .optDevice(DevicePreference.parse(device))
                .optProgress(line -> {
                    out.println(line);
                    out.flush();
                })
                .build()
                .run();
        out.println();
        printSummary(out, report);
        if (json != null) {
            writeJson(report, json);
            out.println("Wrote " + json);
        }
        return 0;
    }

    private static void printSummary(PrintWriter out, BenchmarkReport report) {
        out.printf(Locale.ROOT, "%s, %s, libtorch %s, %d threads; matmul peak %.1f GFLOP/s%n", report.machine(),
                report.device(), report.libtorch(), report.threads(), report.matmulPeakGflops());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ARCH", "PARAMS", "LOAD", "SIZE", "TILES", "MEDIAN", "GFLOP", "GFLOP/S", "OF PEAK", "PEAK MEM"});
        for (BenchmarkReport.ArchitectureResult a : report.architectures()) {
            for (BenchmarkReport.SizeResult s : a.sizes()) {
                rows.add(new String[] {
                    a.architecture(),
                    String.format(Locale.ROOT, "%,d", a.parameters()),
                    String.format(Locale.ROOT, "%.0f ms", a.loadMillis()),
                    s.width() + "x" + s.height(),
                    Integer.toString(s.tiles()),
                    String.format(Locale.ROOT, "%.3f s", s.medianMillis() / 1000),
                    String.format(Locale.ROOT, "%.1f", s.gflop()),
                    String.format(Locale.ROOT, "%.1f", s.gflops()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * s.efficiency()),
                    s.peakMemoryBytes() < 0 ? "n/a" : StylesCommand.humanBytes(s.peakMemoryBytes())
                });
            }
        }
        Table.print(out, rows);
    }

    private static void writeJson(BenchmarkReport report, Path file) throws java.io.IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temp.toFile(), report);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Registered architecture names, for the help text. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.names().iterator();
        }
    }
}
