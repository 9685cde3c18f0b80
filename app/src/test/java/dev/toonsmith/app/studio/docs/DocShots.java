package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/** What the screenshot tools of {@code docs/} share: running on the FX thread, waiting, saving a scene as PNG. */
final class DocShots {

    private DocShots() {}

    /** Saves the scene (looked up on the FX thread) as a PNG. */
    static void save(Callable<Scene> scene, Path file) throws Exception {
        fx(() -> {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Image image = Rasters.toImage(FxImages.toRaster(scene.call().snapshot(null)))) {
                ImageWriter.write(image, file, WriteOptions.defaults());
            }
            System.out.println("Wrote " + file);
            return null;
        });
    }

    /** Runs {@code action} on the FX thread and waits for its result. */
    static <T> T fx(Callable<T> action) throws Exception {
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

    /** Waits until {@code condition}, asked on the FX thread, holds. */
    static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(500);
        }
    }
}
