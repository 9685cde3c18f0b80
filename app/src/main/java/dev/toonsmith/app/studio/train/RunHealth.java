package dev.toonsmith.app.studio.train;

import dev.toonsmith.ui.UiResources.Texts;
import java.util.Locale;

/**
 * A few sentences on whether a run looks healthy, for people who have never read a GAN loss curve: what the
 * discriminator's verdicts on real and generated pictures say (they tell more than the losses do), and what the
 * sample grids say next to the run's first grid (a growing colour cast, pictures that all look alike). The
 * thresholds assume verdicts on a 0 (fake) to 1 (real) scale, which the LSGAN and vanilla losses give. A run is
 * called healthy only when both the scores and the samples look right.
 */
final class RunHealth {

    /** Steps the verdict looks back over. */
    static final int RECENT = 50;

    /**
     * @param text what the page says
     * @param warning whether it warns of something going wrong
     */
    record Assessment(String text, boolean warning) {
        static final Assessment NONE = new Assessment("", false);
    }

    private RunHealth() {}

    /**
     * @param samples the newest grid next to the first; null while fewer than two grids have been compared
     */
    static Assessment describe(RunCharts charts, SampleDrift.Verdict samples, Texts texts) {
        if (charts.size() == 0) {
            return Assessment.NONE;
        }
        for (String name : charts.lossNames()) {
            // Any loss, not only the total: in the warm-up the content loss is the only one.
            if (!Double.isFinite(charts.loss(name).last())) {
                return new Assessment(join(texts.get("train.health.nonFinite"),
                        samples == null ? "" : samples(samples, texts)), true);
            }
        }
        String sampleText = samples(samples, texts);
        boolean sampleWarning = samples != null && samples.kind() != SampleDrift.Kind.STEADY;
        if (charts.realScore().size() == 0) {
            return new Assessment(join(texts.get("train.health.warmUp"), sampleText), sampleWarning);
        }
        if (charts.realScore().size() < 10) {
            return new Assessment(join(texts.format("train.health.early", charts.realScore().size()), sampleText),
                    sampleWarning);
        }
        double real = mean(charts.realScore().tail(RECENT));
        double fake = mean(charts.fakeScore().tail(RECENT));
        double gap = real - fake;
        String scores;
        boolean balanced = false;
        if (gap > 0.8) {
            scores = texts.get("train.health.discriminatorWins");
        } else if (gap < 0.05) {
            scores = texts.get("train.health.undecided");
        } else {
            scores = texts.format("train.health.balanced", two(real), two(fake));
            balanced = true;
        }
        if (balanced && samples != null && !sampleWarning) {
            sampleText = join(sampleText, texts.get("train.health.healthy"));
        }
        // A warning about the samples goes first: it is what the user should look at.
        return sampleWarning ? new Assessment(join(sampleText, scores), true)
                : new Assessment(join(scores, sampleText), false);
    }

    private static String samples(SampleDrift.Verdict v, Texts texts) {
        if (v == null) {
            return texts.get("train.health.samplesNotYet");
        }
        return switch (v.kind()) {
            case STEADY -> texts.format("train.health.samplesSteady", v.firstStep());
            case DRIFTING -> texts.format("train.health.samplesDrifting", texts.get("train.health.hue." + v.hue()),
                    v.firstStep(), String.format(Locale.ROOT, "%.0f", v.shift()));
            case ALIKE -> texts.format("train.health.samplesAlike", percent(v.variety()), percent(v.firstVariety()),
                    v.firstStep());
            case BLANK -> texts.format("train.health.samplesBlank", v.step());
        };
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + " " + second;
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", 100 * share);
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
