package dev.toonsmith.app.studio.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.Preset;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sliders, presets and undo/redo, without JavaFX's toolkit. */
class AdjustmentsViewModelTest {

    @TempDir
    Path home;

    private UiQueue ui;
    private BackgroundTasks tasks;
    private PresetLibrary library;
    private AdjustmentsViewModel adjust;
    private NotificationsViewModel notifications;

    @BeforeEach
    void setUp() {
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        library = new PresetLibrary(new UserDirectories(home));
        notifications = new NotificationsViewModel("");
        adjust = new AdjustmentsViewModel(UiResources.texts(Locale.ENGLISH), tasks, notifications);
        adjust.setPresets(library, library.list().presets(), "Comic ink");
    }

    @AfterEach
    void tearDown() throws Exception {
        tasks.close();
        ui.close();
    }

    private Preset preset(String name) throws Exception {
        return library.find(name).orElseThrow();
    }

    @Test
    void anUntouchedPresetRendersExactlyAsShipped() throws Exception {
        for (Preset p : library.list().presets()) {
            Adjustments a = Adjustments.of(PresetChoice.of(p));
            assertEquals(p.settings(), a.postSettings(), p.name());
        }
    }

    @Test
    void choosingAPresetMovesTheSlidersToItsValuesAndKeepsTheStrength() throws Exception {
        adjust.strengthProperty().set(0.5);
        adjust.choosePreset(PresetChoice.of(preset("Poster")));

        assertEquals(6, adjust.colorsProperty().get());
        assertEquals(0, adjust.outlinesProperty().get());
        assertEquals(0.5, adjust.current().strength());
        assertEquals(preset("Poster").settings(), adjust.current().postSettings());
    }

    @Test
    void aMovedSliderChangesOnlyItsPartOfThePreset() throws Exception {
        adjust.colorsProperty().set(3);

        var settings = adjust.current().postSettings();
        var shipped = preset("Comic ink").settings();
        assertEquals(3, settings.quantize().colors());
        assertEquals(shipped.outlines(), settings.outlines());
        assertEquals(shipped.smooth(), settings.smooth());
    }

    @Test
    void colourLevelsZeroSwitchesQuantizingOffAndOneMeansTwo() {
        adjust.colorsProperty().set(0);
        assertFalse(adjust.current().postSettings().quantize().enabled());
        adjust.colorsProperty().set(1);
        assertEquals(2, adjust.current().postSettings().quantize().colors());
    }

    @Test
    void undoAndRedoWalkThroughCommittedGestures() {
        Adjustments start = adjust.current();
        adjust.outlinesProperty().set(0.3);
        adjust.outlinesProperty().set(0.4); // still the same drag
        adjust.commit();
        Adjustments afterDrag = adjust.current();
        adjust.saturationProperty().set(1.8);
        adjust.commit();
        assertTrue(adjust.canUndoProperty().get());

        adjust.undo();
        assertEquals(afterDrag, adjust.current());
        adjust.undo();
        assertEquals(start, adjust.current());
        assertFalse(adjust.canUndoProperty().get());
        assertTrue(adjust.canRedoProperty().get());

        adjust.redo();
        assertEquals(0.4, adjust.outlinesProperty().get());
        assertEquals(afterDrag, adjust.current());
    }

    @Test
    void undoAlsoTakesBackAnUncommittedChange() {
        Adjustments start = adjust.current();
        adjust.smoothingProperty().set(9);
        adjust.undo();
        assertEquals(start, adjust.current());
    }

    @Test
    void resetGoesBackToThePresetAtFullStrength() throws Exception {
        adjust.strengthProperty().set(0.2);
        adjust.colorsProperty().set(20);
        adjust.reset();
        assertEquals(1, adjust.current().strength());
        assertEquals(preset("Comic ink").settings(), adjust.current().postSettings());
    }

    @Test
    void aSliderMovedAwayFromThePresetMarksItModifiedAndGoingBackClearsTheMark() throws Exception {
        assertFalse(adjust.modifiedProperty().get());
        assertEquals("Comic ink", adjust.presetLabelProperty().get());

        adjust.strengthProperty().set(0.4);
        assertFalse(adjust.modifiedProperty().get(), "the style strength is not part of a preset");

        adjust.colorsProperty().set(12);
        adjust.commit();
        assertTrue(adjust.modifiedProperty().get());
        assertEquals("Comic ink (modified)", adjust.presetLabelProperty().get());
        assertEquals("Comic ink", adjust.presetProperty().get().name(), "the preset it builds on stays selected");

        adjust.undo();
        assertFalse(adjust.modifiedProperty().get(), "undo back to the preset's values");
        assertEquals("Comic ink", adjust.presetLabelProperty().get());
        adjust.redo();
        assertTrue(adjust.modifiedProperty().get());

        adjust.reset();
        assertFalse(adjust.modifiedProperty().get());
        assertEquals("Comic ink", adjust.presetLabelProperty().get());

        int shipped = (int) adjust.smoothingProperty().get();
        adjust.smoothingProperty().set(shipped + 2);
        assertTrue(adjust.modifiedProperty().get());
        adjust.smoothingProperty().set(shipped);
        assertFalse(adjust.modifiedProperty().get(), "a slider dragged back to the preset's position");

        adjust.outlinesProperty().set(0.9);
        adjust.choosePreset(PresetChoice.of(preset("Poster")));
        assertFalse(adjust.modifiedProperty().get(), "another preset starts unmodified");
        assertEquals("Poster", adjust.presetLabelProperty().get());
    }

    @Test
    void savingAPresetWritesItAndSelectsIt() throws Exception {
        ui.run(() -> {
            adjust.colorsProperty().set(5);
            adjust.savePreset("Five colours");
        });
        ui.settle(tasks);

        assertTrue(Files.exists(home.resolve("presets/Five colours.json")));
        assertEquals("Five colours", adjust.presetProperty().get().name());
        assertEquals(5, adjust.current().postSettings().quantize().colors());
        assertTrue(adjust.presets().stream().anyMatch(p -> p.name().equals("Five colours")));
    }

    @Test
    void aBuiltInNameCannotBeSavedOver() throws Exception {
        ui.run(() -> adjust.savePreset("Poster"));
        ui.settle(tasks);
        assertTrue(notifications.messageProperty().get().contains("built-in"), notifications.messageProperty().get());
        assertNotEquals("Poster", adjust.presetProperty().get().name());
    }
}
