package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Not a test: makes {@code studio-first-launch.png} in {@code docs/}, the studio's very first start in a real window
 * (run it under Xvfb) at the moment the photo is shown and its cartoon is still on its way; and to look at, not for the
 * README, {@code studio-first-frame.png}, the window's first frame, and, once the cartoon is there,
 * {@code studio-shortcuts.png}, Help ▸ Keyboard shortcuts.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -pl app -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test
 * rm -rf /tmp/first-home
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw \
 *     -cp "app/target/classes:app/target/test-classes:$(cat app/target/test.classpath)" \
 *     dev.toonsmith.app.studio.docs.FirstLaunchScreenshots /tmp/first-home docs
 * </pre>
 *
 * HOME must not hold settings yet: that is what makes it a first launch.
 */
public final class FirstLaunchScreenshots {

    private FirstLaunchScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (Files.exists(home.resolve("studio-settings.json"))) {
            throw new IllegalArgumentException(home + " has settings already; give a new folder for a first launch");
        }
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = DocShots.fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(new UserDirectories(home), Path.of("sample-images"),
                    new ScriptedDialogs(), DevicePreference.CPU, home.resolve("logs/studio.log"), Platform::runLater);
            Studio opened = Studio.open(stage, config, new StudioOptions(null, null, null, "light", 1600, 1000, false,
                    null, false));
            // The window's first frame, before anything has come back from the background.
            try (Image image = Rasters.toImage(FxImages.toRaster(opened.scene().snapshot(null)))) {
                ImageWriter.write(image, out.resolve("studio-first-frame.png"), WriteOptions.defaults());
            }
            return opened;
        });
        // The photo is there, its cartoon not yet: the state a new user waits in.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!DocShots.fx(() -> studio.workspace().originalProperty().get() != null
                && !studio.workspace().waitingProperty().get().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the photo never showed");
            }
            Thread.sleep(20);
        }
        Thread.sleep(250);
        System.out.println("Waiting: " + DocShots.fx(() -> studio.workspace().waitingProperty().get()));
        DocShots.save(studio::scene, out.resolve("studio-first-launch.png"));

        DocShots.waitFor(() -> studio.workspace().resultProperty().get() != null
                && !studio.workspace().renderingProperty().get(), 300);
        Window dialog = DocShots.fx(() -> {
            studio.menu().getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menu-shortcuts".equals(i.getId())).findFirst().orElseThrow().fire();
            return Window.getWindows().stream().filter(w -> w != studio.stage() && w.isShowing()).findFirst()
                    .orElseThrow();
        });
        Thread.sleep(800);
        DocShots.save(dialog::getScene, out.resolve("studio-shortcuts.png"));
        DocShots.fx(() -> {
            dialog.hide();
            studio.close();
            return null;
        });
        Platform.exit();
    }
}
