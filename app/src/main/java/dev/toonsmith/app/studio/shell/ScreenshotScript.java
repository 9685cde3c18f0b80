package dev.toonsmith.app.studio.shell;

import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --screenshot FILE}: waits until the studio has opened the photo and finished every render and
 * thumbnail, saves the window's scene as PNG, and quits. Makes the README's screenshots reproducible.
 */
final class ScreenshotScript {

    private static final Logger log = LoggerFactory.getLogger(ScreenshotScript.class);
    private static final int TIMEOUT_TICKS = 600;

    private ScreenshotScript() {}

    static void run(Studio studio, Path target) {
        int[] quiet = {0};
        int[] ticks = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            ticks[0]++;
            // With no photo open (not a first start, nothing given) the empty page is what there is to show.
            boolean settled = studio.workspace().readyProperty().get()
                    && (studio.workspace().resultProperty().get() != null
                            || studio.workspace().photoProperty().get() == null)
                    && !studio.workspace().renderingProperty().get()
                    && !studio.tasks().busy();
            quiet[0] = settled ? quiet[0] + 1 : 0;
            if (quiet[0] >= 4 || ticks[0] > TIMEOUT_TICKS) {
                poll.stop();
                if (ticks[0] > TIMEOUT_TICKS) {
                    log.error("Screenshot: the studio did not settle in time; saving what is shown");
                }
                save(studio, target);
                studio.close();
                Platform.exit();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private static void save(Studio studio, Path target) {
        WritableImage shot = studio.scene().snapshot(null);
        try (Image image = Rasters.toImage(FxImages.toRaster(shot))) {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            ImageWriter.write(image, target, WriteOptions.defaults());
            System.out.println("Wrote " + target + " (" + image.width() + "x" + image.height() + ")");
        } catch (IOException e) {
            log.error("Could not write the screenshot {}", target, e);
        }
    }
}
