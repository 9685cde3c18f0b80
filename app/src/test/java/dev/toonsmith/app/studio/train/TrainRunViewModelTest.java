package dev.toonsmith.app.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.cli.TrainCommand;
import dev.toonsmith.app.studio.TrainingFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.train.DataSources;
import dev.toonsmith.engine.train.TrainingEvent;
import dev.toonsmith.engine.train.TrainingOptions;
import dev.toonsmith.engine.train.TrainingRun;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run as the Train page shows it, without JavaFX's toolkit: from its folder, and from a live run's events. */
class TrainRunViewModelTest {

    @TempDir
    Path work;

    private UiQueue ui;
    private BackgroundTasks tasks;

    @BeforeEach
    void setUp() {
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
    }

    @AfterEach
    void tearDown() throws Exception {
        tasks.close();
        ui.close();
    }

    @Test
    void aPastRunShowsEveryStepItsSampleGridsAndItsCheckpoints() throws Exception {
        Path run = work.resolve("runs").resolve("tiny");
        TrainingOptions options = TrainCommand.newRunOptions(List.of("--size", "32", "--batch", "2", "--steps", "8",
                "--init-steps", "2", "--sample-every", "3", "--checkpoint-every", "4"));
        try (DataSources data = DataSources.load(TrainingFixtures.photos(work, 48),
                TrainingFixtures.cartoons(work, 64, 8), 32, (d, t) -> { });
                TrainingRun training = TrainingRun.builder().setRunFolder(run).setData(data).optOptions(options)
                        .build()) {
            training.start();
            assertTrue(training.await(Duration.ofMinutes(2)));
        }
        TrainRunViewModel[] vm = new TrainRunViewModel[1];
        ui.run(() -> {
            vm[0] = new TrainRunViewModel(UiResources.texts(Locale.ENGLISH), tasks, run, RunPhase.FINISHED);
            vm[0].loadHistory(Long.MAX_VALUE);
        });
        ui.settle(tasks);
        ui.run(() -> {
            TrainRunViewModel past = vm[0];
            assertEquals(8, past.charts().size(), "one point per step");
            assertTrue(past.charts().lossNames().containsAll(List.of("D_total", "G_total")),
                    past.charts().lossNames().toString());
            assertEquals(List.of("D_total", "G_total"), past.charts().lossNames().subList(0, 2), "totals first");
            assertEquals(6, past.charts().realScore().size(), "no verdicts in the two warm-up steps");
            assertEquals(List.of(3L, 6L, 8L), past.samples().stream().map(SampleGridItem::step).toList());
            assertEquals(8, past.shownSampleProperty().get().step(), "the newest grid is shown");
            assertEquals(List.of(4L, 8L), past.checkpoints().stream().map(c -> c.step()).toList());
            assertEquals(1.0, past.progressProperty().get());
            assertTrue(past.progressTextProperty().get().startsWith("Step 8 of 8 · epoch "),
                    past.progressTextProperty().get());
            past.compareProperty().set(true);
            past.compareIndexProperty().set(0);
            assertEquals(3, past.comparedSampleProperty().get().step());
        });
    }

    @Test
    void liveEventsDriveThePhaseTheChartsTheSamplesAndTheEventList() throws Exception {
        Path run = work.resolve("live");
        TrainRunViewModel[] vm = new TrainRunViewModel[1];
        ui.run(() -> vm[0] = new TrainRunViewModel(UiResources.texts(Locale.ENGLISH), tasks, run, RunPhase.LOADING));
        TrainRunViewModel live = vm[0];
        TrainingOptions options = TrainingOptions.defaults("cartoongan");
        ui.run(() -> live.apply(List.of(
                new TrainingEvent.Started(0, run, options, 0, 10, 12, List.of(), "CPU (2 threads)"),
                step(0, 1.0), step(1, 0.9), new TrainingEvent.Sample(2, run.resolve("samples/step-000002.png")),
                step(2, 0.8))));
        ui.settle(tasks);
        ui.run(() -> {
            assertEquals(RunPhase.RUNNING, live.phase());
            assertEquals(3, live.charts().size());
            assertEquals(0.8, live.charts().loss("G_total").last(), 1e-9);
            assertEquals(2, live.shownSampleProperty().get().step());
            assertTrue(live.deviceTextProperty().get().startsWith("CPU (2 threads) · "), live.deviceTextProperty().get());
            assertTrue(live.speedTextProperty().get().contains("images/s"), live.speedTextProperty().get());
            // The user scrubs back: a new grid must not pull the view away from the one being looked at.
            live.apply(List.of(new TrainingEvent.Sample(4, run.resolve("samples/step-000004.png"))));
            assertEquals(4, live.shownSampleProperty().get().step(), "following the newest grid");
            live.sampleIndexProperty().set(0);
            live.apply(List.of(new TrainingEvent.Sample(6, run.resolve("samples/step-000006.png"))));
            assertEquals(2, live.shownSampleProperty().get().step());
            live.sampleIndexProperty().set(2);
            live.apply(List.of(new TrainingEvent.Sample(8, run.resolve("samples/step-000008.png"))));
            assertEquals(8, live.shownSampleProperty().get().step(), "following the newest again");

            live.apply(List.of(new TrainingEvent.Paused(6)));
            assertEquals(RunPhase.PAUSED, live.phase());
            assertEquals("Paused: no images/s, no time left until it resumes.", live.speedTextProperty().get(),
                    "a paused run shows no stale speed or time left");
            live.apply(List.of(new TrainingEvent.Resumed(6), new TrainingEvent.NonFinite(7, "G_adv", 0.5, 1)));
            assertEquals(RunPhase.RUNNING, live.phase());
            RunLogEntry problem = live.log().get(live.log().size() - 1);
            assertTrue(problem.problem() && problem.text().contains("G_adv") && problem.text().contains("0.500"),
                    problem.toString());
            live.apply(List.of(new TrainingEvent.Failed(7, "disk full")));
            assertEquals(RunPhase.FAILED, live.phase());
            assertTrue(live.log().get(live.log().size() - 1).text().contains("disk full"));
            assertEquals("", live.speedTextProperty().get(), "no speed for a run that is over");
            assertNull(live.run());
        });
    }

    @Test
    void stepsThatArriveWhileTheHistoryIsReadGoAfterIt() throws Exception {
        Path run = work.resolve("resumed");
        TrainRunViewModel[] vm = new TrainRunViewModel[1];
        ui.run(() -> vm[0] = new TrainRunViewModel(UiResources.texts(Locale.ENGLISH), tasks, run, RunPhase.LOADING));
        TrainRunViewModel live = vm[0];
        // A resumed run at step 5 whose folder cannot be read: the live steps must still be charted.
        ui.run(() -> live.apply(List.of(new TrainingEvent.Started(5, run,
                TrainingOptions.defaults("cartoongan"), 5, 10, 12, List.of(), "CPU"), step(5, 0.5), step(6, 0.4))));
        ui.settle(tasks);
        ui.run(() -> {
            assertEquals(2, live.charts().size());
            assertFalse(live.log().stream().noneMatch(RunLogEntry::problem), "the unreadable history is reported");
        });
    }

    @Test
    void aRunThatSlowsDownWellBelowItsUsualSpeedSaysSoNextToTheTimeLeft() throws Exception {
        Path run = work.resolve("busy");
        TrainRunViewModel[] vm = new TrainRunViewModel[1];
        ui.run(() -> vm[0] = new TrainRunViewModel(UiResources.texts(Locale.ENGLISH), tasks, run, RunPhase.LOADING));
        TrainRunViewModel live = vm[0];
        ui.run(() -> live.apply(List.of(new TrainingEvent.Started(0, run, TrainingOptions.defaults("cartoongan"), 0,
                10, 12, List.of(), "CPU"))));
        // Steps are charted once the (here empty) history has been read.
        ui.settle(tasks);
        ui.run(() -> {
            for (int s = 0; s < 100; s++) {
                live.apply(List.of(step(s, 1, 10, Duration.ofMinutes(5))));
            }
            assertEquals("10.0 images/s · 5 min 00 s left", live.speedTextProperty().get());
            for (int s = 100; s < 120; s++) {
                live.apply(List.of(step(s, 1, 3, Duration.ofMinutes(21))));
            }
            assertTrue(live.speedTextProperty().get().startsWith("3.0 images/s · 21 min 00 s left · slower than this "
                    + "run’s usual 10.0 images/s: the computer is probably busy"), live.speedTextProperty().get());
        });
        ui.settle(tasks);
    }

    private static TrainingEvent.Step step(long step, double g, double imagesPerSecond, Duration left) {
        return new TrainingEvent.Step(step, 1000, 1, 2e-4, Map.of("D_total", 0.5, "G_total", g), 0.7, 0.3,
                imagesPerSecond, left);
    }

    private static TrainingEvent.Step step(long step, double g) {
        return new TrainingEvent.Step(step, 100, 1, 2e-4, Map.of("D_total", 0.5, "G_total", g, "G_adv", g / 2), 0.7,
                0.3, 12.5, Duration.ofSeconds(90));
    }
}
