package dev.toonsmith.engine.bench;

import java.util.List;
import java.util.Map;

/**
 * What {@code toonsmith bench} measured, in one run on one machine. Speeds are also given as a ratio to the
 * matrix-multiply peak measured in the same run, because these machines are shared and their absolute
 * speed varies from minute to minute.
 *
 * <p>The libtorch figures ({@code device}, {@code libtorch}, {@code threads}, {@code matmulPeakGflops}) are
 * null or 0 when no architecture was measured (post-processing only), since libtorch is then not started.
 *
 * @param startedAt ISO-8601 time of the run
 * @param machine operating system, architecture and core count
 * @param device where the networks ran
 * @param libtorch the libtorch version
 * @param threads libtorch's intra-op threads
 * @param matmulPeakGflops best fp32 2048x2048 matrix-multiply rate, GFLOP/s
 * @param architectures one entry per generator architecture
 * @param postProcessing one entry per post-processing size; empty when that part was left out
 */
public record BenchmarkReport(
        String startedAt,
        String machine,
        String device,
        String libtorch,
        int threads,
        double matmulPeakGflops,
        List<ArchitectureResult> architectures,
        List<PostResult> postProcessing,
        TrainingResult training) {

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

    /**
     * The post-processing chain at one image size. It runs on the CPU in OpenCV whatever the generator's
     * device, after the generator, on the full-resolution result.
     *
     * @param width image width
     * @param height image height
     * @param photo what was processed: {@code synthetic} (a generated photo-like image) or a photo's file name
     * @param chain the steps timed, e.g. {@code smooth, 8 colours, colour adjust, outlines 2px}
     * @param runs timed runs after the warm-up
     * @param medianMillis median latency of the whole chain, decode and encode excluded
     * @param minMillis fastest run: on a shared machine the best estimate of what the code itself costs
     */
    public record PostResult(
            int width,
            int height,
            String photo,
            String chain,
            int runs,
            double medianMillis,
            double minMillis) {}

    /**
     * Training throughput of a short real run.
     *
     * @param mode the training strategy
     * @param architecture the generator
     * @param size crop size in pixels
     * @param batch images per step from each dataset
     * @param steps timed steps (after a short warm-up)
     * @param imagesPerSecond photos trained on per second
     * @param residentBytesBefore the process's resident memory after the warm-up steps, or -1
     * @param residentBytesAfter the same after the last step; growth would mean a per-step leak
     */
    public record TrainingResult(
            String mode,
            String architecture,
            int size,
            int batch,
            int steps,
            double imagesPerSecond,
            long residentBytesBefore,
            long residentBytesAfter) {}
}
