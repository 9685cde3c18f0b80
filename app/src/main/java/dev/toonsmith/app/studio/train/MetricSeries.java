package dev.toonsmith.app.studio.train;

import java.util.Arrays;

/**
 * One chart series of a run, complete: a step and a value per point, in primitive arrays so that a run of a million
 * steps costs 16 MB per series, not a million boxed objects. Changed and read on the UI thread only.
 */
public final class MetricSeries {

    private final String name;
    private double[] steps = new double[256];
    private double[] values = new double[256];
    private int size;

    public MetricSeries(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Adds a point; a step at or before the last one replaces the points from there (a run that rolled back). */
    public void add(long step, double value) {
        while (size > 0 && steps[size - 1] >= step) {
            size--;
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        steps[size] = step;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    /** The newest value, NaN when empty. */
    public double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    /** The last {@code count} values (fewer if the series is shorter). */
    public double[] tail(int count) {
        int n = Math.min(count, size);
        return Arrays.copyOfRange(values, size - n, size);
    }

    /** The value at the point nearest to {@code step}, NaN when empty. */
    public double valueNear(double step) {
        if (size == 0) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(steps, 0, size, step);
        if (i >= 0) {
            return values[i];
        }
        int after = -i - 1;
        if (after == 0) {
            return values[0];
        }
        if (after >= size) {
            return values[size - 1];
        }
        return step - steps[after - 1] <= steps[after] - step ? values[after - 1] : values[after];
    }

    /** What a chart draws: smoothed over the complete data, then decimated to at most {@code 4 * buckets} points. */
    public SeriesDecimator.Points view(double smoothing, int buckets) {
        double[] y = smoothing > 0 ? Smoothing.apply(values, size, smoothing) : values;
        return SeriesDecimator.decimate(steps, y, size, buckets);
    }
}
