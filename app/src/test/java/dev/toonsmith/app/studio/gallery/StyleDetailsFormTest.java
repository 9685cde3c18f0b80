package dev.toonsmith.app.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleNames;
import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Export as style" of a training checkpoint, without JavaFX: the name it proposes and refuses, and the author and
 * licence it starts with.
 */
class StyleDetailsFormTest {

    @TempDir
    Path work;

    private final Texts texts = UiResources.texts(Locale.ENGLISH);
    private StyleNames installed;
    private final CreditsMemory credits = new CreditsMemory();

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, "photos-2026-12-08", "photos-2026-12-08");
        installed = StyleLibrary.load(new UserDirectories(home)).names();
    }

    @Test
    void theRunsNameIsProposedFreeOfTheInstalledNames() {
        StyleDetailsForm form = new StyleDetailsForm(texts, installed, credits, "photos-2026-12-08");
        assertEquals("photos-2026-12-08 (2)", form.nameProperty().get(), "an earlier export has the run's name");
        assertEquals("fresh-run", new StyleDetailsForm(texts, installed, credits, "fresh-run").nameProperty().get());
    }

    @Test
    void aTakenNameIsRefusedInOneLineProposingAFreeOne() {
        StyleDetailsForm form = new StyleDetailsForm(texts, installed, credits, "x");
        form.licenceProperty().set("CC0-1.0");
        assertTrue(form.ready());

        form.nameProperty().set("  Photos-2026-12-08");
        assertFalse(form.ready());
        assertEquals(texts.format("style.nameTaken", "Photos-2026-12-08", "photos-2026-12-08",
                "Photos-2026-12-08 (2)"), form.missingProperty().get());
        form.nameProperty().set("toonsmith DEFAULT");
        assertTrue(form.missingProperty().get().contains("“Toonsmith Default”"), "the bundled style counts: "
                + form.missingProperty().get());

        form.nameProperty().set("My style");
        assertTrue(form.ready());
        form.nameProperty().set(" ");
        assertEquals(texts.get("styleDetails.missing.name"), form.missingProperty().get());
    }

    @Test
    void authorAndLicenceAreWhatWasGivenLastTimeElseEmptyNeverTheLoginName() {
        StyleDetailsForm first = new StyleDetailsForm(texts, installed, credits, "run");
        assertEquals("", first.authorProperty().get(), "empty, with a prompt in the dialog");
        assertNotEquals(System.getProperty("user.name"), first.authorProperty().get());
        assertEquals("", first.licenceProperty().get());
        assertEquals(texts.get("styleDetails.missing.licence"), first.missingProperty().get());

        first.authorProperty().set(" Grace ");
        first.licenceProperty().set(" CC-BY-4.0 ");
        assertEquals("Grace", first.author());
        assertEquals("CC-BY-4.0", first.licence());
        credits.remember(first.author(), first.licence());

        StyleDetailsForm next = new StyleDetailsForm(texts, installed, credits, "run");
        assertEquals("Grace", next.authorProperty().get());
        assertEquals("CC-BY-4.0", next.licenceProperty().get());
        assertTrue(next.ready());

        // A typed SPDX id is as good as one from the list.
        next.licenceProperty().set("MPL-2.0");
        assertTrue(next.ready());
        assertTrue(CreditsMemory.COMMON_LICENCES.containsAll(java.util.List.of("CC0-1.0", "CC-BY-4.0",
                "CC-BY-SA-4.0", "CC-BY-NC-4.0", "All rights reserved")));
    }
}
