package dev.toonsmith.engine.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.post.PostSettings.Filter;
import dev.toonsmith.engine.post.PostSettings.OutlineMode;
import dev.toonsmith.engine.post.PostSettings.Outlines;
import dev.toonsmith.engine.post.PostSettings.Quantize;
import dev.toonsmith.engine.post.PostSettings.Rgb;
import org.junit.jupiter.api.Test;

class PostSettingsTest {

    @Test
    void everyStepIsOffByDefault() {
        assertFalse(PostSettings.NONE.anyEnabled());
        assertFalse(PostSettings.builder().build().anyEnabled());
    }

    @Test
    void theSimpleControlsSetTheDetailedSteps() {
        PostSettings s = PostSettings.builder().colors(12).edges(1).edgeWidth(3).smooth(10).saturation(1.4).build();

        assertEquals(new Quantize(true, 12, Quantize.OFF.seed()), s.quantize());
        assertTrue(s.outlines().enabled());
        assertEquals(1, s.outlines().opacity());
        assertEquals(3, s.outlines().width());
        assertEquals(60, s.outlines().highThreshold());
        assertEquals(Filter.BILATERAL, s.smooth().filter());
        assertEquals(3, s.smooth().passes());
        assertEquals(100, s.smooth().sigmaColor());
        assertTrue(s.adjust().enabled());
        assertEquals(1.4, s.adjust().saturation());

        PostSettings fainter = s.toBuilder().edges(0.25).build();
        assertEquals(0.5, fainter.outlines().opacity());
        assertTrue(fainter.outlines().highThreshold() > s.outlines().highThreshold(), "weaker edges draw fewer lines");
    }

    @Test
    void theSummaryNamesTheEnabledStepsInTheirOrder() {
        assertEquals("no steps", PostSettings.NONE.summary());
        assertEquals("smooth, 10 colours, colour adjust, outlines 3px",
                PostSettings.builder().edges(1).edgeWidth(3).colors(10).saturation(1.3).smooth(4).build().summary());
        PostSettings soft = PostSettings.NONE.withSmooth(PostSettings.Smooth.guided(12, 0.02))
                .withOutlines(Outlines.ink(Rgb.BLACK, 2, 40, 100).withMode(OutlineMode.BLEND));
        assertEquals("guided smooth, soft outlines 2px", soft.summary());
        assertEquals("6 colours", PostSettings.builder().colors(6).saturation(1).build().summary(),
                "neutral adjustments change nothing, so they are not a step");
    }

    @Test
    void switchingAStepOffAndOnKeepsWhatTheControlsDoNotOwn() {
        Rgb navy = new Rgb(20, 30, 80);
        PostSettings preset = PostSettings.NONE
                .withQuantize(new Quantize(true, 8, 77))
                .withOutlines(Outlines.ink(navy, 2, 40, 100).withMode(OutlineMode.BLEND));

        PostSettings off = preset.toBuilder().colors(0).edges(0).build();
        assertFalse(off.quantize().enabled());
        assertFalse(off.outlines().enabled());

        PostSettings on = off.toBuilder().colors(10).edges(0.5).build();
        assertEquals(77, on.quantize().seed());
        assertEquals(10, on.quantize().colors());
        assertEquals(navy, on.outlines().color());
        assertEquals(OutlineMode.BLEND, on.outlines().mode());
    }

    @Test
    void saturationOneSwitchesAdjustingOff() {
        assertFalse(PostSettings.builder().saturation(2).saturation(1).build().adjust().enabled());
    }

    @Test
    void outOfRangeValuesNameTheFieldAsPresetFilesSpellIt() {
        IllegalArgumentException colours =
                assertThrows(IllegalArgumentException.class, () -> new Quantize(true, 300, 1));
        assertEquals("quantize.colors must be between 2 and 64, got 300", colours.getMessage());

        IllegalArgumentException opacity = assertThrows(IllegalArgumentException.class,
                () -> new Outlines(true, 10, 20, 2, 1, Rgb.BLACK, 1.5, OutlineMode.INK));
        assertEquals("outlines.opacity must be between 0 and 1, got 1.5", opacity.getMessage());

        IllegalArgumentException thresholds = assertThrows(IllegalArgumentException.class,
                () -> Outlines.ink(Rgb.BLACK, 2, 100, 50));
        assertTrue(thresholds.getMessage().startsWith("outlines.highThreshold must be at least"));

        IllegalArgumentException diameter = assertThrows(IllegalArgumentException.class,
                () -> PostSettings.Smooth.bilateral(6, 50, 3, 1));
        assertEquals("smooth.diameter must be odd, got 6", diameter.getMessage());

        assertThrows(IllegalArgumentException.class, () -> PostSettings.builder().edges(1.5));
        assertThrows(IllegalArgumentException.class, () -> PostSettings.builder().smooth(11));
        assertThrows(IllegalArgumentException.class, () -> PostSettings.builder().colors(1));
    }

    @Test
    void coloursAreWrittenAsHex() {
        Rgb c = Rgb.parse("#1A2b3C");
        assertEquals(new Rgb(0x1a, 0x2b, 0x3c), c);
        assertEquals("#1a2b3c", c.toHex());
        assertThrows(IllegalArgumentException.class, () -> Rgb.parse("red"));
        assertThrows(IllegalArgumentException.class, () -> Rgb.parse("#12345"));
    }
}
