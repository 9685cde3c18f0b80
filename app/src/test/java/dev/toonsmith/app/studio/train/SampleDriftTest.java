package dev.toonsmith.app.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health sentence weighs the samples, not only the scores: grids made from real photos, read back from PNG
 * files as the run writes them, compared with the run's first grid.
 */
class SampleDriftTest {

    @TempDir
    Path work;

    private final Texts texts = UiResources.texts(Locale.ENGLISH);

    private SampleLook look(java.awt.image.BufferedImage grid, String name) throws Exception {
        return SampleLook.read(SampleGrids.write(grid, work.resolve(name)));
    }

    @Test
    void aRunThatKeepsItsColoursAndVarietyIsSteady() throws Exception {
        SampleLook first = look(SampleGrids.steady(8), "step-100.png");
        SampleLook later = look(SampleGrids.steady(5), "step-600.png");
        SampleDrift.Verdict v = SampleDrift.assess(100, first, 600, later);
        assertEquals(SampleDrift.Kind.STEADY, v.kind(), v.toString());
        assertTrue(v.shift() < SampleDrift.CAST / 2, "flatter colours are no cast: " + v);
        assertTrue(later.variety() > 0.8, "each picture keeps its photo's layout: " + later.variety());
    }

    @Test
    void aPurpleCastIsDriftTowardsPurple() throws Exception {
        SampleLook first = look(SampleGrids.steady(6), "step-100.png");
        SampleLook purple = look(SampleGrids.purple(), "step-600.png");
        SampleDrift.Verdict v = SampleDrift.assess(100, first, 600, purple);
        assertEquals(SampleDrift.Kind.DRIFTING, v.kind(), v.toString());
        assertEquals("purple/magenta", texts.get("train.health.hue." + v.hue()), v.toString());
        assertTrue(purple.histogramDistance(first) > 0.3, "the colours themselves changed: "
                + purple.histogramDistance(first));
    }

    @Test
    void picturesThatAllLookAlikeAreCalledAlike() throws Exception {
        SampleLook first = look(SampleGrids.steady(6), "step-100.png");
        SampleLook alike = look(SampleGrids.alike(), "step-600.png");
        SampleDrift.Verdict v = SampleDrift.assess(100, first, 600, alike);
        assertEquals(SampleDrift.Kind.ALIKE, v.kind(), v.toString());
        assertTrue(v.variety() < 0.05 && v.firstVariety() > 0.8, v.toString());
    }

    @Test
    void blackPicturesAreBlankEvenWhenTheFirstGridWasBlackToo() throws Exception {
        SampleLook black = look(SampleGrids.blank(), "step-25.png");
        SampleDrift.Verdict v = SampleDrift.assess(25, black, 50, look(SampleGrids.blank(), "step-50.png"));
        assertEquals(SampleDrift.Kind.BLANK, v.kind(), "no change from a broken start is no health: " + v);
        RunHealth.Assessment health = RunHealth.describe(balancedScores(), v, texts);
        assertTrue(health.warning() && health.text().startsWith("Warning: the generated pictures of step 50 are blank"),
                health.text());
    }

    @Test
    void aLossThatIsNotANumberInTheWarmUpIsReported() {
        RunCharts charts = new RunCharts();
        charts.add(0, Map.of("G_content", 0.4), null, null, 2e-4, 10);
        charts.add(1, Map.of("G_content", Double.NaN), null, null, 2e-4, 10);
        RunHealth.Assessment health = RunHealth.describe(charts, null, texts);
        assertTrue(health.warning() && health.text().startsWith("The last loss was not a number"), health.text());
    }

    @Test
    void aRunWithBalancedScoresButPurpleSamplesIsNotCalledHealthy() throws Exception {
        RunCharts charts = balancedScores();
        SampleLook first = look(SampleGrids.steady(6), "step-100.png");
        RunHealth.Assessment steady = RunHealth.describe(charts, SampleDrift.assess(100, first, 600,
                look(SampleGrids.steady(5), "step-600.png")), texts);
        assertFalse(steady.warning(), steady.text());
        assertTrue(steady.text().contains("healthy") && steady.text().contains("keep their colours"),
                steady.text());

        RunHealth.Assessment purple = RunHealth.describe(charts, SampleDrift.assess(100, first, 600,
                look(SampleGrids.purple(), "step-700.png")), texts);
        assertTrue(purple.warning(), purple.text());
        assertTrue(purple.text().startsWith("Warning: the samples are drifting towards purple/magenta since step 100"),
                purple.text());
        assertFalse(purple.text().contains("healthy"), purple.text());
    }

    @Test
    void beforeTwoGridsTheSentenceSaysItWeighsOnlyTheScores() {
        RunHealth.Assessment early = RunHealth.describe(balancedScores(), null, texts);
        assertFalse(early.warning());
        assertTrue(early.text().contains("weighs only the scores") && !early.text().contains("healthy"),
                early.text());
    }

    /** 60 steps of a discriminator rating real cartoons 0.7 and generated pictures 0.3. */
    private static RunCharts balancedScores() {
        RunCharts charts = new RunCharts();
        for (int s = 0; s < 60; s++) {
            charts.add(s, Map.of("D_total", 0.5, "G_total", 1.0), 0.7, 0.3, 2e-4, 10);
        }
        return charts;
    }

}
