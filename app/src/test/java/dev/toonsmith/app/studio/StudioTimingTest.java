package dev.toonsmith.app.studio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.PreviewRender;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.RenderStage;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.workspace.WorkspaceViewModel;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Not a test: the measurement behind the studio's latency figures, run on demand with
 * {@code -Dtoonsmith.timing=true}, on an untrained style of the default {@code lite} shape (or
 * {@code -Dtoonsmith.timing.style=FILE.toon} for a trained one: the cost is the same). It times
 * the ViewModel from a change to the new result being handed to the UI thread, for a photo whose preview is
 * 1024 px wide, and prints medians: for a style change the first picture (the draft) and the 1024 px
 * preview that replaces it, for a slider change the re-rendered preview. For comparison it also times the
 * path without a draft (one generator pass at preview size, then post-processing) on the Renderer itself.
 * Nothing is asserted: timings depend on the machine.
 */
class StudioTimingTest {

    @TempDir
    Path work;

    @Test
    void measure() throws Exception {
        assumeTrue(Boolean.getBoolean("toonsmith.timing"), "run with -Dtoonsmith.timing=true");
        Path home = work.resolve("home");
        String given = System.getProperty("toonsmith.timing.style");
        String styleId;
        if (given != null) {
            java.nio.file.Files.createDirectories(home.resolve("styles"));
            java.nio.file.Files.copy(Path.of(given), home.resolve("styles").resolve(Path.of(given).getFileName()));
            styleId = null;
        } else {
            // Untrained, but the default lite's shape: what it costs does not depend on what it learnt.
            StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME,
                    dev.toonsmith.engine.model.LiteSpec.defaults());
            styleId = StudioFixtures.STYLE_ID;
        }
        Path photo = work.resolve("coffee-1536.png");
        try (Image small = ImageReader.read(StudioFixtures.sample("coffee.jpg"))) {
            Mat big = new Mat();
            Imgproc.resize(small.mat(), big, new Size(1536, 1024), 0, 0, Imgproc.INTER_CUBIC);
            try (Image large = Image.wrap(big)) {
                ImageWriter.write(large, photo, WriteOptions.defaults());
            }
        }
        UserDirectories directories = new UserDirectories(home);
        StyleLibrary styles = StyleLibrary.load(directories);
        String id = styleId != null ? styleId : styles.entries().get(0).id();
        PresetLibrary presets = new PresetLibrary(directories);
        try (UiQueue ui = new UiQueue(); BackgroundTasks tasks = new BackgroundTasks(ui);
                Renderer renderer = new Renderer(new StylizerCache(styles, DevicePreference.AUTO, 4))) {
            WorkspaceViewModel[] holder = new WorkspaceViewModel[1];
            ui.run(() -> {
                var texts = UiResources.texts(Locale.ENGLISH);
                var notifications = new NotificationsViewModel("");
                var gallery = new GalleryViewModel(texts, tasks, notifications);
                gallery.setLibrary(styles, renderer, null);
                holder[0] = new WorkspaceViewModel(texts, tasks, notifications, gallery, null);
                holder[0].engineReady(renderer, presets, presets.list().presets(), "Comic ink");
            });
            WorkspaceViewModel workspace = holder[0];
            List<Long> firstPictures = new ArrayList<>();
            List<Long> previews = new ArrayList<>();
            List<Long> withoutDraft = new ArrayList<>();
            List<Long> sliderChanges = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                ui.run(() -> {
                    workspace.gallery().selectedProperty().set(workspace.gallery().find(null).orElseThrow());
                    workspace.open(photo);
                });
                ui.settle(tasks);
                // A new photo: the style's generator has to run on it, at draft and then at preview size.
                long[] stages = timeToStages(ui, tasks, workspace, () -> workspace.gallery().selectedProperty()
                        .set(workspace.gallery().find(id).orElseThrow()));
                firstPictures.add(stages[0]);
                previews.add(stages[1]);
                sliderChanges.addAll(twelveSliderChanges(ui, tasks, workspace));
                withoutDraft.add(previewWithoutDraft(renderer, photo, styles.find(id).orElseThrow(), workspace));
            }
            // The first round warms up the JIT and libtorch's allocator.
            System.out.printf(Locale.ROOT, "%nSTUDIO TIMING (preview %s)%n", workspace.resultProperty().get());
            report("style change, first picture (draft)", firstPictures.subList(1, firstPictures.size()));
            report("style change, 1024 px preview", previews.subList(1, previews.size()));
            report("style change without a draft (Renderer only)", withoutDraft.subList(1, withoutDraft.size()));
            report("slider change", sliderChanges.subList(12, sliderChanges.size()));
            ui.settle(tasks);
            if (Boolean.getBoolean("toonsmith.timing.training")) {
                measureWithARunTraining(ui, tasks, workspace);
            }
        }
    }

    /**
     * The slider changes again while a training run (the Train page's quick preset, 96 px crops) trains in the same
     * process, as when a user tries sliders while a style learns: libtorch and the preview share the two cores.
     */
    private void measureWithARunTraining(UiQueue ui, BackgroundTasks tasks, WorkspaceViewModel workspace)
            throws Exception {
        Path photos = TrainingFixtures.photos(work.resolve("training"), 128);
        Path cartoons = TrainingFixtures.cartoons(work.resolve("training"), 128, 12);
        List<String> args = new ArrayList<>(dev.toonsmith.app.studio.train.TrainPreset.QUICK.arguments());
        args.addAll(List.of("--steps", "100000", "--sample-every", "50", "--checkpoint-every", "100000"));
        var options = dev.toonsmith.app.cli.TrainCommand.newRunOptions(args);
        java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch stepping = new java.util.concurrent.CountDownLatch(3);
        try (var data = dev.toonsmith.engine.train.DataSources.load(photos, cartoons, options.size(), (d, t) -> { });
                var run = dev.toonsmith.engine.train.TrainingRun.builder().setRunFolder(work.resolve("run"))
                        .setData(data).optOptions(options).addListener(e -> {
                            if (e instanceof dev.toonsmith.engine.train.TrainingEvent.Step) {
                                steps.incrementAndGet();
                                stepping.countDown();
                            }
                        }).build()) {
            run.start();
            stepping.await();
            long before = steps.get();
            long start = System.nanoTime();
            List<Long> sliderChanges = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                sliderChanges.addAll(twelveSliderChanges(ui, tasks, workspace));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report("slider change, a run training (96 px, batch 4)", sliderChanges);
            System.out.printf(Locale.ROOT, "  the run trained %.1f steps/s meanwhile%n", (steps.get() - before) / seconds);
        }
    }

    /** Milliseconds from each of twelve slider changes (outlines and colour levels in turn) to its preview. */
    private static List<Long> twelveSliderChanges(UiQueue ui, BackgroundTasks tasks, WorkspaceViewModel workspace)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double value = 0.3 + 0.1 * i;
            millis.add(timeToStages(ui, tasks, workspace, () -> workspace.adjustments().outlinesProperty().set(value))[1]);
            int colours = 4 + i;
            millis.add(timeToStages(ui, tasks, workspace, () -> workspace.adjustments().colorsProperty().set(colours))[1]);
        }
        return millis;
    }

    private static void report(String what, List<Long> millis) {
        System.out.printf(Locale.ROOT, "  %-46s median %4d ms (min %d, max %d, n=%d)%n", what, median(millis),
                Collections.min(millis), Collections.max(millis), millis.size());
    }

    /**
     * Milliseconds for a style change as it was before drafts: one generator pass at preview size on a photo
     * nothing is kept for, then blending and post-processing with the workspace's sliders, on this thread.
     */
    private static long previewWithoutDraft(Renderer renderer, Path file, dev.toonsmith.engine.style.StyleEntry style,
            WorkspaceViewModel workspace) throws Exception {
        Photo fresh = Renderer.open(file, dev.toonsmith.engine.image.ImageLimits.DEFAULT);
        try {
            var settings = workspace.adjustments().current();
            long start = System.nanoTime();
            PreviewRender rendered = renderer.preview(fresh, style, settings.strength(), settings.postSettings(),
                    () -> true);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (rendered.stage() != RenderStage.PREVIEW || !rendered.ranGenerator()) {
                throw new AssertionError("expected a generator pass at preview size, got " + rendered);
            }
            return millis;
        } finally {
            fresh.release();
        }
    }

    /**
     * Milliseconds from a change on the UI thread to its first new picture arriving on it, and to the first
     * picture of preview quality or better (the same picture when no draft was needed).
     */
    private static long[] timeToStages(UiQueue ui, BackgroundTasks tasks, WorkspaceViewModel workspace,
            Runnable change) throws Exception {
        long[] start = new long[1];
        long[] arrivals = {-1, -1};
        java.util.concurrent.CountDownLatch previewArrived = new java.util.concurrent.CountDownLatch(1);
        ui.run(() -> {
            workspace.resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Raster> o, Raster was, Raster now) {
                    long millis = (System.nanoTime() - start[0]) / 1_000_000;
                    if (arrivals[0] < 0) {
                        arrivals[0] = millis;
                    }
                    if (workspace.resultStageProperty().get().atLeast(RenderStage.PREVIEW)) {
                        arrivals[1] = millis;
                        workspace.resultProperty().removeListener(this);
                        previewArrived.countDown();
                    }
                }
            });
            start[0] = System.nanoTime();
            change.run();
        });
        previewArrived.await();
        // Let the full-resolution render finish too, as a user pausing between moves would.
        ui.settle(tasks);
        return arrivals;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
