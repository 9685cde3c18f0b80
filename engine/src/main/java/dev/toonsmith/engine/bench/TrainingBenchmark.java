package dev.toonsmith.engine.bench;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.train.DataSources;
import dev.toonsmith.engine.train.TrainingEvent;
import dev.toonsmith.engine.train.TrainingOptions;
import dev.toonsmith.engine.train.TrainingOptionsCodec;
import dev.toonsmith.engine.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training throughput: a real cartoongan-mode run of the {@code lite} generator on generated photo-like
 * images, timed from the first step after the warm-up to the last, with the process's resident memory before
 * and after (a per-step leak would show as growth).
 */
final class TrainingBenchmark {

    private static final int IMAGES = 8;
    private static final int WARM_UP_STEPS = 3;

    private final int size;
    private final int batch;
    private final int steps;
    private final String device;

    TrainingBenchmark(int size, int batch, int steps, String device) {
        this.size = size;
        this.batch = batch;
        this.steps = steps;
        this.device = device;
    }

    BenchmarkReport.TrainingResult measure() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("toonsmith-train-bench");
        try {
            Path photos = writeImages(folder.resolve("photos"), 1);
            Path cartoons = writeImages(folder.resolve("cartoons"), 1000);
            TrainingOptions options = TrainingOptionsCodec.with(TrainingOptions.defaults("cartoongan"), Map.of(
                    "size", size, "batch", batch, "steps", (long) steps + WARM_UP_STEPS, "initSteps", 0L,
                    "sampleEvery", 1_000_000, "checkpointEvery", 1_000_000, "device", device));
            List<Long> stepTimes = Collections.synchronizedList(new ArrayList<>());
            long[] resident = {-1, -1};
            try (DataSources data = DataSources.load(photos, cartoons, size, (done, total) -> { })) {
                TrainingRun run = TrainingRun.builder()
                        .setRunFolder(folder.resolve("run"))
                        .setData(data)
                        .optOptions(options)
                        .addListener(event -> {
                            if (event instanceof TrainingEvent.Step step) {
                                stepTimes.add(System.nanoTime());
                                // After the warm-up everything is allocated; later growth would be a leak.
                                if (step.step() == WARM_UP_STEPS - 1) {
                                    resident[0] = MemoryProbe.currentBytes();
                                } else if (step.step() == step.totalSteps() - 1) {
                                    resident[1] = MemoryProbe.currentBytes();
                                }
                            }
                        })
                        .build();
                run.start();
                if (!run.await(Duration.ofHours(2))) {
                    run.stop();
                    throw new IOException("the training benchmark did not finish within two hours");
                }
                if (run.failure().isPresent()) {
                    throw new IOException("the training benchmark failed: " + run.failure().get());
                }
            }
            // Events arrive in order on the event thread; the gap between the warm-up's last step and the run's
            // last step covers the timed steps.
            double seconds = (stepTimes.get(stepTimes.size() - 1) - stepTimes.get(WARM_UP_STEPS - 1)) / 1e9;
            double imagesPerSecond = (double) steps * batch / seconds;
            return new BenchmarkReport.TrainingResult("cartoongan", "lite", size, batch, steps, imagesPerSecond,
                    resident[0], resident[1]);
        } finally {
            deleteTree(folder);
        }
    }

    private Path writeImages(Path folder, int seed) throws IOException {
        Files.createDirectories(folder);
        int side = size + size / 4;
        for (int i = 0; i < IMAGES; i++) {
            try (Image image = SyntheticPhoto.create(side, side, seed + i)) {
                ImageWriter.write(image, folder.resolve("image-" + i + ".png"), WriteOptions.defaults());
            }
        }
        return folder;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
