package dev.toonsmith.app.studio.train;

import static dev.toonsmith.app.studio.StudioWaits.onFx;

import dev.toonsmith.app.studio.StudioWaits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.TrainingFixtures;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.train.CheckpointInfo;
import dev.toonsmith.engine.train.RunFolder;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
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
 * The Train page driven like a user drives it, headless (Monocle), on a real run of a tiny generator on real
 * images: the wizard, live charts and samples, pause and resume, stop with a checkpoint, a checkpoint exported to
 * the gallery and tried on in the Studio, and the finished run reopened from the list.
 */
@ExtendWith(ApplicationExtension.class)
class TrainPageUiTest {

    @TempDir
    Path work;

    private Studio studio;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Path photos;
    private Path cartoons;

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        photos = TrainingFixtures.photos(work, 48);
        cartoons = TrainingFixtures.cartoons(work, 64, 10);
        dialogs.folders.put("Photos", photos);
        dialogs.folders.put("Cartoons", cartoons);
        Studio.Config config = StudioFixtures.config(home, dialogs);
        StudioOptions options = new StudioOptions(null, null, null, null, 1400, 950, false, null, false);
        studio = Studio.open(stage, config, options);
    }

    @AfterEach
    void stop() throws Exception {
        StudioWaits.close(studio);
    }

    private void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        StudioWaits.waitFor(studio, "TrainPageUiTest", what, seconds, condition,
                () -> "the page says: '" + studio.train().messageProperty().get() + "'; the studio: '"
                        + studio.workspace().notifications().messageProperty().get() + "'; showing "
                        + studio.train().showingProperty().get() + " " + (shownNow() == null ? "no run"
                                : shownNow().name() + " " + shownNow().phase() + " with " + shownNow().charts().size()
                                + " steps, " + shownNow().log()));
    }


    private TrainRunViewModel shown() throws Exception {
        return onFx(this::shownNow);
    }

    /** The run shown; FX thread only. */
    private TrainRunViewModel shownNow() {
        return studio.train().shownProperty().get();
    }

    /**
     * Opens the wizard, chooses the two folders and starts a tiny run: 32 px crops, a sample grid every 2 steps, a
     * checkpoint every 5, and steps enough to pause and stop it on the way.
     */
    private void startTinyRun(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get());
        robot.clickOn("#nav-train");
        robot.clickOn("#new-run");
        robot.clickOn("#choose-photos");
        robot.clickOn("#choose-cartoons");
        NewRunViewModel wizard = studio.train().wizard();
        onFx(() -> {
            wizard.sizeProperty().set(32);
            wizard.stepsProperty().set(5000);
            wizard.runNameProperty().set(name);
            for (AdvancedOption o : wizard.advanced()) {
                switch (o.name()) {
                    case "sample-every" -> o.valueProperty().set("2");
                    case "checkpoint-every" -> o.valueProperty().set("5");
                    case "init-steps" -> o.valueProperty().set("2");
                    case "batch" -> o.valueProperty().set("2");
                    // The palette's k-means at the start is not what this test is about.
                    case "palette" -> o.valueProperty().set("0");
                    default -> { }
                }
            }
            return null;
        });
        waitFor("the wizard to accept both folders", 60, () -> onFx(() -> wizard.refusalProperty().get().isEmpty()));
        assertFalse(robot.lookup("#photos-thumbnails").queryAs(javafx.scene.layout.Pane.class).getChildren().isEmpty(),
                "the photo folder shows thumbnails");
        robot.clickOn("#start-run");
    }

    @Test
    void aRunFromTheWizardToAStyleInTheGallery(FxRobot robot) throws Exception {
        startTinyRun(robot, "tiny");
        waitFor("the run to train", 120, () -> shown() != null && shown().phase() == RunPhase.RUNNING);
        TrainRunViewModel live = shown();
        waitFor("the loss chart to gain points", 120, () -> onFx(() -> studio.trainView().runView().lossPointsDrawn() > 4));
        int firstPoints = onFx(() -> studio.trainView().runView().lossPointsDrawn());
        waitFor("a sample grid", 120, () -> onFx(() -> robot.lookup("#sample-grid").queryAs(SampleTiles.class)
                .grid() != null));
        waitFor("more points", 120, () -> onFx(() -> studio.trainView().runView().lossPointsDrawn() > firstPoints));

        robot.clickOn("#stop-run");
        waitFor("the run to stop", 120, () -> live.phase() == RunPhase.STOPPED);
        long stoppedAt = onFx(live::step);
        RunFolder folder = new RunFolder(studio.config().directories().runs().resolve("tiny"));
        assertTrue(folder.checkpoint(stoppedAt).isPresent(), "stopping wrote a checkpoint of the last step, "
                + stoppedAt + ": " + folder.checkpointInfos());
        waitFor("the checkpoints list", 30, () -> onFx(() -> !live.checkpoints().isEmpty()));

        CheckpointInfo last = onFx(() -> live.checkpoints().get(live.checkpoints().size() - 1));
        robot.clickOn("#tab-checkpoints");
        dialogs.styleDetails = new TrainViewModel.StyleDetails("My tiny toon", "tests", "CC0-1.0");
        String selectedBeforeExport = onFx(() -> studio.gallery().selected().styleId());
        // The list keeps an invisible cell for measuring; click the one the user sees.
        waitFor("the checkpoint's export button", 30, () -> onFx(() -> !robot.lookup("#export-" + last.step())
                .match(NodeQueryUtils.isVisible()).queryAll().isEmpty()));
        robot.clickOn(robot.lookup("#export-" + last.step()).match(NodeQueryUtils.isVisible()).queryAs(Button.class));
        waitFor("the exported style in the gallery", 60, () -> onFx(() -> studio.gallery().cards().stream()
                .anyMatch(c -> c.name().equals("My tiny toon"))));
        assertTrue(Files.list(studio.config().directories().styles()).anyMatch(f -> f.toString().endsWith(".toon")),
                "the style is a file of the user's styles folder");
        // One message for the one action, on the page where it happened; the Studio's pick is left alone.
        waitFor("the export's message", 30, () -> onFx(() -> studio.train().messageProperty().get()).equals(
                UiResources.texts().format("train.export.done", "My tiny toon", last.step())));
        assertFalse(onFx(() -> studio.workspace().notifications().messageProperty().get()).contains("Imported"),
                "no second \"Imported the style…\" in the notification bar");
        assertEquals(selectedBeforeExport, onFx(() -> studio.gallery().selected().styleId()));
        assertEquals(new TrainViewModel.StyleDetails("tiny", "", ""), dialogs.proposedStyleDetails,
                "the run's name; no author (never the login name) and no licence on a first export");
        assertEquals("tests", onFx(() -> studio.gallery().credits().authorProperty().get()), "remembered");

        // The run, reopened from the list, shows its charts from its files.
        onFx(() -> {
            studio.train().refreshRuns();
            return null;
        });
        waitFor("the run in the list", 30, () -> onFx(() -> studio.train().runs().size() == 1));
        robot.clickOn("#new-run");
        robot.clickOn(robot.lookup("#runs-list .run-name").queryLabeled());
        waitFor("the past run's charts", 60, () -> onFx(() -> shown() != live
                && studio.trainView().runView().lossPointsDrawn() > 4));
        assertNotSame(live, shown());
        assertEquals(RunPhase.STOPPED, shown().phase());

        // A checkpoint tried on in the Studio: the workspace comes to the front with it selected.
        robot.clickOn("#tab-checkpoints");
        waitFor("the reopened run's checkpoints", 30, () -> onFx(() -> !shown().checkpoints().isEmpty()));
        long step = onFx(() -> shown().checkpoints().get(0).step());
        robot.clickOn(robot.lookup("#preview-" + step).queryAs(Button.class));
        waitFor("the preview style in the Studio", 60, () -> onFx(() -> studio.gallery().selected().entry() != null
                && studio.gallery().selected().entry().source() == dev.toonsmith.engine.style.StyleSource.PREVIEW));
    }

    @Test
    void pausingShowsPausedInTheBadgeTheRunsListAndTheHeaderAndResumingHasOneName(FxRobot robot) throws Exception {
        startTinyRun(robot, "pausable");
        waitFor("the run to train", 120, () -> shown() != null && shown().phase() == RunPhase.RUNNING);
        TrainRunViewModel live = shown();
        waitFor("the run in the list, training now", 60, () -> onFx(() -> "training now".equals(liveState(robot))));
        waitFor("the header's speed", 120, () -> onFx(() -> text(robot, "#run-speed").contains("images/s")));
        waitFor("sample tiles", 120, () -> onFx(() -> robot.lookup("#sample-tile-0").tryQuery().isPresent()));

        robot.clickOn("#pause-run");
        waitFor("the run to pause", 60, () -> live.phase() == RunPhase.PAUSED);
        long pausedAt = onFx(live::step);
        waitFor("the runs list to say paused", 10, () -> onFx(() -> liveState(robot).startsWith("paused at step ")));
        assertEquals("Paused", onFx(() -> text(robot, "#run-phase")), "the badge");
        assertEquals("paused at step " + pausedAt, onFx(() -> liveState(robot)), "the runs list");
        assertEquals("Paused: no images/s, no time left until it resumes.", onFx(() -> text(robot, "#run-speed")),
                "the header shows no stale images/s or time left");
        Thread.sleep(600);
        assertEquals(pausedAt, (long) onFx(live::step), "a paused run trains no further");

        // While paused nothing changes under the mouse. The samples fill their panel, and a click on a pair
        // enlarges it until Esc.
        double edge = onFx(() -> robot.lookup("#sample-grid").queryAs(SampleTiles.class).tileEdge());
        assertTrue(edge >= 100, "tiles large enough to see, not 65 px: " + edge);
        robot.clickOn("#sample-tile-0");
        assertTrue(onFx(() -> studio.trainView().runView().zoomShown()), "the pair is shown enlarged");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertFalse(onFx(() -> studio.trainView().runView().zoomShown()), "Esc closes it");

        // Hovering a point of the loss chart reads its value out.
        waitFor("the loss chart's points", 60, () -> onFx(() -> studio.trainView().runView().lossPointsDrawn() > 4));
        var point = onFx(() -> studio.trainView().runView().lossChart().shownPoint());
        assertTrue(point != null && point.getValue() != null, "a point drawn on screen: " + point);
        robot.moveTo(point.getValue().add(3, 3));
        waitFor("the hover read-out", 10, () -> onFx(() -> {
            String readout = studio.trainView().runView().lossChart().readoutText();
            return readout.matches("(?s)step \\d+\n.*") && readout.contains(point.getKey() + "  ");
        }));

        // One name for going on, in the header and under the runs list.
        robot.clickOn(robot.lookup("#runs-list .run-name").queryLabeled());
        waitFor("the list's resume button to apply to the paused run", 10,
                () -> onFx(() -> !robot.lookup("#resume-selected").queryButton().isDisabled()));
        assertEquals("Resume training", onFx(() -> robot.lookup("#resume-run").queryButton().getText()));
        assertEquals("Resume training", onFx(() -> robot.lookup("#resume-selected").queryButton().getText()));
        assertEquals("Resume training", onFx(() -> robot.lookup("#continue-run").queryButton().getText()),
                "a stopped run's button has the same name");
        robot.clickOn("#resume-selected");
        waitFor("the run to go on", 60, () -> onFx(live::step) > pausedAt);
        assertEquals("Training", onFx(() -> text(robot, "#run-phase")));
        waitFor("the list to say training again", 10, () -> onFx(() -> "training now".equals(liveState(robot))));
    }

    /** The live run's state line in the runs list; FX thread only. */
    private static String liveState(FxRobot robot) {
        return robot.lookup("#live-run-state").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText())
                .orElse("");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void closingWhileARunTrainsAsksFirst(FxRobot robot) throws Exception {
        startTinyRun(robot, "asks");
        waitFor("the run to train", 120, () -> shown() != null && shown().phase() == RunPhase.RUNNING);
        dialogs.confirmQuit = false;
        assertFalse(onFx(studio::confirmClose), "the user said no: the window stays");
        assertEquals(1, dialogs.quitQuestions);
        assertEquals(RunPhase.RUNNING, shown().phase(), "and the run goes on");
        // Closing the studio (the test's end) stops the run with a checkpoint, as quitting does.
    }
}
