package dev.toonsmith.app.studio.gallery;

import static dev.toonsmith.app.studio.StudioWaits.onFx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.StudioWaits;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A model file dropped on the studio window, headless (Monocle): the real "Import model" dialog opens for it on
 * whatever page shows, filled from what the file says about itself (the bundled default style exported to ONNX).
 */
@ExtendWith(ApplicationExtension.class)
class ModelDropUiTest {

    @TempDir
    Path work;

    private Studio studio;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        dialogs.realModelDialog = true;
        Studio.Config config = StudioFixtures.config(home, dialogs);
        StudioOptions options = new StudioOptions(StudioFixtures.sample("cat.jpg"), null, null, null, 1400, 950, false,
                null, false);
        studio = Studio.open(stage, config, options);
    }

    @AfterEach
    void stop() throws Exception {
        StudioWaits.close(studio);
    }

    private void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        StudioWaits.waitFor(studio, "ModelDropUiTest", what, seconds, condition);
    }


    private Path exportedDefaultStyle() throws Exception {
        return StudioFixtures.exportedDefaultStyle(work);
    }

    private Optional<DialogPane> importDialog(FxRobot robot) {
        return robot.lookup(".import-model-dialog").tryQueryAs(DialogPane.class);
    }

    @Test
    void aModelDroppedOnAnyPageOpensTheImportDialogFilledFromItsMetadata(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get()
                && studio.gallery().loadedProperty().get());
        assertTrue(onFx(() -> robot.lookup("#import-model").tryQuery().isPresent()),
                "the Studio page's gallery offers Import model… too");
        Path onnx = exportedDefaultStyle();
        robot.clickOn("#nav-batch");
        List<Path> before;
        try (var files = Files.list(studio.config().directories().styles())) {
            before = files.toList();
        }

        // What the window's drop handler does once the drop completes; the dialog then waits for the user.
        Platform.runLater(() -> studio.drop(List.of(onnx)));
        waitFor("the Import model dialog", 30, () -> onFx(() -> importDialog(robot).isPresent()));
        // The bundled style has the model's own name: a free one is proposed.
        waitFor("the name the model carries", 30, () -> onFx(() -> "Toonsmith Default (2)".equals(
                ((TextField) importDialog(robot).get().lookup("#import-model-name")).getText())));
        DialogPane pane = importDialog(robot).get();
        assertEquals("CC0-1.0", onFx(() -> ((javafx.scene.control.ComboBox<?>) pane.lookup("#import-model-licence")).getEditor()
                .getText()));
        assertEquals(1024, onFx(() -> ((Spinner<?>) pane.lookup("#import-model-working-edge")).getValue()));
        assertFalse(onFx(() -> pane.lookupButton(ButtonType.CANCEL).isDisabled()));
        assertFalse(onFx(() -> pane.lookupButton(dialogsImportButton(pane)).isDisabled()),
                "nothing is missing: the licence came with the model");
        assertEquals(onnx, dialogs.askedModelForm.modelProperty().get());
        assertTrue(onFx(() -> studio.batchView().getScene() != null), "the Batch page stays shown");

        onFx(() -> {
            ((Button) pane.lookupButton(ButtonType.CANCEL)).fire();
            return null;
        });
        waitFor("the dialog to close", 30, () -> onFx(() -> importDialog(robot).isEmpty()));
        try (var files = Files.list(studio.config().directories().styles())) {
            assertEquals(before, files.toList(), "Cancel imports nothing");
        }
    }

    private static ButtonType dialogsImportButton(DialogPane pane) {
        return pane.getButtonTypes().stream().filter(b -> b != ButtonType.CANCEL).findFirst().orElseThrow();
    }
}
