package dev.toonsmith.engine.train;

import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.OpenCv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Tiny datasets and options for training tests: real photos, drawn cartoons, 32 px crops. */
final class TrainingFixtures {

    private TrainingFixtures() {}

    /** A folder of photo crops cut from the test photos. */
    static Path photos(Path parent) throws IOException {
        OpenCv.load();
        Path folder = Files.createDirectories(parent.resolve("photos"));
        Mat cat = Imgcodecs.imread(TestImages.photo("chelsea-300.png").toString());
        Mat coffee = Imgcodecs.imread(TestImages.photo("coffee-200.jpg").toString());
        int i = 0;
        for (int y = 0; y + 64 <= cat.rows(); y += 60) {
            for (int x = 0; x + 64 <= cat.cols(); x += 70) {
                Imgcodecs.imwrite(folder.resolve("cat-" + i++ + ".png").toString(), cat.submat(y, y + 64, x, x + 64));
            }
        }
        Imgcodecs.imwrite(folder.resolve("coffee.jpg").toString(), coffee);
        return folder;
    }

    /** A folder of drawn "cartoons": flat colour shapes with black outlines on flat backgrounds. */
    static Path cartoons(Path parent) throws IOException {
        OpenCv.load();
        Path folder = Files.createDirectories(parent.resolve("cartoons"));
        Random random = new Random(7);
        for (int i = 0; i < 8; i++) {
            Mat image = new Mat(64, 64, org.opencv.core.CvType.CV_8UC3, colour(random));
            Point centre = new Point(16 + random.nextInt(32), 16 + random.nextInt(32));
            Imgproc.circle(image, centre, 10 + random.nextInt(8), colour(random), -1);
            Imgproc.circle(image, centre, 10 + random.nextInt(8), new Scalar(0, 0, 0), 2);
            Imgproc.rectangle(image, new Point(4, 40), new Point(28, 60), colour(random), -1);
            Imgproc.rectangle(image, new Point(4, 40), new Point(28, 60), new Scalar(0, 0, 0), 2);
            Imgproc.GaussianBlur(image, image, new Size(3, 3), 0.5);
            Imgcodecs.imwrite(folder.resolve("cartoon-" + i + ".png").toString(), image);
        }
        return folder;
    }

    private static Scalar colour(Random random) {
        return new Scalar(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    /** Options for a tiny, fast run. */
    static TrainingOptions tiny(String mode, long steps, Map<String, ?> changes) {
        TrainingOptions base = TrainingOptionsCodec.with(TrainingOptions.defaults(mode), Map.ofEntries(
                Map.entry("generator", Map.of("width", 4, "residualBlocks", 1)),
                Map.entry("size", 32),
                Map.entry("batch", 2),
                Map.entry("steps", steps),
                Map.entry("initSteps", 1),
                Map.entry("discriminatorWidth", 8),
                Map.entry("discriminatorLayers", 2),
                Map.entry("sampleEvery", 2),
                Map.entry("sampleCount", 2),
                Map.entry("checkpointEvery", 4),
                Map.entry("poolSize", 4),
                Map.entry("device", "cpu")));
        return TrainingOptionsCodec.with(base, changes);
    }

    /** Starts {@code run} and waits until it ends (at most two minutes), for tests that look at what it left. */
    static TrainingRun runToEnd(TrainingRun run) throws InterruptedException {
        run.start();
        org.junit.jupiter.api.Assertions.assertTrue(run.await(java.time.Duration.ofMinutes(2)), "the run ended in time");
        return run;
    }

    /** The run's metrics.jsonl, one JSON object per step. */
    static java.util.List<com.fasterxml.jackson.databind.JsonNode> metrics(RunFolder folder) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(folder.metrics())) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
