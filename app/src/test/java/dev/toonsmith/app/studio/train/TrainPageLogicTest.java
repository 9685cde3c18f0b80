package dev.toonsmith.app.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.ui.UiResources;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Train page's small rules: the slowdown note, the sample tiles' layout, series colours, option labels. */
class TrainPageLogicTest {

    @Test
    void aRunWellBelowItsUsualSpeedIsCalledSlowerWithItsUsualSpeed() {
        double[] steady = new double[200];
        Arrays.fill(steady, 10);
        assertTrue(Double.isNaN(Slowdown.usualRateIfSlower(steady)), "a run at its usual speed");
        double[] busy = steady.clone();
        Arrays.fill(busy, 180, 200, 4);
        assertEquals(10, Slowdown.usualRateIfSlower(busy), 1e-9, "the last 20 steps at 4 images/s, usually 10");
        double[] wobbly = steady.clone();
        Arrays.fill(wobbly, 180, 200, 7);
        assertTrue(Double.isNaN(Slowdown.usualRateIfSlower(wobbly)), "30 % slower is ordinary wobble");
        assertTrue(Double.isNaN(Slowdown.usualRateIfSlower(Arrays.copyOf(busy, 30))), "too few steps to know");
    }

    @Test
    void sampleTilesFillTheirPanel() {
        // Eight pairs in a wide, short panel: one row, each picture as high as half the panel.
        assertEquals(8, TileLayout.columns(8, 1600, 200, 6));
        // In a panel about as wide as high: two rows of four, pictures about a quarter of the width.
        int columns = TileLayout.columns(8, 600, 600, 6);
        assertEquals(4, columns);
        assertTrue(TileLayout.edge(8, columns, 600, 600, 6) > 140, "not 65 px tiles");
        assertEquals(8, SampleTiles.pairCount(768, 192));
    }

    @Test
    void aSeriesKeepsItsColourWhateverComesFirst() {
        assertEquals(MetricChart.style("D_total", true), MetricChart.style("D_total", true));
        assertNotEquals(SeriesColours.of("D_total"), SeriesColours.of("G_total"));
        assertEquals(SeriesColours.of("some_new_loss"), SeriesColours.of("some_new_loss"));
    }

    @Test
    void everyAdvancedOptionHasAHumanLabelAndALineOfExplanation() {
        var texts = UiResources.texts(Locale.ENGLISH);
        for (var help : dev.toonsmith.app.cli.TrainCommand.optionHelp()) {
            if (NewRunViewModel.OWN.contains(help.name())) {
                continue;
            }
            AdvancedOption option = new AdvancedOption(help);
            assertTrue(texts.has("train.option." + option.name()), "a label for --" + option.name());
            assertTrue(!option.explanation(texts).isBlank(), "an explanation for --" + option.name());
        }
        AdvancedOption dWidth = new AdvancedOption(dev.toonsmith.app.cli.TrainCommand.optionHelp().stream()
                .filter(h -> h.name().equals("d-width")).findFirst().orElseThrow());
        assertEquals("Discriminator width", dWidth.label(texts));
        assertTrue(dWidth.explanation(texts).endsWith("Default: 32."), dWidth.explanation(texts));
    }
}
