package dev.toonsmith.app.studio.gallery;

import static dev.toonsmith.app.studio.StudioWaits.onFx;

import dev.toonsmith.app.studio.StudioWaits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.notify.Severity;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.model.CartoonGanSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * "Export as ONNX…" on the Styles page's cards driven like a user drives it, headless (Monocle): a tiny cartoongan
 * style is written where the (scripted) save dialog says, from the card's button and from its context menu; an
 * imported model's card has the action disabled and says why; a folder that cannot be written is named in the
 * notification bar.
 */
@ExtendWith(ApplicationExtension.class)
class StyleCardOnnxExportUiTest {

    private static final String CARTOON_ID = "tiny-cartoongan";
    private static final String IMPORTED_NAME = "Imported CycleGAN";

    @TempDir
    Path work;

    private Studio studio;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, CARTOON_ID, "Tiny CartoonGAN", new CartoonGanSpec(4, 2), 0);
        StudioFixtures.installImportedStyle(home, IMPORTED_NAME);
        Studio.Config config = StudioFixtures.config(home, dialogs);
        StudioOptions options = new StudioOptions(null, null, null, null, 1400, 950, false, null, false);
        studio = Studio.open(stage, config, options);
    }

    @AfterEach
    void stop() throws Exception {
        StudioWaits.close(studio);
    }

    private void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        StudioWaits.waitFor(studio, "StyleCardOnnxExportUiTest", what, seconds, condition);
    }


    private String message() throws Exception {
        return onFx(() -> studio.workspace().notifications().messageProperty().get());
    }

    /** The text of the tooltip on screen, or null. */
    private static String showingTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst().orElse(null);
    }

    private Node visible(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
    }

    @Test
    void aCartoonGanStyleIsExportedFromItsCardAndAnImportedModelsCardSaysWhyNot(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get()
                && studio.gallery().loadedProperty().get());
        robot.clickOn("#nav-styles");
        String importedId = onFx(() -> studio.gallery().cards().stream().filter(c -> IMPORTED_NAME.equals(c.name()))
                .findFirst().orElseThrow().styleId());

        // An imported model: the button is there but disabled, and its tooltip says why.
        Button importedExport = (Button) visible(robot, "#onnx-export-" + importedId);
        assertTrue(importedExport.isDisabled(), "imported models cannot be exported");
        robot.moveTo(importedExport);
        waitFor("the tooltip over the disabled button", 10, () -> onFx(() -> "Imported models cannot be exported to ONNX"
                .equals(showingTooltip())));
        robot.moveTo("#nav-styles");
        Button export = (Button) visible(robot, "#onnx-export-" + CARTOON_ID);
        assertFalse(export.isDisabled());

        // The cartoongan style from its card's button: the proposed name, the file, where it went.
        Path target = work.resolve("exports").resolve("tiny.onnx");
        dialogs.onnxTarget = target;
        robot.clickOn(export);
        waitFor("the export's notification", 60, () -> message().contains(target.toString()));
        assertEquals(CARTOON_ID + ".onnx", dialogs.proposedOnnx.getFileName().toString());
        assertEquals(Severity.INFO, onFx(() -> studio.workspace().notifications().severityProperty().get()));
        assertTrue(Files.isRegularFile(target), "written");
        assertTrue(Files.size(target) > 0, "not empty");

        // The same from the card's context menu.
        Path fromMenu = work.resolve("exports").resolve("from-menu.onnx");
        dialogs.onnxTarget = fromMenu;
        // Monocle turns no right click into a context-menu request (the platform does that), so the request the
        // platform would send is sent to the card directly.
        Node cartoonCard = visible(robot, "#style-card-" + CARTOON_ID);
        onFx(() -> {
            Bounds b = cartoonCard.localToScreen(cartoonCard.getBoundsInLocal());
            double x = b.getMinX() + b.getWidth() / 2;
            double y = b.getMinY() + b.getHeight() / 2;
            Point2D local = cartoonCard.screenToLocal(x, y);
            Event.fireEvent(cartoonCard, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(),
                    local.getY(), x, y, false, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Export as ONNX…");
        waitFor("the context menu's export", 60, () -> message().contains(fromMenu.toString()));
        assertTrue(Files.size(fromMenu) > 0, "written from the context menu");

        // A place that cannot be written: the path and why, in one line.
        Path blocker = Files.writeString(work.resolve("blocker"), "a file where a folder should be");
        dialogs.onnxTarget = blocker.resolve("tiny.onnx");
        robot.clickOn(export);
        waitFor("the failure's notification", 60, () -> onFx(() -> studio.workspace().notifications()
                .severityProperty().get() == Severity.ERROR));
        String failure = message();
        assertTrue(failure.contains(blocker.toString()) && !failure.contains("\n"), failure);
        assertFalse(Files.exists(blocker.resolve("tiny.onnx")));
    }
}
