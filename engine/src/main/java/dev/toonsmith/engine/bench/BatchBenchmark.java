package dev.toonsmith.engine.bench;

import dev.toonsmith.engine.batch.BatchJob;
import dev.toonsmith.engine.batch.BatchReport;
import dev.toonsmith.engine.batch.ItemStatus;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFolder;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.infer.TileProgress;
import dev.toonsmith.engine.render.RenderPipeline;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Batch throughput: the same photos rendered by a plain loop over {@link RenderPipeline#renderFile} and by the
 * pipelined {@link BatchJob}, in the same process one after the other, with the peak resident memory of each.
 * Only the ratio of the two is comparable between machines.
 *
 * <p>The photos are synthetic ({@link SyntheticPhoto}, JPEG like a camera's), a few of them optionally huge
 * (12000x9000, a scanner's or a stitched panorama's size) to show that the batch's memory stays bounded.
 */
public final class BatchBenchmark {

    /** One way of rendering the folder. */
    public record Pass(String name, int rendered, double seconds, long peakResidentBytes) {
        public double imagesPerMinute() {
            return seconds <= 0 ? 0 : rendered * 60 / seconds;
        }
    }

    /** Both passes. */
    public record Result(int photos, int edge, int giants, String look, Pass loop, Pass batch, int workers) {
        public double speedup() {
            return batch.seconds() <= 0 ? 0 : loop.seconds() / batch.seconds();
        }
    }

    private BatchBenchmark() {}

    /**
     * @param photos how many photos of about {@code edge} px on the long side
     * @param giants how many 12000x9000 photos among them (in addition)
     * @param work a folder for the photos and the outputs; emptied of what this benchmark wrote afterwards
     */
    public static Result run(RenderSettings settings, DevicePreference device, int photos, int edge, int giants,
            int workers, Path work, Consumer<String> progress) throws IOException {
        Objects.requireNonNull(settings, "settings");
        if (photos < 1 || edge < 16 || giants < 0 || workers < 1) {
            throw new IllegalArgumentException("need photos >= 1, edge >= 16, giants >= 0, workers >= 1");
        }
        Path in = work.resolve("photos");
        Files.createDirectories(in);
        try {
            progress.accept(String.format(Locale.ROOT, "Writing %d synthetic photos of %d px%s...", photos, edge,
                    giants > 0 ? " and " + giants + " of 12000x9000" : ""));
            for (int i = 0; i < photos; i++) {
                // Landscape and portrait, as a shoot has both.
                int w = i % 3 == 2 ? edge * 2 / 3 : edge;
                int h = i % 3 == 2 ? edge : edge * 2 / 3;
                write(SyntheticPhoto.create(w, h, i), in.resolve(String.format(Locale.ROOT, "photo-%03d.jpg", i)));
            }
            for (int i = 0; i < giants; i++) {
                write(SyntheticPhoto.create(12000, 9000, 1000 + i), in.resolve(String.format(Locale.ROOT,
                        "photo-%03d-giant.jpg", photos / 2 + i)));
            }
            List<Path> files = ImageFolder.list(in, false, null).images();
            try (RenderPipeline pipeline = RenderPipeline.open(settings, device)) {
                progress.accept("Warming up...");
                Path warm = work.resolve("warm");
                Files.createDirectories(warm);
                for (int i = 0; i < Math.min(2, files.size()); i++) {
                    pipeline.renderFile(files.get(i), warm.resolve("w" + i + ".png"), TileProgress.NONE);
                }
                progress.accept("Loop: one photo after the other...");
                Path loopOut = work.resolve("loop");
                Files.createDirectories(loopOut);
                MemoryProbe.resetPeak();
                long start = System.nanoTime();
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    pipeline.renderFile(file, loopOut.resolve(name.substring(0, name.lastIndexOf('.')) + ".jpg"),
                            TileProgress.NONE);
                }
                Pass loop = new Pass("loop", files.size(), (System.nanoTime() - start) / 1e9, MemoryProbe.peakBytes());
                progress.accept(String.format(Locale.ROOT, "  %.1f images/min, peak %.2f GB", loop.imagesPerMinute(),
                        loop.peakResidentBytes() / 1e9));

                progress.accept("Batch: pipelined...");
                MemoryProbe.resetPeak();
                start = System.nanoTime();
                BatchReport report = BatchJob.builder().addInput(in).setOutputFolder(work.resolve("batch"))
                        .setSettings(settings).optDevice(device).optWorkers(workers).build().run();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (report.count(ItemStatus.DONE) != files.size()) {
                    throw new IOException("the batch rendered " + report.count(ItemStatus.DONE) + " of " + files.size()
                            + " photos: " + report.failures());
                }
                Pass batch = new Pass("batch", files.size(), seconds, MemoryProbe.peakBytes());
                progress.accept(String.format(Locale.ROOT, "  %.1f images/min, peak %.2f GB", batch.imagesPerMinute(),
                        batch.peakResidentBytes() / 1e9));
                return new Result(photos, edge, giants, settings.describe(), loop, batch, workers);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void write(Image image, Path file) throws IOException {
        try (image) {
            ImageWriter.write(image, file, new WriteOptions(92));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
