package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.TrainingFixtures;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.app.studio.train.RunPhase;
import dev.toonsmith.app.studio.train.TrainPreset;
import dev.toonsmith.app.studio.train.TrainRunViewModel;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * Not a test: makes the Train page's screenshots in {@code docs/} from a real run on real images, in a real window
 * (run it under Xvfb). It fills the wizard with two folders and the quick preset, opens the advanced options and
 * saves the wizard, starts the run, pauses it after {@code STEPS} steps and saves the paused page, then the same
 * with two sample grids compared. {@code CARTOONS} may be {@code drawn}: twelve cartoons of flat shapes drawn into
 * {@code HOME} (the tests' {@link TrainingFixtures}), for machines without a cartoon set.
 *
 * <pre>
 * xvfb-run -s "-screen 0 1600x1000x24" java -cp "app/target/classes:app/target/test-classes:app/target/lib/*" \
 *     dev.toonsmith.app.studio.docs.TrainScreenshots HOME PHOTOS CARTOONS|drawn OUT_DIR STEPS
 * </pre>
 *
 * Without GTK 3 (JavaFX's glass needs it), Monocle's headless glass does as well, with the monocle jar of the
 * tests' class path: {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000
 * -Dprism.order=sw}.
 */
public final class TrainScreenshots {

    private TrainScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path photos = Path.of(args[1]);
        Path cartoons = args[2].equals("drawn") ? TrainingFixtures.cartoons(home.resolve("drawn"), 64, 12)
                : Path.of(args[2]);
        Path out = Path.of(args[3]);
        long steps = Long.parseLong(args[4]);
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = DocShots.fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(new UserDirectories(home), Path.of("sample-images"),
                    new ScriptedDialogs(), DevicePreference.AUTO, home.resolve("logs/studio.log"), Platform::runLater);
            return Studio.open(stage, config, new StudioOptions(null, null, null, "light", 1500, 940, false, null,
                    false));
        });
        DocShots.waitFor(() -> studio.workspace().readyProperty().get(), 120);
        DocShots.fx(() -> {
            studio.shell().select("train");
            studio.train().newRun();
            var wizard = studio.train().wizard();
            wizard.presetProperty().set(TrainPreset.QUICK);
            wizard.photosProperty().set(photos);
            wizard.cartoonsProperty().set(cartoons);
            wizard.runNameProperty().set("my-first-style");
            return null;
        });
        DocShots.waitFor(() -> studio.train().wizard().refusalProperty().get().isEmpty(), 120);
        DocShots.fx(() -> {
            // The advanced options open, scrolled to show a few of them: Start stays in its footer below.
            ((TitledPane) studio.scene().lookup("#wizard-advanced-pane")).setExpanded(true);
            return null;
        });
        Thread.sleep(1000);
        DocShots.fx(() -> {
            // Scrolled so that the folders' summaries are at the top and the advanced options below them.
            ScrollPane scroll = (ScrollPane) studio.scene().lookup("#wizard-scroll");
            javafx.scene.Node choose = studio.scene().lookup("#choose-photos");
            double y = scroll.getContent().sceneToLocal(choose.localToScene(0, 0)).getY() - 12;
            double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, y / room)));
            return null;
        });
        Thread.sleep(1500);
        DocShots.save(studio::scene, out.resolve("train-wizard.png"));
        // The Studio page renders its first photo at start; the run starts once that is done (a run started while
        // the studio's generator ran gave NaN losses within a few steps, seen on 2026-12-08).
        for (int quiet = 0; quiet < 6; ) {
            Thread.sleep(500);
            quiet = DocShots.fx(() -> studio.workspace().renderingProperty().get()) ? 0 : quiet + 1;
        }
        DocShots.fx(() -> {
            studio.train().startNewRun();
            return null;
        });
        DocShots.waitFor(() -> run(studio) != null && run(studio).step() >= steps, 3600);
        DocShots.fx(() -> {
            run(studio).pause();
            return null;
        });
        DocShots.waitFor(() -> run(studio).phase() == RunPhase.PAUSED, 120);
        DocShots.fx(() -> {
            // The run selected in the runs list, as after a click on it: its entry must stay readable.
            ((javafx.scene.control.ListView<?>) studio.scene().lookup("#runs-list")).getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(2500);
        DocShots.save(studio::scene, out.resolve("train-run.png"));
        DocShots.fx(() -> {
            TrainRunViewModel run = run(studio);
            run.compareProperty().set(true);
            // The newest grid above, the run's first below.
            run.compareIndexProperty().set(0);
            return null;
        });
        Thread.sleep(1500);
        DocShots.save(studio::scene, out.resolve("train-compare.png"));
        DocShots.fx(() -> {
            run(studio).stop();
            return null;
        });
        DocShots.waitFor(() -> run(studio).phase() == RunPhase.STOPPED || run(studio).phase() == RunPhase.FINISHED, 600);
        DocShots.fx(() -> {
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
}
