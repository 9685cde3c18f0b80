package dev.toonsmith.app.studio.train;

/**
 * Thins a long series out for drawing while keeping its shape: of each bucket of consecutive points it keeps the
 * first, the last, the lowest and the highest, in step order. A spike that lasted one step of 100,000 still shows,
 * which averaging or taking every n-th point would hide; and a chart never draws more than four points per bucket.
 *
 * <p>Written here rather than taken from ChartFX's own point reduction, which works in screen pixels at drawing time:
 * the Train page decimates once per update, on its own terms, and keeps the complete data for smoothing and read-outs.
 */
public final class SeriesDecimator {

    /** A decimated copy: the first {@code size} entries of {@code x} and {@code y}. */
    public record Points(double[] x, double[] y, int size) {

        public static final Points EMPTY = new Points(new double[0], new double[0], 0);
    }

    private SeriesDecimator() {}

    /**
     * Decimates the first {@code count} points of a series into at most {@code 4 * buckets} points.
     *
     * @param x ascending positions (steps)
     * @param y values; NaN values are kept only as a bucket's first or last point, never as its extremes
     */
    public static Points decimate(double[] x, double[] y, int count, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
        }
        if (count <= 4 * buckets) {
            double[] cx = java.util.Arrays.copyOf(x, count);
            double[] cy = java.util.Arrays.copyOf(y, count);
            return new Points(cx, cy, count);
        }
        double[] ox = new double[4 * buckets];
        double[] oy = new double[4 * buckets];
        int n = 0;
        int[] keep = new int[4];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * count / buckets);
            int to = (int) ((long) (b + 1) * count / buckets);
            if (from >= to) {
                continue;
            }
            int min = -1;
            int max = -1;
            for (int i = from; i < to; i++) {
                double v = y[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (min < 0 || v < y[min]) {
                    min = i;
                }
                if (max < 0 || v > y[max]) {
                    max = i;
                }
            }
            int k = 0;
            keep[k++] = from;
            if (min >= 0) {
                keep[k++] = min;
                keep[k++] = max;
            }
            keep[k++] = to - 1;
            java.util.Arrays.sort(keep, 0, k);
            int last = -1;
            for (int j = 0; j < k; j++) {
                if (keep[j] != last) {
                    ox[n] = x[keep[j]];
                    oy[n] = y[keep[j]];
                    n++;
                    last = keep[j];
                }
            }
        }
        return new Points(ox, oy, n);
    }
}
