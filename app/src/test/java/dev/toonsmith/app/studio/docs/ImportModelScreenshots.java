package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.dialogs.ImportModelDialog;
import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: makes {@code import-model.png} in {@code docs/}, the "Import model" dialog filled in for a model, in a
 * real window over the Styles page (run it under Xvfb), and {@code import-model-card.png}, the Styles page once the
 * model is imported, with its card's badges.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw \
 *     -cp "app/target/classes:app/target/test-classes:$(cat app/target/test.classpath)" \
 *     dev.toonsmith.app.studio.docs.ImportModelScreenshots HOME MODEL OUT_DIR [LICENCE]
 * </pre>
 */
public final class ImportModelScreenshots {

    private ImportModelScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path model = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]);
        String licence = args.length > 3 ? args[3] : "CC-BY-4.0";
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(new UserDirectories(home), Path.of("sample-images"),
                    new ScriptedDialogs(), DevicePreference.CPU, home.resolve("logs/studio.log"), Platform::runLater);
            return Studio.open(stage, config, new StudioOptions(Path.of("sample-images", "cat.jpg"), null, null,
                    "light", 1300, 860, false, null, false));
        });
        waitFor(() -> studio.workspace().readyProperty().get() && studio.gallery().loadedProperty().get(), 120);
        ImportModelViewModel form = fx(() -> {
            studio.shell().select("styles");
            return studio.gallery().newModelImport(model);
        });
        ImportModelDialog dialog = fx(() -> {
            form.nameProperty().set("CycleGAN test model (untrained)");
            form.authorProperty().set("make-models.py");
            form.licenceProperty().set(licence);
            ImportModelDialog d = new ImportModelDialog(form, UiResources.texts(Locale.ENGLISH),
                    studio.scene().getWindow());
            d.show();
            return d;
        });
        Thread.sleep(1500);
        save(() -> dialog.getDialogPane().getScene(), out.resolve("import-model.png"));
        fx(() -> {
            dialog.close();
            studio.gallery().importModel(form);
            return null;
        });
        waitFor(() -> "cyclegan-test-model-untrained".equals(studio.gallery().selected().styleId()), 120);
        Thread.sleep(2500);
        save(studio::scene, out.resolve("import-model-card.png"));
        fx(() -> {
            studio.close();
            Platform.exit();
            return null;
        });
        System.exit(0);
    }

    private static void save(Callable<Scene> scene, Path file) throws Exception {
        fx(() -> {
            try (Image image = Rasters.toImage(FxImages.toRaster(scene.call().snapshot(null)))) {
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
