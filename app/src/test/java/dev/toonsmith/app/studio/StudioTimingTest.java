package dev.toonsmith.app.studio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toonsmith.app.studio.notify.NotificationsViewModel;
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
 * {@code -Dtoonsmith.timing=true} (and {@code -Dtoonsmith.timing.style=FILE.toon} for a real style). It times
 * the ViewModel from a change to the new result being handed to the UI thread, for a photo whose preview is
 * 1024 px wide, and prints medians. Nothing is asserted: timings depend on the machine.
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
            StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
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
                holder[0] = new WorkspaceViewModel(UiResources.texts(Locale.ENGLISH), tasks,
                        new NotificationsViewModel(""), null);
                holder[0].engineReady(renderer, styles, null, presets, presets.list().presets(), "Comic ink");
            });
            WorkspaceViewModel workspace = holder[0];
            List<Long> styleChanges = new ArrayList<>();
            List<Long> sliderChanges = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                ui.run(() -> {
                    workspace.gallery().selectedProperty().set(workspace.gallery().find(null).orElseThrow());
                    workspace.open(photo);
                });
                ui.settle(tasks);
                // A new photo: the style's generator has to run on it at preview size.
                styleChanges.add(timeToResult(ui, tasks, workspace, () -> workspace.gallery().selectedProperty()
                        .set(workspace.gallery().find(id).orElseThrow())));
                for (int i = 0; i < 6; i++) {
                    double value = 0.3 + 0.1 * i;
                    sliderChanges.add(timeToResult(ui, tasks, workspace,
                            () -> workspace.adjustments().outlinesProperty().set(value)));
                    int colours = 4 + i;
                    sliderChanges.add(timeToResult(ui, tasks, workspace,
                            () -> workspace.adjustments().colorsProperty().set(colours)));
                }
            }
            // The first round warms up the JIT and libtorch's allocator.
            System.out.printf(Locale.ROOT, "%nSTUDIO TIMING (preview %s): style change median %d ms (min %d, max %d,"
                    + " n=%d); slider change median %d ms (min %d, max %d, n=%d)%n",
                    workspace.resultProperty().get(), median(styleChanges.subList(1, styleChanges.size())),
                    Collections.min(styleChanges.subList(1, styleChanges.size())),
                    Collections.max(styleChanges.subList(1, styleChanges.size())), styleChanges.size() - 1,
                    median(sliderChanges.subList(12, sliderChanges.size())),
                    Collections.min(sliderChanges.subList(12, sliderChanges.size())),
                    Collections.max(sliderChanges.subList(12, sliderChanges.size())), sliderChanges.size() - 12);
            ui.settle(tasks);
        }
    }

    /** Milliseconds from a change on the UI thread to the new preview arriving on it. */
    private static long timeToResult(UiQueue ui, BackgroundTasks tasks, WorkspaceViewModel workspace, Runnable change)
            throws Exception {
        Object[] before = new Object[1];
        long[] start = new long[1];
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        ui.run(() -> {
            before[0] = workspace.resultProperty().get();
            workspace.resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends dev.toonsmith.app.studio.render.Raster> o,
                        dev.toonsmith.app.studio.render.Raster was, dev.toonsmith.app.studio.render.Raster now) {
                    workspace.resultProperty().removeListener(this);
                    start[0] = System.nanoTime() - start[0];
                    arrived.countDown();
                }
            });
            start[0] = System.nanoTime();
            change.run();
        });
        arrived.await();
        long millis = start[0] / 1_000_000;
        // Let the full-resolution render finish too, as a user pausing between moves would.
        ui.settle(tasks);
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
