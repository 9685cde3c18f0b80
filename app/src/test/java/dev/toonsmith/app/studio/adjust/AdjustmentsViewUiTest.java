package dev.toonsmith.app.studio.adjust;

import static dev.toonsmith.app.studio.StudioWaits.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The preset picker as a user sees it while moving sliders, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class AdjustmentsViewUiTest {

    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");

    @TempDir
    Path home;

    private BackgroundTasks tasks;
    private AdjustmentsViewModel adjust;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks(Platform::runLater);
        PresetLibrary library = new PresetLibrary(new UserDirectories(home));
        adjust = new AdjustmentsViewModel(UiResources.texts(Locale.ENGLISH), tasks, new NotificationsViewModel(""));
        adjust.setPresets(library, library.list().presets(), "Clean cel");
        AdjustmentsView view = new AdjustmentsView(adjust, UiResources.texts(Locale.ENGLISH), new ScriptedDialogs());
        Scene scene = new Scene(view, 360, 420);
        scene.getStylesheets().setAll(UiResources.stylesheet("studio.css"), UiResources.stylesheet("light.css"));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private ListCell<?> pickerFace(FxRobot robot) {
        return (ListCell<?>) robot.lookup("#preset-picker").queryAs(ComboBox.class).getButtonCell();
    }

    @Test
    void aSliderMovedAwayFromThePresetMarksThePickerModifiedAndResetClearsIt(FxRobot robot) throws Exception {
        assertEquals("Clean cel", pickerFace(robot).getText());
        assertFalse(pickerFace(robot).getPseudoClassStates().contains(MODIFIED));

        robot.clickOn("#colors-slider");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Clean cel (modified)", pickerFace(robot).getText());
        assertTrue(pickerFace(robot).getPseudoClassStates().contains(MODIFIED), "drawn in italics");
        assertEquals("Clean cel", onFx(() -> adjust.presetProperty().get().name()),
                "the preset the sliders build on stays selected");

        robot.clickOn("#reset-adjustments");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Clean cel", pickerFace(robot).getText());
        assertFalse(pickerFace(robot).getPseudoClassStates().contains(MODIFIED));
    }
}
