package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.app.studio.train.RunPhase;
import dev.toonsmith.app.studio.train.TrainPreset;
import dev.toonsmith.app.studio.train.TrainRunViewModel;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: makes the Train page's screenshots in {@code docs/} from a real run on real images, in a real window
 * (run it under Xvfb). It fills the wizard with two folders and the quick preset, saves the wizard, starts the run,
 * and saves the page after {@code STEPS} steps while the run trains, then with two sample grids compared.
 *
 * <pre>
 * xvfb-run -s "-screen 0 1600x1000x24" java -cp "app/target/classes:app/target/test-classes:app/target/lib/*" \
 *     dev.toonsmith.app.studio.docs.TrainScreenshots HOME PHOTOS CARTOONS OUT_DIR STEPS
 * </pre>
 */
public final class TrainScreenshots {

    private TrainScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path photos = Path.of(args[1]);
        Path cartoons = Path.of(args[2]);
        Path out = Path.of(args[3]);
        long steps = Long.parseLong(args[4]);
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(new UserDirectories(home), Path.of("sample-images"),
                    new ScriptedDialogs(), DevicePreference.AUTO, home.resolve("logs/studio.log"), Platform::runLater);
            return Studio.open(stage, config, new StudioOptions(null, null, null, "light", 1500, 940, false, null,
                    false));
        });
        waitFor(() -> studio.workspace().readyProperty().get(), 120);
        fx(() -> {
            studio.shell().select("train");
            studio.train().newRun();
            var wizard = studio.train().wizard();
            wizard.presetProperty().set(TrainPreset.QUICK);
            wizard.photosProperty().set(photos);
            wizard.cartoonsProperty().set(cartoons);
            wizard.runNameProperty().set("my-first-style");
            return null;
        });
        waitFor(() -> studio.train().wizard().refusalProperty().get().isEmpty(), 120);
        Thread.sleep(2000);
        save(studio, out.resolve("train-wizard.png"));
        fx(() -> {
            studio.train().startNewRun();
            return null;
        });
        waitFor(() -> run(studio) != null && run(studio).step() >= steps, 3600);
        Thread.sleep(1500);
        save(studio, out.resolve("train-run.png"));
        fx(() -> {
            TrainRunViewModel run = run(studio);
            run.compareProperty().set(true);
            run.compareIndexProperty().set(1);
            return null;
        });
        Thread.sleep(1500);
        save(studio, out.resolve("train-compare.png"));
        fx(() -> {
            run(studio).stop();
            return null;
        });
        waitFor(() -> run(studio).phase() == RunPhase.STOPPED || run(studio).phase() == RunPhase.FINISHED, 600);
        fx(() -> {
            studio.close();
            Platform.exit();
            return null;
        });
        System.exit(0);
    }

    /** The run on show; FX thread only. */
    private static TrainRunViewModel run(Studio studio) {
        return studio.train().shownProperty().get();
    }

    private static void save(Studio studio, Path file) throws Exception {
        fx(() -> {
            try (Image image = Rasters.toImage(FxImages.toRaster(studio.scene().snapshot(null)))) {
                ImageWriter.write(image, file, WriteOptions.defaults());
            }
            System.out.println("Wrote " + file);
            return null;
        });
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(500);
        }
    }
}
