package dev.toonsmith.app.studio.train;

import dev.toonsmith.ui.UiResources.Texts;

/**
 * One sentence on whether a run looks healthy, from its recent figures, for people who have never read a GAN loss
 * curve: the discriminator's verdicts on real and generated pictures tell more than the losses do. The thresholds
 * assume verdicts on a 0 (fake) to 1 (real) scale, which the LSGAN and vanilla losses give.
 */
final class RunHealth {

    /** Steps the verdict looks back over. */
    static final int RECENT = 50;

    private RunHealth() {}

    static String describe(RunCharts charts, Texts texts) {
        if (charts.size() == 0) {
            return "";
        }
        MetricSeries total = charts.loss("G_total");
        if (total != null && !Double.isFinite(total.last())) {
            return texts.get("train.health.nonFinite");
        }
        if (charts.realScore().size() == 0) {
            return texts.get("train.health.warmUp");
        }
        if (charts.realScore().size() < 10) {
            return texts.format("train.health.early", charts.realScore().size());
        }
        double real = mean(charts.realScore().tail(RECENT));
        double fake = mean(charts.fakeScore().tail(RECENT));
        double gap = real - fake;
        if (gap > 0.8) {
            return texts.get("train.health.discriminatorWins");
        }
        if (gap < 0.05) {
            return texts.get("train.health.undecided");
        }
        return texts.format("train.health.balanced", String.format(java.util.Locale.ROOT, "%.2f", real),
                String.format(java.util.Locale.ROOT, "%.2f", fake));
    }

    private static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
