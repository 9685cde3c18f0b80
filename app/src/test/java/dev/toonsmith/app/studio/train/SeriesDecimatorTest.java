package dev.toonsmith.app.studio.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesDecimatorTest {

    @Test
    void aShortSeriesIsDrawnWhole() {
        double[] x = {0, 1, 2, 3};
        double[] y = {5, 4, 3, 2};
        SeriesDecimator.Points p = SeriesDecimator.decimate(x, y, 4, 10);
        assertEquals(4, p.size());
        assertArrayEquals(y, Arrays.copyOf(p.y(), 4));
    }

    @Test
    void eachBucketKeepsItsFirstLastLowestAndHighestPointInStepOrder() {
        // Two buckets of five points: 3 1 4 1 5 | 9 2 6 5 3.
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        SeriesDecimator.Points p = SeriesDecimator.decimate(x, y, 10, 2);
        double[] keptSteps = Arrays.copyOf(p.x(), p.size());
        // First bucket: first 0, min 1 (its first occurrence), max 4 (= last) -> 0, 1, 4.
        // Second bucket: first 5 (= max 9), min 6, last 9 -> 5, 6, 9.
        assertArrayEquals(new double[] {0, 1, 4, 5, 6, 9}, keptSteps);
        assertArrayEquals(new double[] {3, 1, 5, 9, 2, 3}, Arrays.copyOf(p.y(), p.size()));
    }

    @Test
    void aOneStepSpikeInAHundredThousandStepsSurvives() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 1 + random.nextDouble() * 0.01;
        }
        y[54_321] = 50;
        y[77_777] = -3;
        SeriesDecimator.Points p = SeriesDecimator.decimate(x, y, n, 500);
        assertTrue(p.size() <= 2000, "at most four points per bucket, got " + p.size());
        double max = Arrays.stream(p.y(), 0, p.size()).max().orElseThrow();
        double min = Arrays.stream(p.y(), 0, p.size()).min().orElseThrow();
        assertEquals(50, max);
        assertEquals(-3, min);
        assertEquals(0, p.x()[0], "the first point is kept");
        assertEquals(n - 1, p.x()[p.size() - 1], "the last point is kept");
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.x()[i] > p.x()[i - 1], "points stay in step order");
        }
    }

    @Test
    void notANumberIsNeverTakenForAnExtreme() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = {1, Double.NaN, 7, 2, 3, 4, Double.NaN, 5};
        SeriesDecimator.Points p = SeriesDecimator.decimate(x, y, 8, 1);
        double[] kept = Arrays.copyOf(p.y(), p.size());
        assertArrayEquals(new double[] {1, 7, 5}, kept);
    }

    @Test
    void smoothingFollowsTheSeriesWithoutAStartUpBias() {
        double[] flat = {2, 2, 2, 2};
        assertArrayEquals(flat, Smoothing.apply(flat, 4, 0.9), 1e-12);
        double[] step = {0, 0, 10, 10, 10, 10, 10, 10, 10, 10};
        double[] s = Smoothing.apply(step, step.length, 0.6);
        assertTrue(s[2] > 0 && s[2] < 10, "a jump is eased in");
        assertTrue(s[9] > 9.8, "and caught up with: " + s[9]);
    }

    @Test
    void aRolledBackRunReplacesItsLaterPoints() {
        MetricSeries series = new MetricSeries("G_total");
        for (int step = 0; step < 10; step++) {
            series.add(step, step);
        }
        series.add(6, 100);
        assertEquals(7, series.size());
        assertEquals(100, series.last());
        assertEquals(5, series.valueNear(5.2));
    }
}
