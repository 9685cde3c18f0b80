package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.SampleImages;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Samples strip: the photos in the samples folder ({@code sample-images/} of the installation), so a
 * first-time user has something to try a style on. Thumbnails load in the background.
 */
public final class SamplesViewModel {

    private static final Logger log = LoggerFactory.getLogger(SamplesViewModel.class);

    public static final int THUMBNAIL_EDGE = 128;


    private final ObservableList<SampleViewModel> samples = FXCollections.observableArrayList();

    public SamplesViewModel(BackgroundTasks tasks, Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            log.info("No samples folder at {}; the Samples strip stays empty", folder);
            return;
        }
        List<Path> files = list(folder);
        files.forEach(f -> samples.add(new SampleViewModel(f)));
        List<SampleViewModel> items = List.copyOf(samples);
        tasks.submit(null, progress -> {
            for (SampleViewModel item : items) {
                Raster raster = thumbnail(item.file());
                if (raster != null) {
                    tasks.uiThread().execute(() -> item.thumbnailProperty().set(raster));
                }
            }
            return null;
        }, done -> { }, failure -> log.warn("Sample thumbnails failed", failure));
    }

    private static List<Path> list(Path folder) {
        try {
            return SampleImages.list(folder);
        } catch (IOException e) {
            log.warn("Cannot list the samples folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private static Raster thumbnail(Path file) {
        try (Image photo = ImageReader.read(file); Image small = ImageOps.resizeToMaxEdge(photo, THUMBNAIL_EDGE)) {
            return Rasters.fromImage(small);
        } catch (IOException | RuntimeException e) {
            log.warn("No thumbnail for sample {}: {}", file, e.getMessage());
            return null;
        }
    }

    public ObservableList<SampleViewModel> samples() {
        return samples;
    }
}
