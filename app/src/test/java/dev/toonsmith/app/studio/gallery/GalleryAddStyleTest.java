package dev.toonsmith.app.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A style made in the studio (a checkpoint exported on the Train page) joins the gallery without taking the user's
 * chosen style, unless it replaces the preview of the same checkpoint that was chosen; and its preview card is marked.
 */
class GalleryAddStyleTest {

    @TempDir
    Path work;

    private final Texts texts = UiResources.texts(Locale.ENGLISH);
    private UiQueue ui;
    private BackgroundTasks tasks;
    private StyleLibrary styles;
    private Renderer renderer;
    private NotificationsViewModel notifications;
    private GalleryViewModel gallery;
    private final List<GalleryViewModel.Added> added = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, "ink", "Ink");
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        styles = StyleLibrary.load(new UserDirectories(home));
        renderer = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 2));
        ui.run(() -> {
            notifications = new NotificationsViewModel("See the log.");
            gallery = new GalleryViewModel(texts, tasks, notifications);
            gallery.setLibrary(styles, renderer, "ink");
        });
        ui.settle(tasks);
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.settle(tasks);
        tasks.close();
        renderer.close();
        ui.close();
    }

    /** A style file outside the styles folder, as the Train page's export writes it. */
    private Path made(String id, String name) throws Exception {
        return StudioFixtures.installStyle(work.resolve("made-" + id), id, name);
    }

    @Test
    void anExportedStyleJoinsTheGalleryAndTheChosenStyleStays() throws Exception {
        Path file = made("my-style", "My style");
        ui.run(() -> gallery.addStyle(file, "preview-run-5", added::add, failure -> {
            throw new AssertionError(failure);
        }));
        ui.settle(tasks);

        assertEquals(1, added.size());
        assertFalse(added.get(0).chosen());
        assertEquals("ink", ui.call(gallery::selected).styleId(), "the user's style is still the chosen one");
        assertTrue(ui.call(() -> gallery.find("my-style")).isPresent(), "listed");
        assertEquals("", ui.call(() -> notifications.messageProperty().get()), "the action says what happened");
    }

    @Test
    void theChosenPreviewOfTheSameCheckpointIsReplacedByTheInstalledStyle() throws Exception {
        StyleBundle checkpoint = StyleBundle.read(made("preview-run-5", "run · step 5"));
        ui.run(() -> gallery.showPreview(StyleEntry.preview(checkpoint)));
        StyleCardViewModel preview = ui.call(gallery::selected);
        assertTrue(preview.preview(), "a checkpoint tried on is marked as a preview");
        assertEquals(texts.format("gallery.preview.badge", 0), preview.previewBadge());
        assertFalse(preview.deletable());

        Path file = made("run", "run");
        ui.run(() -> gallery.addStyle(file, "preview-run-5", added::add, failure -> {
            throw new AssertionError(failure);
        }));
        ui.settle(tasks);

        assertTrue(added.get(0).chosen());
        assertEquals("run", ui.call(gallery::selected).styleId(), "the installed style takes the preview's place");
        assertFalse(ui.call(() -> gallery.cards().stream().anyMatch(StyleCardViewModel::preview)), "no preview left");
    }
}
