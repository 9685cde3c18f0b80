package dev.toonsmith.app.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A card's name in two lines, measured here in a font whose every character is 10 px wide. */
class CardNameLayoutTest {

    private static final ToDoubleFunction<String> MONO = s -> 10.0 * s.length();

    private static String lines(String name, double width) {
        return CardNameLayout.lines(name, MONO, width, 2);
    }

    @Test
    void aRunLikeNameBreaksAtItsDashesNeverInsideANumber() {
        // 16 characters a line: JavaFX alone gave "photos-2026-12-0" and "8".
        assertEquals("photos-2026-12-\n08", lines("photos-2026-12-08", 160));
        assertEquals("photos-2026-12-\n08 · step 282", lines("photos-2026-12-08 · step 282", 160));
        assertEquals("my_style_for_\nportraits", lines("my_style_for_portraits", 130));
        // A preview's "step\u00A0282" stays together.
        assertEquals("photos-2026-12-08 ·\nstep\u00A0282", lines("photos-2026-12-08 · step\u00A0282", 240));
    }

    @Test
    void wordsWrapBetweenThemAndAShortNameStaysOnOneLine() {
        assertEquals("Toonsmith Default", lines("Toonsmith Default", 200));
        assertEquals("Toonsmith\nDefault", lines("Toonsmith Default", 160));
        assertEquals("Toonsmith - bold", lines("Toonsmith - bold", 200), "a dash between words is a word");
    }

    @Test
    void whatDoesNotFitInTwoLinesEndsInAnEllipsisAfterAWord() {
        assertEquals("Watercolour\nportraits for…", lines("Watercolour portraits for long winter evenings", 160));
        // The second line full to the last character: the "…" takes the last word's place.
        assertEquals("Watercolour\nportraits for…", lines("Watercolour portraits for long winter evenings", 180));
        // A word longer than the card: what fits, then "…", rather than the word cut in two lines.
        assertEquals("Supercalifragil…", lines("Supercalifragilisticexpialidocious", 160));
        for (String line : lines("Watercolour portraits for long winter evenings", 160).split("\n")) {
            assertTrue(MONO.applyAsDouble(line) <= 160, line);
        }
    }

    @Test
    void theNameIsCutAfterEachSeparator() {
        assertEquals(List.of("photos-", "2026-", "12-", "08 ", "· ", "step ", "282"),
                CardNameLayout.chunks("photos-2026-12-08 · step 282"));
        assertEquals(List.of("a ", "- ", "b"), CardNameLayout.chunks("a - b"), "no break before a space");
    }
}
