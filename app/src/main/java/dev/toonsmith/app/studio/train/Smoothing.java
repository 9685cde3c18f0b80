package dev.toonsmith.app.studio.train;

/**
 * The exponential moving average TensorBoard's smoothing slider applies, with its start-up bias removed, so that
 * the first points of a smoothed curve are not pulled towards zero. Non-finite values pass through unsmoothed and
 * do not disturb the average.
 */
public final class Smoothing {

    private Smoothing() {}

    /**
     * @param weight 0 (none) to just under 1 (very smooth)
     * @return a new array of {@code count} smoothed values
     */
    public static double[] apply(double[] values, int count, double weight) {
        if (weight < 0 || weight >= 1) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        double[] out = new double[count];
        double average = 0;
        int seen = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (!Double.isFinite(v) || weight == 0) {
                out[i] = v;
                continue;
            }
            average = average * weight + (1 - weight) * v;
            seen++;
            out[i] = average / (1 - Math.pow(weight, seen));
        }
        return out;
    }
}
