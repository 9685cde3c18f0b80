package dev.toonsmith.app.studio.gallery;

import static dev.toonsmith.app.studio.StudioWaits.onFx;

import dev.toonsmith.app.studio.StudioWaits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.dialogs.ImportModelDialog;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.style.StyleSource;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Import model…" on the Styles page driven like a user drives it, headless (Monocle), with the engine's real test
 * models: a refused one leaves the gallery as it was, an ONNX generator becomes a selected style with its licence on
 * its card.
 */
@ExtendWith(ApplicationExtension.class)
class ImportModelUiTest {

    @TempDir
    Path work;

    private Studio studio;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private static Path fixture(String name) {
        return Path.of("..", "engine", "src", "test", "resources", "models", name).toAbsolutePath().normalize();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
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
        StudioWaits.waitFor(studio, "ImportModelUiTest", what, seconds, condition);
    }


    private List<Path> styleFiles() throws Exception {
        try (var files = Files.list(studio.config().directories().styles())) {
            return files.toList();
        }
    }

    @Test
    void anOnnxGeneratorImportedFromTheStylesPageIsACardWithItsLicence(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get()
                && studio.gallery().loadedProperty().get());
        robot.clickOn("#nav-styles");
        List<Path> before = styleFiles();
        String selectedBefore = onFx(() -> studio.gallery().selected().styleId());

        // A model that cannot be a style: the engine's sentence in the notification bar, no file, no new card.
        dialogs.model = fixture("one-channel.torchscript.pt");
        dialogs.modelForm = form -> form.licenceProperty().set("MIT");
        robot.clickOn("#import-model");
        waitFor("the refusal", 60, () -> onFx(() -> studio.workspace().notifications().messageProperty().get()
                .contains("one-channel.torchscript.pt")));
        assertEquals(before, styleFiles(), "nothing written");
        assertEquals(selectedBefore, onFx(() -> studio.gallery().selected().styleId()), "selection kept");

        // The ONNX generator, with a licence: its card, selected, badged.
        dialogs.model = fixture("cyclegan-resnet.onnx");
        dialogs.modelForm = form -> {
            form.nameProperty().set("CycleGAN horses");
            form.authorProperty().set("tests");
            form.licenceProperty().set("CC-BY-4.0");
        };
        robot.clickOn("#import-model");
        waitFor("the imported style selected", 120, () -> onFx(() -> "cyclegan-horses".equals(
                studio.gallery().selected().styleId())));
        assertEquals(StyleSource.USER, onFx(() -> studio.gallery().selected().entry().source()));
        assertEquals(before.size() + 1, styleFiles().size(), "one new file in the user's styles folder");
        waitFor("the new card on the Styles page", 30, () -> onFx(() -> !robot.lookup("#style-card-cyclegan-horses")
                .match(NodeQueryUtils.isVisible()).queryAll().isEmpty()));
        Label licence = robot.lookup("#style-card-cyclegan-horses").match(NodeQueryUtils.isVisible()).lookup(
                "#licence-cyclegan-horses").queryAs(Label.class);
        assertEquals("CC-BY-4.0", licence.getText());
        assertFalse(licence.getStyleClass().contains("badge-licence-unknown"));
        Node marker = robot.lookup("#style-card-cyclegan-horses").match(NodeQueryUtils.isVisible())
                .lookup(".badge-imported").query();
        assertTrue(marker.isVisible(), "the imported marker");

        // The Studio page previews the photo in it: the workspace renders with the new style.
        robot.clickOn("#nav-studio");
        waitFor("a result in the new style", 120, () -> onFx(() -> studio.workspace().resultProperty().get() != null
                && !studio.workspace().renderingProperty().get()));
        Thread.sleep(500);
        waitFor("the render to settle", 120, () -> onFx(() -> !studio.workspace().renderingProperty().get()));
        assertEquals("cyclegan-horses", onFx(() -> studio.gallery().selected().styleId()), "the style drew the photo");
        assertFalse(onFx(() -> studio.workspace().notifications().severityProperty().get()
                == dev.toonsmith.app.studio.notify.Severity.ERROR), onFx(() -> studio.workspace().notifications()
                .messageProperty().get()));
    }

    @Test
    void theDialogsImportButtonWaitsForALicence() throws Exception {
        ImportModelViewModel form = onFx(() -> studio.gallery().newModelImport(fixture("cyclegan-resnet.onnx")));
        ImportModelDialog dialog = onFx(() -> new ImportModelDialog(form, UiResources.texts(Locale.ENGLISH), null));
        // The button also waits while the model's metadata is read (this one has none of ours).
        waitFor("the model's metadata to be read", 30, () -> onFx(() -> !form.readingMetadataProperty().get()));
        onFx(() -> {
            Node ok = dialog.getDialogPane().lookupButton(dialog.importButtonType());
            assertTrue(ok.isDisabled(), "no licence yet");
            Label missing = (Label) dialog.getDialogPane().lookup("#import-model-missing");
            assertTrue(missing.getText().contains("licence"), missing.getText());
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> licenceBox =
                    (javafx.scene.control.ComboBox<String>) dialog.getDialogPane().lookup("#import-model-licence");
            assertTrue(licenceBox.getItems().contains("CC-BY-4.0"), "common licences to choose from");
            javafx.scene.control.TextField licence = licenceBox.getEditor();
            assertEquals("cyclegan-resnet",
                    ((javafx.scene.control.TextField) dialog.getDialogPane().lookup("#import-model-name")).getText());
            licence.setText("unknown");
            assertFalse(ok.isDisabled(), "'unknown' is an answer");
            assertEquals("unknown", form.licenceProperty().get(), "typed text counts at once, without Enter");
            ((javafx.scene.control.RadioButton) dialog.getDialogPane().lookup("#import-model-layout-nhwc")).fire();
            assertEquals(dev.toonsmith.engine.imported.ModelConvention.Layout.NHWC, form.layoutProperty().get());
            return null;
        });
    }

    @Test
    void aNameAnInstalledStyleHasIsRefusedInTheDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get()
                && studio.gallery().loadedProperty().get());
        robot.clickOn("#nav-styles");
        List<Path> before = styleFiles();
        String selectedBefore = onFx(() -> studio.gallery().selected().styleId());
        // A model that calls itself after an installed style: Toonsmith Default, exported as ONNX.
        dialogs.model = StudioFixtures.exportedDefaultStyle(work);
        dialogs.realModelDialog = true;
        robot.clickOn("#import-model");
        waitFor("the dialog, filled from the model", 60, () -> onFx(() -> dialogs.askedModelForm != null
                && !dialogs.askedModelForm.readingMetadataProperty().get()
                && robot.lookup(".import-model-dialog").tryQuery().isPresent()));
        javafx.scene.control.DialogPane pane = robot.lookup(".import-model-dialog")
                .queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.TextField name = (javafx.scene.control.TextField) pane.lookup("#import-model-name");
        Node ok = pane.lookup("#import-model-ok");
        Label missing = (Label) pane.lookup("#import-model-missing");
        assertEquals("Toonsmith Default (2)", onFx(name::getText), "a free name is proposed, not the installed one");
        assertFalse(onFx(ok::isDisabled), "the licence came with the model");

        // The user types the installed name back: Import waits, and the dialog says why in one line.
        robot.clickOn(name);
        onFx(() -> {
            name.selectAll();
            return null;
        });
        robot.write("toonsmith default");
        waitFor("the refusal", 10, () -> onFx(ok::isDisabled));
        assertTrue(onFx(missing::isVisible));
        assertEquals(UiResources.texts().format("style.nameTaken", "toonsmith default", "Toonsmith Default",
                "toonsmith default (2)"), onFx(missing::getText));

        // Another name: Import is offered again; Cancel leaves everything as it was.
        robot.write(" bold");
        waitFor("Import offered again", 10, () -> onFx(() -> !ok.isDisabled()));
        onFx(() -> {
            ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire();
            return null;
        });
        waitFor("the dialog to close", 30, () -> onFx(() -> robot.lookup(".import-model-dialog").tryQuery()
                .isEmpty()));
        assertEquals(before, styleFiles(), "nothing written");
        assertEquals(selectedBefore, onFx(() -> studio.gallery().selected().styleId()), "selection kept");
        assertEquals(1L, onFx(() -> studio.gallery().cards().stream()
                .filter(c -> c.name().equalsIgnoreCase("Toonsmith Default")).count()), "one Toonsmith Default");
    }
}
