package dev.toonsmith.app.studio;

import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in the studio's TestFX tests. A wait that times out saves the window to {@code target/TEST-timeout.png}
 * and fails with what the studio showed, so a failure on CI can be understood without rerunning it.
 */
public final class StudioWaits {

    private StudioWaits() {}

    /** Reads {@code read} on the FX thread. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @param test the test's name, for the screenshot's file
     * @param shows what the studio shows that explains a time-out (read on the FX thread)
     */
    public static void waitFor(Studio studio, String test, String what, int seconds, Callable<Boolean> condition,
            Callable<String> shows) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            Path screenshot = Path.of("target", test + "-timeout.png").toAbsolutePath();
            onFx(() -> {
                try (Image image = Rasters.toImage(FxImages.toRaster(studio.scene().snapshot(null)))) {
                    ImageWriter.write(image, screenshot, WriteOptions.defaults());
                }
                return true;
            });
            throw new AssertionError("timed out waiting for: " + what + " (screen in " + screenshot + "; "
                    + onFx(shows) + ")", e);
        }
    }

    /** Waits until {@code condition} holds; a time-out says what the studio's notification bar shows. */
    public static void waitFor(Studio studio, String test, String what, int seconds, Callable<Boolean> condition)
            throws Exception {
        waitFor(studio, test, what, seconds, condition,
                () -> "the studio says: '" + studio.workspace().notifications().messageProperty().get() + "'");
    }

    /** Closes the studio on the FX thread, as quitting does, and waits for it. */
    public static void close(Studio studio) throws Exception {
        WaitForAsyncUtils.asyncFx(studio::close).get(120, TimeUnit.SECONDS);
    }
}
