package dev.toonsmith.app.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.canvas.ImageCanvas;
import dev.toonsmith.app.studio.notify.NotificationView;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.settings.Theme;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Slider;
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

/**
 * The studio window driven like a user drives it, headless (Monocle): samples, style cards, sliders, zoom,
 * split view, export, and a corrupt file.
 */
@ExtendWith(ApplicationExtension.class)
class StudioUiTest {

    @TempDir
    Path work;

    private Studio studio;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        Studio.Config config = StudioFixtures.config(home, dialogs);
        StudioOptions options = new StudioOptions(null, null, "Clean cel", null, 1400, 1100, false, null, false);
        studio = Studio.open(stage, config, options);
    }

    @AfterEach
    void stop() throws Exception {
        settle();
        WaitForAsyncUtils.asyncFx(studio::close).get(30, TimeUnit.SECONDS);
    }

    /** Waits until the engine is ready, no work runs, and the FX thread has shown every result. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get());
        for (int quiet = 0; quiet < 2; ) {
            WaitForAsyncUtils.waitForFxEvents();
            if (!studio.tasks().awaitIdle(Duration.ofSeconds(60))) {
                StringBuilder dump = new StringBuilder("background work did not finish within a minute:");
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    if (t.getName().startsWith("toonsmith-worker")) {
                        dump.append('\n').append(t.getName()).append(' ').append(t.getState());
                        for (StackTraceElement e : stack) {
                            dump.append("\n    at ").append(e);
                        }
                    }
                });
                throw new AssertionError(dump.toString());
            }
            WaitForAsyncUtils.waitForFxEvents();
            quiet = studio.tasks().busy() ? 0 : quiet + 1;
        }
    }

    private ImageCanvas canvas(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ImageCanvas.class);
    }

    private Raster after(FxRobot robot) {
        return canvas(robot, "#after-canvas").rasterProperty().get();
    }

    private void openSample(FxRobot robot, String name) throws Exception {
        settle();
        robot.clickOn("#sample-" + name);
        settle();
    }

    @Test
    void aFirstLaunchShowsASampleInTheDefaultStyleAtOnce(FxRobot robot) throws Exception {
        settle();
        // Every test starts in a new user data folder: a first launch.
        assertEquals(512, canvas(robot, "#before-canvas").rasterProperty().get().width(), "Grace Hopper is open");
        assertEquals(dev.toonsmith.engine.style.StyleLibrary.DEFAULT_ID, studio.workspace().gallery().selected().styleId());
        assertNotNull(after(robot), "and her cartoon is shown");
    }

    @Test
    void openASamplePickAStyleAndEverySliderChangesTheAfterCanvas(FxRobot robot) throws Exception {
        openSample(robot, "coffee");
        Raster noStyle = after(robot);
        assertNotNull(noStyle, "the after canvas shows the result");
        assertEquals(600, canvas(robot, "#before-canvas").rasterProperty().get().width());

        robot.clickOn("#style-card-" + StudioFixtures.STYLE_ID);
        settle();
        assertEquals(StudioFixtures.STYLE_ID, studio.workspace().gallery().selected().styleId());
        assertFalse(Arrays.equals(noStyle.bgraPremultiplied(), after(robot).bgraPremultiplied()));

        for (String slider : new String[] {"strength", "outlines", "outline-width", "colors", "smoothing", "saturation"}) {
            Slider control = robot.lookup("#" + slider + "-slider").queryAs(Slider.class);
            double before = control.getValue();
            byte[] shown = after(robot).bgraPremultiplied();
            Node thumb = control.lookup(".thumb");
            double fraction = (before - control.getMin()) / (control.getMax() - control.getMin());
            robot.drag(thumb).moveBy(fraction > 0.5 ? -45 : 45, 0).drop();
            settle();
            assertNotEquals(before, control.getValue(), slider + " did not move");
            assertFalse(Arrays.equals(shown, after(robot).bgraPremultiplied()), slider + " left the picture as it was");
        }
        assertTrue(studio.workspace().adjustments().canUndoProperty().get());
    }

    @Test
    void zoomingOneCanvasZoomsTheOther(FxRobot robot) throws Exception {
        openSample(robot, "cat");
        ImageCanvas before = canvas(robot, "#before-canvas");
        ImageCanvas afterCanvas = canvas(robot, "#after-canvas");
        double widthBefore = before.displayedWidth();
        assertEquals(widthBefore, afterCanvas.displayedWidth(), 0.5);

        robot.moveTo(before).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();

        assertNotEquals(widthBefore, before.displayedWidth(), 0.5);
        assertEquals(before.displayedWidth(), afterCanvas.displayedWidth(), 0.5);
        assertEquals(before.displayedX(), afterCanvas.displayedX(), 0.5);

        robot.clickOn("#zoom-actual");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(451, before.displayedWidth(), 0.5, "100 % is one photo pixel per screen pixel");
        assertEquals(451, afterCanvas.displayedWidth(), 0.5);
    }

    @Test
    void theSplitViewsDividerFollowsTheMouse(FxRobot robot) throws Exception {
        openSample(robot, "city");
        robot.clickOn("#split-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(studio.workspace().splitViewProperty().get());
        Node handle = robot.lookup("#split-handle").query();
        double x = handle.getLayoutX();

        robot.drag(handle).moveBy(-150, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(studio.workspace().splitPositionProperty().get() < 0.45,
                "divider at " + studio.workspace().splitPositionProperty().get());
        assertEquals(x - 150, handle.getLayoutX(), 3);
    }

    @Test
    void exportWritesAFileOfThePhotosFullSize(FxRobot robot) throws Exception {
        openSample(robot, "astronaut");
        robot.clickOn("#style-card-" + StudioFixtures.STYLE_ID);
        settle();
        Path target = work.resolve("astronaut_test-lite.png");
        dialogs.exportTarget = target;

        robot.clickOn("#export-button");
        settle();

        assertEquals(StudioFixtures.sample("astronaut_test-lite.png"), dialogs.proposedExport);
        try (Image written = ImageReader.read(target)) {
            assertEquals(512, written.width());
            assertEquals(512, written.height());
        }
        assertTrue(studio.workspace().notifications().messageProperty().get().contains("Exported"));
    }

    @Test
    void aCorruptFileShowsTheErrorNotificationAndTheStudioKeepsWorking(FxRobot robot) throws Exception {
        openSample(robot, "cat");
        dialogs.image = StudioFixtures.corruptJpeg(work);

        robot.push(KeyCode.CONTROL, KeyCode.O);
        settle();

        NotificationView bar = robot.lookup("#notifications").queryAs(NotificationView.class);
        assertTrue(bar.isShowing(), "the notification is shown");
        assertTrue(bar.getText().contains("holiday.jpg"), bar.getText());
        assertEquals(451, canvas(robot, "#before-canvas").rasterProperty().get().width(), "the photo stays");

        openSample(robot, "city");
        assertEquals(720, canvas(robot, "#before-canvas").rasterProperty().get().width());
        assertNotNull(after(robot));
    }

    @Test
    void theThemeFollowsTheSettingAndIsRemembered(FxRobot robot) throws Exception {
        settle();
        WaitForAsyncUtils.asyncFx(() -> studio.themeProperty().set(Theme.DARK)).get(10, TimeUnit.SECONDS);
        assertTrue(studio.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        WaitForAsyncUtils.asyncFx(studio::saveSettings).get(10, TimeUnit.SECONDS);
        assertTrue(Files.readString(work.resolve("home/studio-settings.json")).contains("\"dark\""));
    }
}
