package dev.toonsmith.engine.train.data;

import dev.toonsmith.engine.image.Image;
import java.util.Objects;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Draws augmented training batches from a {@link FolderDataset}: random resized crops, mirrored at
 * random, with light colour jitter, transparency laid over random backgrounds.
 *
 * <p>Images are drawn in epochs: each pass visits every image once, in an order shuffled anew for each
 * pass, so every image is seen equally often. Everything random comes from one generator seeded at
 * construction: the same dataset, settings and seed give the same batches, so a training run can be
 * repeated and a suspicious sample reproduced. Batches continue the same stream whatever their size.
 *
 * <p>Not thread-safe: one training thread draws from a sampler. Samplers over the same dataset may run
 * on different threads.
 */
public final class BatchSampler {

    private final FolderDataset dataset;
    private final Augmentation augmentation;
    private final Random random;
    private final int[] order;
    private int position;
    private int epoch;

    public BatchSampler(FolderDataset dataset, Augmentation augmentation, long seed) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.random = new Random(seed);
        this.order = new int[dataset.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle(order, random);
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    /** Passes over the whole dataset completed so far: 0 until every image has been drawn once. */
    public int epoch() {
        return epoch;
    }

    /** The next {@code batchSize} augmented samples, {@code cropSize x cropSize} each. */
    public FloatBatch next(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        int crop = augmentation.cropSize();
        int sampleLength = FloatBatch.CHANNELS * crop * crop;
        float[] data = new float[batchSize * sampleLength];
        for (int b = 0; b < batchSize; b++) {
            writeAugmented(dataset.image(nextIndex()), data, b * sampleLength);
        }
        return new FloatBatch(data, batchSize, crop, crop);
    }

    /**
     * The same samples every time, for the training dashboard's grid: the centred largest square of
     * {@code count} images spread evenly over the dataset, transparency on white, no other change.
     * Independent of the random stream. When the dataset has fewer images, each appears once.
     */
    public FloatBatch fixedSamples(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        int samples = Math.min(count, dataset.size());
        int crop = augmentation.cropSize();
        int sampleLength = FloatBatch.CHANNELS * crop * crop;
        float[] data = new float[samples * sampleLength];
        for (int s = 0; s < samples; s++) {
            Mat source = dataset.image((int) ((long) s * dataset.size() / samples)).mat();
            int side = Math.min(source.cols(), source.rows());
            Rect square = new Rect((source.cols() - side) / 2, (source.rows() - side) / 2, side, side);
            Mat sample = cropOpaque(source, square, Backdrop.WHITE);
            PlanarRgb.writeUnit(sample, data, s * sampleLength);
            sample.release();
            PlanarRgb.unitToSigned(data, s * sampleLength, sampleLength);
        }
        return new FloatBatch(data, samples, crop, crop);
    }

    private int nextIndex() {
        int index = order[position++];
        if (position == order.length) {
            epoch++;
            position = 0;
            shuffle(order, random);
        }
        return index;
    }

    private void writeAugmented(Image image, float[] data, int offset) {
        Mat source = image.mat();
        Backdrop backdrop = image.hasAlpha() && augmentation.randomBackgrounds()
                ? Backdrop.random(random)
                : Backdrop.WHITE;
        Mat sample = cropOpaque(source, randomCrop(source.cols(), source.rows()), backdrop);
        if (augmentation.horizontalFlip() && random.nextBoolean()) {
            Core.flip(sample, sample, 1);
        }
        PlanarRgb.writeUnit(sample, data, offset);
        sample.release();
        int plane = augmentation.cropSize() * augmentation.cropSize();
        if (augmentation.colourJitter() > 0) {
            ColourJitter.random(augmentation.colourJitter(), random).apply(data, offset, plane);
        }
        PlanarRgb.unitToSigned(data, offset, FloatBatch.CHANNELS * plane);
    }

    /**
     * A crop whose area is a random fraction of the image's largest square, with a random aspect ratio
     * (uniform in log space, so wide and tall are equally likely), at a random place. Where the aspect
     * makes it longer than the image, it is cut to fit.
     */
    private Rect randomCrop(int width, int height) {
        double side = Math.min(width, height);
        double area = side * side * uniform(augmentation.minScale(), augmentation.maxScale());
        double aspect = Math.exp(uniform(Math.log(augmentation.minAspect()), Math.log(augmentation.maxAspect())));
        int cropWidth = clamp((int) Math.round(Math.sqrt(area * aspect)), 1, width);
        int cropHeight = clamp((int) Math.round(Math.sqrt(area / aspect)), 1, height);
        int x = random.nextInt(width - cropWidth + 1);
        int y = random.nextInt(height - cropHeight + 1);
        return new Rect(x, y, cropWidth, cropHeight);
    }

    /**
     * Cuts {@code region} out of an 8-bit BGR(A) image, lays any transparency over the backdrop, and
     * scales it to the crop size: area averaging when shrinking (no aliasing), bilinear when enlarging
     * (area averaging would give blocky pixels). Transparency is flattened before scaling so that the
     * colour hidden under transparent pixels cannot bleed into the edges.
     *
     * @return a new continuous 8-bit BGR matrix owned by the caller
     */
    private Mat cropOpaque(Mat source, Rect region, Backdrop backdrop) {
        Mat cut = source.submat(region);
        Mat opaque = source.channels() == 4 ? backdrop.flatten(cut) : cut;
        int crop = augmentation.cropSize();
        int interpolation = region.width >= crop && region.height >= crop ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Mat sample = new Mat();
        Imgproc.resize(opaque, sample, new Size(crop, crop), 0, 0, interpolation);
        if (opaque != cut) {
            opaque.release();
        }
        cut.release();
        return sample;
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    /** Fisher-Yates, written out so the order depends only on the seed, not on library versions. */
    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
