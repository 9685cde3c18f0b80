package dev.toonsmith.engine.bench;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.post.PostProcess;
import dev.toonsmith.engine.post.PostSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The post-processing part of the benchmark: the full chain of {@link PostProcess} on a photo-sized image,
 * as {@code toonsmith stylize --post} runs it on a full-resolution result. Post-processing runs in OpenCV on
 * the CPU whatever the generator's device, so it needs no libtorch. Runs on the calling thread (OpenCV uses
 * its own worker threads inside each step).
 */
final class PostProcessBenchmark {

    /**
     * The chain timed: every step on, at the settings the post-processing time budget was set and checked
     * with ({@code PostProcessTiming} in the engine's tests): smoothing 10, 8 colours, outlines of strength
     * 0.8 and 2 px, saturation 1.2.
     */
    static final PostSettings CHAIN =
            PostSettings.builder().smooth(10).colors(8).edges(0.8).edgeWidth(2).saturation(1.2).build();

    /** {@link BenchmarkReport.PostResult#photo()} when the image is a {@link SyntheticPhoto}. */
    static final String SYNTHETIC = "synthetic";

    /**
     * Keeps the slowest size (4K on a busy machine) to a few seconds: the chain is cheap, so even the minimum
     * of 3 runs gives a usable median.
     */
    private static final Duration BUDGET_PER_SIZE = Duration.ofSeconds(15);

    private static final int SYNTHETIC_SEED = 1;

    private final Path photo;
    private final int warmups;
    private final int runs;

    /**
     * @param photo a photo to scale to each size, or null for a {@link SyntheticPhoto}
     */
    PostProcessBenchmark(Path photo, int warmups, int runs) {
        this.photo = photo;
        this.warmups = warmups;
        this.runs = runs;
    }

    BenchmarkReport.PostResult measure(ImageSize size) throws IOException {
        try (Image image = image(size)) {
            for (int i = 0; i < warmups; i++) {
                PostProcess.apply(image, CHAIN).close();
            }
            List<Double> millis = Benchmark.timedRuns(runs, BUDGET_PER_SIZE,
                    () -> PostProcess.apply(image, CHAIN).close());
            return new BenchmarkReport.PostResult(size.width(), size.height(),
                    photo == null ? SYNTHETIC : photo.getFileName().toString(), CHAIN.summary(), millis.size(),
                    Benchmark.median(millis), millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        }
    }

    /**
     * The image to time at this size. A photo is stretched to the size, aspect ratio ignored: the work
     * depends on the pixel count and the content, not on the proportions.
     */
    private Image image(ImageSize size) throws IOException {
        if (photo == null) {
            return SyntheticPhoto.create(size.width(), size.height(), SYNTHETIC_SEED);
        }
        try (Image source = ImageReader.read(photo)) {
            boolean enlarging = (long) size.width() * size.height() > (long) source.width() * source.height();
            Mat resized = new Mat();
            Imgproc.resize(source.mat(), resized, new Size(size.width(), size.height()), 0, 0,
                    enlarging ? Imgproc.INTER_CUBIC : Imgproc.INTER_AREA);
            return Image.wrap(resized);
        }
    }
}
