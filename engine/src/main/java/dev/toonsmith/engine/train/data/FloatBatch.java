package dev.toonsmith.engine.train.data;

import dev.toonsmith.engine.image.Image;
import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of RGB samples as the networks take them: {@code batch x 3 x height x width}
 * floats (NCHW), each sample's R plane, then its G plane, then its B plane, values in [-1, 1].
 *
 * <p>Plain floats rather than tensors keep data preparation free of the deep-learning engine; the
 * training loop copies a batch into a tensor in one call. The array is not copied: treat a batch as
 * read-only once made, and then any thread may read it. Equality compares the values.
 */
public record FloatBatch(float[] data, int batch, int height, int width) {

    public static final int CHANNELS = 3;

    public FloatBatch {
        Objects.requireNonNull(data, "data");
        if (batch < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "a batch needs at least one sample and pixel, got " + batch + "x" + height + "x" + width);
        }
        long expected = (long) batch * CHANNELS * height * width;
        if (data.length != expected) {
            throw new IllegalArgumentException("a " + batch + "x" + CHANNELS + "x" + height + "x" + width
                    + " batch needs " + expected + " floats, got " + data.length);
        }
    }

    /** Floats per sample: {@code 3 * height * width}. */
    public int sampleLength() {
        return CHANNELS * height * width;
    }

    /**
     * Sample {@code index} as an 8-bit BGR image, for sample grids and previews; values outside [-1, 1]
     * are clamped. The caller owns the image.
     */
    public Image toImage(int index) {
        Objects.checkIndex(index, batch);
        return Image.wrap(PlanarRgb.toBgr(data, index * sampleLength(), height, width));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatBatch that
                && batch == that.batch
                && height == that.height
                && width == that.width
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batch, height, width, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "FloatBatch[" + batch + "x" + CHANNELS + "x" + height + "x" + width + "]";
    }
}
