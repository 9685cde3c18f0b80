package dev.toonsmith.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiResourcesTest {

    @Test
    void themesAndBaseStylesheetArePackaged() {
        for (String name : new String[] {"studio.css", "light.css", "dark.css"}) {
            assertTrue(UiResources.stylesheet(name).endsWith(name), name);
        }
    }

    @Test
    void aMissingStylesheetIsAnErrorNamingIt() {
        var e = assertThrows(UiResources.MissingUiResourceException.class, () -> UiResources.stylesheet("nope.css"));
        assertTrue(e.getMessage().contains("dev/toonsmith/ui/nope.css"), e.getMessage());
    }

    @Test
    void aMissingTextKeyIsAnErrorNamingIt() {
        var texts = UiResources.texts(Locale.ENGLISH);
        var e = assertThrows(UiResources.MissingUiResourceException.class, () -> texts.get("no.such.key"));
        assertTrue(e.getMessage().contains("'no.such.key'"), e.getMessage());
        assertFalse(texts.has("no.such.key"));
    }

    @Test
    void textsAreFormattedWithTheirArguments() {
        var texts = UiResources.texts(Locale.ENGLISH);
        assertEquals("Studio", texts.get("nav.studio"));
        assertTrue(texts.format("status.imageSize", 640, 480).contains("640"));
    }
}
