package dev.toonsmith.app.studio.batch;

import static dev.toonsmith.app.studio.StudioWaits.onFx;

import dev.toonsmith.app.studio.StudioWaits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Batch page driven like a user drives it, headless (Monocle): a folder of photos and a broken JPEG added with
 * the buttons, an output folder chosen, a real batch with a real (untrained) style, and the finished queue read off
 * the screen.
 */
@ExtendWith(ApplicationExtension.class)
class BatchPageUiTest {

    @TempDir
    Path work;

    private Studio studio;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Path photos;
    private Path broken;
    private Path out;

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        photos = work.resolve("photos");
        for (String name : List.of("cat.jpg", "city.jpg", "mountains.jpg")) {
            smallCopy(name, photos);
        }
        broken = StudioFixtures.corruptJpeg(Files.createDirectories(work.resolve("elsewhere")));
        out = work.resolve("cartoons");
        dialogs.folders.put("Add a folder to the batch", photos);
        dialogs.folders.put("Folder for the batch’s results", out);
        dialogs.images = List.of(broken);
        Studio.Config config = StudioFixtures.config(home, dialogs);
        StudioOptions options = new StudioOptions(null, StudioFixtures.STYLE_ID, null, null, 1400, 950, false, null,
                false);
        studio = Studio.open(stage, config, options);
    }

    /** A sample photo 160 px wide, so that the batch takes seconds. */
    private static void smallCopy(String name, Path folder) throws Exception {
        Files.createDirectories(folder);
        try (Image sample = ImageReader.read(StudioFixtures.sample(name))) {
            Mat resized = new Mat();
            Imgproc.resize(sample.mat(), resized, new Size(160, Math.round(160.0 * sample.height() / sample.width())),
                    0, 0, Imgproc.INTER_AREA);
            try (Image small = Image.wrap(resized)) {
                ImageWriter.write(small, folder.resolve(name), WriteOptions.defaults());
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        StudioWaits.close(studio);
    }


    private void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        StudioWaits.waitFor(studio, "BatchPageUiTest", what, seconds, condition,
                () -> "the page says: '" + studio.batch().messageProperty().get() + "', rows " + studio.batch().rows());
    }

    @Test
    void aFolderWithABrokenPhotoIsCartoonizedAndTheFailureIsListedWithItsReason(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get());
        robot.clickOn("#nav-batch");
        assertEquals(StudioFixtures.STYLE_ID, onFx(() -> studio.batch().styleProperty().get().styleId()),
                "the page starts from the Studio page's style");

        assertTrue(robot.lookup("#batch-start").queryButton().isDisabled(), "nothing to start yet");
        assertEquals("Add photos or a folder to start.", text(robot, "#batch-start-hint"));

        robot.clickOn("#batch-add-folder");
        robot.clickOn("#batch-add-files");
        waitFor("the folder and the file to be listed", 30, () -> onFx(() -> studio.batch().rows().size() == 4));
        assertEquals(photos.resolve("cartoons").toString(), text(robot, "#batch-output-folder"),
                "an output folder is proposed beside the photos");
        assertEquals(studio.texts().get("batch.output.suggested.beside"), text(robot, "#batch-output-note"));
        assertFalse(robot.lookup("#batch-start").queryButton().isDisabled());
        assertEquals("", text(robot, "#batch-start-hint"));

        // A file chosen by mistake: the field is marked, its reason beside it, Start disabled until a folder comes.
        Path file = Files.writeString(work.resolve("notes.txt"), "not a folder");
        dialogs.folders.put("Folder for the batch’s results", file);
        robot.clickOn("#batch-choose-output");
        assertTrue(robot.lookup("#batch-output-problem").queryAs(Label.class).isVisible());
        assertTrue(text(robot, "#batch-output-problem").startsWith(file + " is a file, not a folder"));
        assertTrue(robot.lookup("#batch-output-folder").queryAs(Label.class).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("problem")), "the field is marked");
        assertTrue(robot.lookup("#batch-start").queryButton().isDisabled());
        assertEquals("Choose another output folder to start.", text(robot, "#batch-start-hint"));
        dialogs.folders.put("Folder for the batch’s results", out);
        robot.clickOn("#batch-choose-output");
        assertEquals(out.toString(), text(robot, "#batch-output-folder"));
        assertFalse(robot.lookup("#batch-output-problem").queryAs(Label.class).isVisible(), "cleared at once");
        assertFalse(robot.lookup("#batch-output-folder").queryAs(Label.class).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("problem")));
        assertFalse(robot.lookup("#batch-output-note").queryAs(Label.class).isVisible(), "chosen, not proposed");

        robot.clickOn("#batch-start");
        waitFor("the batch to finish", 120, () -> onFx(() -> studio.batch().reportProperty().get() != null
                && !studio.batch().runningProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();

        List<BatchRow> rows = onFx(() -> List.copyOf(studio.batch().rows()));
        assertEquals(List.of(RowStatus.DONE, RowStatus.DONE, RowStatus.DONE, RowStatus.FAILED),
                rows.stream().map(BatchRow::status).toList(), rows.toString());
        for (String name : List.of("cat", "city", "mountains")) {
            assertTrue(Files.isRegularFile(out.resolve(name + "_test-lite.jpg")), name + " was written");
        }

        // The failed row as the table shows it: its status, and its reason in full.
        Set<Node> failedRows = robot.lookup(".batch-row-failed").queryAll();
        assertEquals(1, failedRows.size(), "one row is marked failed");
        @SuppressWarnings("unchecked")
        TableRow<BatchRow> failed = (TableRow<BatchRow>) failedRows.iterator().next();
        List<String> cells = failed.lookupAll(".table-cell").stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && !t.isEmpty()).toList();
        assertTrue(cells.contains("holiday.jpg"), cells.toString());
        assertTrue(cells.contains("failed"), cells.toString());
        assertTrue(cells.stream().anyMatch(t -> t.startsWith("Cannot read holiday.jpg: the file is truncated")),
                cells.toString());

        String progress = robot.lookup("#batch-progress-text").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("4 of 4 · finished in "), progress);
        assertEquals(1.0, robot.lookup("#batch-progress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        Label failures = robot.lookup("#batch-failures").queryAs(Label.class);
        assertTrue(failures.isVisible());
        assertTrue(failures.getText().startsWith("1 failed: Cannot read holiday.jpg"), failures.getText());
        assertFalse(robot.lookup("#batch-start").queryButton().isDisabled(), "a new batch may start");
        assertTrue(robot.lookup("#batch-cancel").queryButton().isDisabled());

        // A finished row: double-click previews its result in a window; its menu copies the result's path.
        Node catRow = robot.lookup(".batch-row-done").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getItem() != null
                        && ((BatchRow) ((TableRow<?>) n).getItem()).name().equals("cat.jpg"))
                .findFirst().orElseThrow();
        robot.doubleClickOn(catRow);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "cat.jpg: result".equals(s.getTitle()))));
        Stage preview = onFx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "cat.jpg: result".equals(s.getTitle())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> preview.getScene().getRoot()
                .lookup(".image-view") instanceof ImageView v && v.getImage() != null));
        robot.interact(preview::close);

        robot.rightClickOn(catRow);
        robot.clickOn(robot.lookup(".context-menu").lookup((Node n) -> n instanceof Labeled l
                && studio.texts().get("batch.row.copyPath").equals(l.getText())).queryAs(Node.class));
        assertEquals(out.resolve("cat_test-lite.jpg").toString(), onFx(() -> Clipboard.getSystemClipboard().getString()));

        // Headless, the system cannot open folders: the page shows where the results are, with a Copy button.
        robot.clickOn("#batch-open-output");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#batch-unopened-folder").queryAs(TextField.class).isVisible()));
        assertEquals(out.toString(), robot.lookup("#batch-unopened-folder").queryAs(TextField.class).getText());
        onFx(() -> {
            Clipboard.getSystemClipboard().clear();
            return null;
        });
        robot.clickOn("#batch-copy-folder");
        assertEquals(out.toString(), onFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }
}
