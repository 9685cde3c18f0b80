package dev.toonsmith.engine.train.data;

import static dev.toonsmith.engine.train.data.TrainingImages.copyPhoto;
import static dev.toonsmith.engine.train.data.TrainingImages.cutOut;
import static dev.toonsmith.engine.train.data.TrainingImages.solid;
import static dev.toonsmith.engine.train.data.TrainingImages.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.OpenCv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class AugmentationSamplerTest {

    private static final int CROP = 48;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    /** Crops of the whole largest square, unchanged: each sample shows which image it came from. */
    private static Augmentation identifying() {
        return new Augmentation(CROP, 1.0, 1.0, 1.0, 1.0, false, 0.0, false);
    }

    private FolderDataset photos() throws IOException {
        copyPhoto("chelsea-300.png", folder.resolve("cat.png"));
        copyPhoto("coffee-200.jpg", folder.resolve("coffee.jpg"));
        write(cutOut(120), folder.resolve("cutout.png"));
        return FolderDataset.load(folder, 72, DatasetProgress.NONE);
    }

    @Test
    void batchesAreNchwRgbInMinusOneToOne() throws IOException {
        try (FolderDataset dataset = photos()) {
            FloatBatch batch = new BatchSampler(dataset, Augmentation.defaults(CROP), 7).next(5);

            assertEquals(5, batch.batch());
            assertEquals(CROP, batch.height());
            assertEquals(CROP, batch.width());
            assertEquals(5 * 3 * CROP * CROP, batch.data().length);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : batch.data()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(min >= -1f && max <= 1f, "range " + min + ".." + max);
            assertTrue(max - min > 1f, "real photos span much of the range: " + min + ".." + max);
        }
    }

    @Test
    void channelsAreRedGreenBlueInThatOrder() throws IOException {
        write(solid(64, 64, 255, 128, 0), folder.resolve("orange.png")); // B, G, R as OpenCV writes them
        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            FloatBatch batch = new BatchSampler(dataset, identifying(), 1).next(1);
            int plane = CROP * CROP;
            assertEquals(-1f, batch.data()[0], 1e-6, "red plane first");
            assertEquals(128 / 127.5f - 1f, batch.data()[plane], 1e-6, "then green");
            assertEquals(1f, batch.data()[2 * plane], 1e-6, "then blue");
        }
    }

    @Test
    void sameSeedGivesTheSameBatchesAndAnotherSeedDifferentOnes() throws IOException {
        try (FolderDataset dataset = photos()) {
            BatchSampler first = new BatchSampler(dataset, Augmentation.defaults(CROP), 42);
            BatchSampler second = new BatchSampler(dataset, Augmentation.defaults(CROP), 42);
            BatchSampler other = new BatchSampler(dataset, Augmentation.defaults(CROP), 43);
            for (int i = 0; i < 3; i++) {
                FloatBatch batch = first.next(4);
                assertEquals(batch, second.next(4), "batch " + i);
                assertNotEquals(batch, other.next(4), "batch " + i);
            }
        }
    }

    @Test
    void batchSizeDoesNotChangeTheStreamOfSamples() throws IOException {
        try (FolderDataset dataset = photos()) {
            BatchSampler whole = new BatchSampler(dataset, Augmentation.defaults(CROP), 5);
            BatchSampler halves = new BatchSampler(dataset, Augmentation.defaults(CROP), 5);
            float[] four = whole.next(4).data();
            float[] firstTwo = halves.next(2).data();
            float[] lastTwo = halves.next(2).data();
            float[] joined = new float[four.length];
            System.arraycopy(firstTwo, 0, joined, 0, firstTwo.length);
            System.arraycopy(lastTwo, 0, joined, firstTwo.length, lastTwo.length);
            assertArrayEquals(four, joined);
        }
    }

    @Test
    void eachEpochShowsEveryImageOnceInAFreshOrder() throws IOException {
        write(solid(64, 64, 0, 0, 255), folder.resolve("red.png"));
        write(solid(64, 64, 0, 255, 0), folder.resolve("green.png"));
        write(solid(64, 64, 255, 0, 0), folder.resolve("blue.png"));
        write(solid(64, 64, 255, 255, 255), folder.resolve("white.png"));
        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            BatchSampler sampler = new BatchSampler(dataset, identifying(), 3);
            List<List<String>> epochs = new ArrayList<>();
            for (int e = 0; e < 6; e++) {
                assertEquals(e, sampler.epoch());
                FloatBatch batch = sampler.next(4);
                List<String> colours = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    colours.add(firstPixel(batch, s));
                }
                assertEquals(Set.of("-1,-1,1", "-1,1,-1", "1,-1,-1", "1,1,1"), new HashSet<>(colours), "epoch " + e);
                epochs.add(colours);
            }
            assertEquals(6, sampler.epoch());
            assertTrue(new HashSet<>(epochs).size() > 1, "orders are reshuffled: " + epochs);
        }
    }

    private static String firstPixel(FloatBatch batch, int sample) {
        int plane = batch.height() * batch.width();
        int at = sample * batch.sampleLength();
        return Math.round(batch.data()[at]) + "," + Math.round(batch.data()[at + plane]) + ","
                + Math.round(batch.data()[at + 2 * plane]);
    }

    @Test
    void horizontalFlipMirrorsAboutHalfOfTheSamples() throws IOException {
        Mat halves = solid(64, 64, 0, 0, 255);
        halves.submat(new Rect(32, 0, 32, 64)).setTo(new Scalar(255, 0, 0));
        write(halves, folder.resolve("red-left-blue-right.png"));
        Augmentation flipOnly = new Augmentation(CROP, 1.0, 1.0, 1.0, 1.0, true, 0.0, false);
        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            FloatBatch batch = new BatchSampler(dataset, flipOnly, 11).next(40);
            int mirrored = 0;
            for (int s = 0; s < 40; s++) {
                float topLeftRed = batch.data()[s * batch.sampleLength()];
                mirrored += topLeftRed < 0 ? 1 : 0;
            }
            assertTrue(mirrored > 8 && mirrored < 32, mirrored + " of 40 mirrored");
        }
    }

    @Test
    void transparencyIsLaidOverRandomColoursNotBlack() throws IOException {
        write(cutOut(96), folder.resolve("cutout.png"));
        Augmentation wholeImage = new Augmentation(CROP, 1.0, 1.0, 1.0, 1.0, false, 0.0, true);
        try (FolderDataset dataset = FolderDataset.load(folder, 96, DatasetProgress.NONE)) {
            FloatBatch batch = new BatchSampler(dataset, wholeImage, 9).next(60);
            double sum = 0;
            Set<String> backgrounds = new HashSet<>();
            int plane = CROP * CROP;
            for (int s = 0; s < batch.batch(); s++) {
                int at = s * batch.sampleLength(); // the top-left pixel, transparent in the source
                for (int c = 0; c < 3; c++) {
                    sum += batch.data()[at + c * plane];
                }
                backgrounds.add(firstPixel(batch, s) + "@" + batch.data()[at]);
            }
            double mean = sum / (3 * batch.batch());
            assertTrue(mean > -0.4 && mean < 0.4, "random colours average mid-grey (black is -1): " + mean);
            assertTrue(backgrounds.size() > 50, "a new background for almost every sample: " + backgrounds.size());

            int centre = (CROP / 2) * CROP + CROP / 2;
            assertEquals(1f, batch.data()[centre], 1e-6, "the opaque red square itself is untouched");
        }
    }

    @Test
    void someBackgroundsAreGradients() throws IOException {
        write(cutOut(96), folder.resolve("cutout.png"));
        Augmentation wholeImage = new Augmentation(CROP, 1.0, 1.0, 1.0, 1.0, false, 0.0, true);
        try (FolderDataset dataset = FolderDataset.load(folder, 96, DatasetProgress.NONE)) {
            FloatBatch batch = new BatchSampler(dataset, wholeImage, 9).next(40);
            int gradients = 0;
            for (int s = 0; s < batch.batch(); s++) {
                int at = s * batch.sampleLength();
                float topLeft = batch.data()[at];
                float bottomRight = batch.data()[at + CROP * CROP - 1];
                float topRight = batch.data()[at + CROP - 1];
                gradients += topLeft != bottomRight || topLeft != topRight ? 1 : 0;
            }
            assertTrue(gradients >= 4 && gradients <= 24, gradients + " of 40 are gradients (30% expected)");
        }
    }

    @Test
    void withoutRandomBackgroundsTransparencyIsWhite() throws IOException {
        write(cutOut(96), folder.resolve("cutout.png"));
        Augmentation white = new Augmentation(CROP, 1.0, 1.0, 1.0, 1.0, false, 0.0, false);
        try (FolderDataset dataset = FolderDataset.load(folder, 96, DatasetProgress.NONE)) {
            FloatBatch batch = new BatchSampler(dataset, white, 9).next(1);
            int plane = CROP * CROP;
            for (int c = 0; c < 3; c++) {
                assertEquals(1f, batch.data()[c * plane], 1e-6);
            }
        }
    }

    @Test
    void fixedSamplesAreCentreCropsIndependentOfSeedAndStream() throws IOException {
        try (FolderDataset dataset = photos()) {
            BatchSampler sampler = new BatchSampler(dataset, Augmentation.defaults(CROP), 1);
            BatchSampler untouched = new BatchSampler(dataset, Augmentation.defaults(CROP), 1);
            FloatBatch fixed = sampler.fixedSamples(2);
            sampler.next(3);
            assertEquals(fixed, sampler.fixedSamples(2));
            assertEquals(fixed, new BatchSampler(dataset, Augmentation.defaults(CROP), 99).fixedSamples(2));

            BatchSampler afterFixed = new BatchSampler(dataset, Augmentation.defaults(CROP), 1);
            afterFixed.fixedSamples(3);
            assertEquals(untouched.next(2), afterFixed.next(2), "fixed samples draw nothing from the stream");

            // Spread over the dataset: images 0 and 1 of 3 (cat, coffee); asking for more gives each once.
            assertEquals(3, sampler.fixedSamples(10).batch());
            try (Image cat = fixed.toImage(0);
                    Image expected = centreSquare(dataset.image(0))) {
                assertTrue(TestImages.meanAbsoluteDifference(expected, cat) < 0.003, "centre of the cat");
            }
        }
    }

    private static Image centreSquare(Image image) {
        Mat source = image.mat();
        int side = Math.min(source.cols(), source.rows());
        Mat square = source.submat(new Rect((source.cols() - side) / 2, (source.rows() - side) / 2, side, side));
        Mat resized = new Mat();
        Imgproc.resize(square, resized, new Size(CROP, CROP), 0, 0, Imgproc.INTER_AREA);
        return Image.wrap(resized);
    }

    @Test
    void batchToImageRoundTripsEightBitPixels() {
        float[] data = new float[3 * 2 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 20 / 127.5f - 1f;
        }
        data[0] = 1.7f; // generators overshoot: clamped
        try (Image image = new FloatBatch(data, 1, 2, 2).toImage(0)) {
            assertEquals("2x2 8-bit BGR", image.toString());
            assertArrayEquals(new double[] {160, 80, 255}, image.mat().get(0, 0)); // B, G, R
            assertArrayEquals(new double[] {220, 140, 60}, image.mat().get(1, 1));
        }
    }

    @Test
    void batchesCheckTheirShape() {
        assertThrows(IllegalArgumentException.class, () -> new FloatBatch(new float[10], 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new FloatBatch(new float[0], 0, 2, 2));
        assertEquals(12, new FloatBatch(new float[24], 2, 2, 2).sampleLength());
    }

    @Test
    void augmentationDefaultsAndChecks() {
        Augmentation defaults = Augmentation.defaults(128);
        assertEquals(new Augmentation(128, 0.5, 1.0, 0.75, 4.0 / 3.0, true, 0.1, true), defaults);
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0.5, 1, 0.75, 1.3, true, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(64, 0.8, 0.5, 0.75, 1.3, true, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(64, 0.5, 1.2, 0.75, 1.3, true, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(64, 0.5, 1, 1.3, 0.75, true, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(64, 0.5, 1, 0.75, 1.3, true, -0.1, true));
    }
}
