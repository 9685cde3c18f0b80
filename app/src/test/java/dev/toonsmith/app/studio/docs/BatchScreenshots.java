package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.batch.BatchViewModel;
import dev.toonsmith.app.studio.batch.OutputChoice;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: makes the Batch page's screenshot in {@code docs/} from a real batch, in a real window (run it under
 * Xvfb). It copies the sample photos into a work folder with one JPEG cut short (as a failed download leaves it),
 * runs them through the default style and a preset into the output folder the page proposes, and saves the page
 * with the finished queue and its failure.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -Dai.djl.offline=true -Dprism.order=sw \
 *     -cp "app/target/classes:app/target/test-classes:app/target/lib/*" \
 *     dev.toonsmith.app.studio.docs.BatchScreenshots HOME WORK SAMPLES OUT_PNG [PRESET [EMPTY_PNG]]
 * </pre>
 *
 * EMPTY_PNG, if given, is the page before anything is added. Where Xvfb's GTK 3 is missing, Monocle's headless
 * screen does as well: {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32}
 * with the openjfx-monocle jar (a test dependency) on the class path instead of {@code xvfb-run}.
 */
public final class BatchScreenshots {

    private BatchScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path samples = Path.of(args[2]);
        Path png = Path.of(args[3]);
        String preset = args.length > 4 ? args[4] : "Clean cel";
        Path emptyPng = args.length > 5 ? Path.of(args[5]) : null;
        Path photos = work.resolve("holiday-photos");
        Files.createDirectories(photos);
        try (Stream<Path> files = Files.list(samples)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jpg")).sorted().toList()) {
                Files.copy(f, photos.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // A download that stopped half-way: the JPEG's data ends before its end marker.
        byte[] whole = Files.readAllBytes(samples.resolve("countryside.jpg"));
        Files.write(photos.resolve("holiday.jpg"), java.util.Arrays.copyOf(whole, whole.length / 3));

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = DocShots.fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(new UserDirectories(home), samples, new ScriptedDialogs(),
                    DevicePreference.AUTO, home.resolve("logs/studio.log"), Platform::runLater);
            return Studio.open(stage, config, new StudioOptions(null, null, preset, "light", 1500, 940, false, null,
                    false));
        });
        DocShots.waitFor(() -> studio.workspace().readyProperty().get() && studio.gallery().loadedProperty().get(), 180);
        DocShots.fx(() -> {
            studio.shell().select("batch");
            studio.batch().useCurrentLook();
            return null;
        });
        if (emptyPng != null) {
            // The page as a new user first sees it: nothing queued, Start disabled with the reason beside it.
            Thread.sleep(1000);
            DocShots.save(studio::scene, emptyPng);
        }
        DocShots.fx(() -> {
            BatchViewModel batch = studio.batch();
            // The output folder is the page's own proposal: "cartoons" beside the photos.
            batch.addInputs(List.of(photos));
            batch.formatProperty().set(OutputChoice.JPG);
            batch.maxEdgeProperty().set(1024);
            return null;
        });
        DocShots.waitFor(() -> studio.batch().rows().size() == 9, 60);
        DocShots.fx(() -> {
            studio.batch().start();
            return null;
        });
        DocShots.waitFor(() -> studio.batch().reportProperty().get() != null && !studio.batch().runningProperty().get(), 1800);
        // Thumbnails and the last table redraw.
        Thread.sleep(2000);
        DocShots.save(studio::scene, png);
        DocShots.fx(() -> {
            System.out.println(studio.batch().messageProperty().get());
            System.out.println(studio.batch().failuresProperty().get());
            studio.close();
            Platform.exit();
            return null;
        });
        System.exit(0);
    }
}
