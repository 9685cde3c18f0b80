package dev.toonsmith.engine.bench;

import java.util.List;
import java.util.Map;

/**
 * What {@code toonsmith bench} measured, in one run on one machine. Speeds are also given as a ratio to the
 * matrix-multiply peak measured in the same run, because these machines are shared and their absolute
 * speed varies from minute to minute.
 *
 * @param startedAt ISO-8601 time of the run
 * @param machine operating system, architecture and core count
 * @param device where the networks ran
 * @param libtorch the libtorch version
 * @param threads libtorch's intra-op threads
 * @param matmulPeakGflops best fp32 2048x2048 matrix-multiply rate, GFLOP/s
 * @param architectures one entry per generator architecture
 */
public record BenchmarkReport(
        String startedAt,
        String machine,
        String device,
        String libtorch,
        int threads,
        double matmulPeakGflops,
        List<ArchitectureResult> architectures) {

    /**
     * One architecture.
     *
     * @param architecture registered name
     * @param hyperparameters the configuration measured (the defaults)
     * @param parameters trainable parameters
     * @param styleFileBytes size of its style file
     * @param loadMillis time to read, validate and load a style file of it onto the device
     * @param sizes one entry per image size
     */
    public record ArchitectureResult(
            String architecture,
            Map<String, Object> hyperparameters,
            long parameters,
            long styleFileBytes,
            double loadMillis,
            List<SizeResult> sizes) {}

    /**
     * One image size.
     *
     * @param width image width
     * @param height image height
     * @param tiles tiles the stylizer cut the image into (1 = untiled)
     * @param runs timed runs after the warm-up
     * @param medianMillis median stylize latency, decode and encode excluded
     * @param minMillis fastest run
     * @param gflop the model's operations for one image of this size, in GFLOP
     * @param gflops achieved rate: the model's operations over the median time
     * @param efficiency achieved rate over the matrix-multiply peak
     * @param peakMemoryBytes peak resident memory of the process while stylizing this size, or -1
     */
    public record SizeResult(
            int width,
            int height,
            int tiles,
            int runs,
            double medianMillis,
            double minMillis,
            double gflop,
            double gflops,
            double efficiency,
            long peakMemoryBytes) {}
}
