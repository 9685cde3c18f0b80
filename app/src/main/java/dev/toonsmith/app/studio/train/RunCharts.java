package dev.toonsmith.app.studio.train;

import dev.toonsmith.engine.train.MetricsPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every series a run's charts draw, complete, in the order a reader wants them: the discriminator's and generator's
 * totals first, then each loss term as the strategy reported it; the discriminator's scores; the learning rate; and
 * the throughput. Changed and read on the UI thread only.
 */
public final class RunCharts {

    /** Loss terms listed before all others. */
    private static final List<String> FIRST = List.of("D_total", "G_total");

    private final Map<String, MetricSeries> losses = new LinkedHashMap<>();
    private final MetricSeries realScore = new MetricSeries("D(real)");
    private final MetricSeries fakeScore = new MetricSeries("D(fake)");
    private final MetricSeries learningRate = new MetricSeries("learning rate");
    private final MetricSeries throughput = new MetricSeries("images/s");
    private int revision;

    /**
     * The scores' recent distribution, for a histogram.
     *
     * @param low the lowest value binned
     * @param high the highest
     * @param real counts of recent verdicts on real cartoons per bin
     * @param fake the same for generated pictures
     */
    public record Histogram(double low, double high, int[] real, int[] fake) {}

    /** Adds one step of figures. */
    public void add(long step, Map<String, Double> stepLosses, Double real, Double fake, double rate,
            double imagesPerSecond) {
        for (String name : FIRST) {
            if (stepLosses.containsKey(name)) {
                losses.computeIfAbsent(name, MetricSeries::new);
            }
        }
        stepLosses.forEach((name, value) -> losses.computeIfAbsent(name, MetricSeries::new).add(step,
                value == null ? Double.NaN : value));
        if (real != null) {
            realScore.add(step, real);
        }
        if (fake != null) {
            fakeScore.add(step, fake);
        }
        learningRate.add(step, rate);
        throughput.add(step, imagesPerSecond);
        revision++;
    }

    public void add(MetricsPoint p) {
        add(p.step(), p.losses(), p.realScore(), p.fakeScore(), p.learningRate(), p.imagesPerSecond());
    }

    /** Bumped by every change; a chart redraws when it differs from the revision it drew. */
    public int revision() {
        return revision;
    }

    /** The loss series' names, totals first. */
    public List<String> lossNames() {
        List<String> names = new ArrayList<>();
        FIRST.stream().filter(losses::containsKey).forEach(names::add);
        losses.keySet().stream().filter(n -> !FIRST.contains(n)).forEach(names::add);
        return names;
    }

    public MetricSeries loss(String name) {
        return losses.get(name);
    }

    public MetricSeries realScore() {
        return realScore;
    }

    public MetricSeries fakeScore() {
        return fakeScore;
    }

    public MetricSeries learningRate() {
        return learningRate;
    }

    public MetricSeries throughput() {
        return throughput;
    }

    /** Steps recorded. */
    public int size() {
        return learningRate.size();
    }

    /** How the last {@code recent} verdicts on real and fake spread over {@code bins} bins of their common range. */
    public Histogram scoreHistogram(int recent, int bins) {
        double[] real = realScore.tail(recent);
        double[] fake = fakeScore.tail(recent);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] values : List.of(real, fake)) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            return new Histogram(0, 1, new int[bins], new int[bins]);
        }
        if (high - low < 1e-6) {
            low -= 0.5;
            high += 0.5;
        }
        return new Histogram(low, high, count(real, low, high, bins), count(fake, low, high, bins));
    }

    private static int[] count(double[] values, double low, double high, int bins) {
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - low) / (high - low) * bins))]++;
            }
        }
        return counts;
    }
}
