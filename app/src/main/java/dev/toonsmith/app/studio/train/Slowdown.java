package dev.toonsmith.app.studio.train;

import java.util.Arrays;

/**
 * Whether a run trains well below its own usual speed, as it does when the computer is busy with something else:
 * the time left then grows for no reason the run itself gives, and the page says so next to it.
 */
final class Slowdown {

    /** Steps whose median is "now". */
    static final int RECENT = 20;
    /** Steps whose median is the run's usual speed; older ones are left out so that the check stays cheap. */
    static final int USUAL = 2000;
    /** "Well below": the recent speed under this share of the usual one. */
    static final double SHARE = 0.6;

    private Slowdown() {}

    /**
     * @param rates images per second of the run's steps, oldest first
     * @return the run's usual images per second when the recent steps are well below it, else NaN
     */
    static double usualRateIfSlower(double[] rates) {
        if (rates.length < 3 * RECENT) {
            return Double.NaN;
        }
        double usual = median(Arrays.copyOfRange(rates, Math.max(0, rates.length - USUAL), rates.length));
        double recent = median(Arrays.copyOfRange(rates, rates.length - RECENT, rates.length));
        return recent < SHARE * usual ? usual : Double.NaN;
    }

    private static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return finite.length == 0 ? Double.NaN : finite[finite.length / 2];
    }
}
