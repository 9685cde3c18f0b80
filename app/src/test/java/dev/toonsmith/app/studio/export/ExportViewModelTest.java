package dev.toonsmith.app.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.adjust.Adjustments;
import dev.toonsmith.app.studio.adjust.PresetChoice;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where export proposes to write, and a real export, without JavaFX's toolkit. */
class ExportViewModelTest {

    @TempDir
    Path work;

    private UiQueue ui;
    private BackgroundTasks tasks;
    private Renderer renderer;
    private Photo photo;
    private ExportViewModel export;
    private final AtomicReference<ExportJob> job = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        renderer = new Renderer(new StylizerCache(StyleLibrary.load(new UserDirectories(home)),
                DevicePreference.CPU, 1));
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        export = new ExportViewModel(UiResources.texts(Locale.ENGLISH), tasks, new NotificationsViewModel(""),
                () -> Optional.ofNullable(job.get()));
        export.setRenderer(renderer);
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.settle(tasks);
        if (photo != null) {
            photo.release();
        }
        tasks.close();
        renderer.close();
        ui.close();
    }

    private Path smallPhoto(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve("grace-hopper.jpg");
        try (Image sample = ImageReader.read(StudioFixtures.sample("grace-hopper.jpg"));
                Image small = ImageOps.resizeToMaxEdge(sample, 96)) {
            ImageWriter.write(small, file, WriteOptions.defaults());
        }
        return file;
    }

    @Test
    void aSamplePhotoInAFolderTheUserCannotWriteIsProposedInPicturesThenBesideTheLastExport() throws Exception {
        // As an installed copy's samples under /opt/toonsmith: readable, not writable (the test may run as root,
        // so the check is told which folder is read-only).
        Path samples = work.resolve("opt/toonsmith/samples");
        Path file = smallPhoto(samples);
        Path home = Files.createDirectories(work.resolve("ada"));
        Path pictures = Files.createDirectories(home.resolve("Pictures"));
        photo = renderer.open(file);
        PresetChoice none = PresetChoice.none("None", "");
        job.set(new ExportJob(photo, null, Adjustments.of(none), "Toonsmith Default"));
        ui.run(() -> export.setFallbackFolders(pictures, home, folder -> !folder.startsWith(work.resolve("opt"))));

        assertEquals(Optional.of(pictures.resolve("grace-hopper_toonsmith-default.png")),
                ui.call(export::proposedTarget), "never the installed copy's folder");

        Path chosen = Files.createDirectories(home.resolve("exports")).resolve("grace.png");
        ui.run(() -> export.export(chosen));
        ui.settle(tasks);
        assertTrue(Files.isRegularFile(chosen), "exported");
        assertEquals(chosen.getParent(), ui.call(() -> export.lastFolderProperty().get()));
        assertEquals(Optional.of(chosen.resolveSibling("grace-hopper_toonsmith-default.png")),
                ui.call(export::proposedTarget), "the next export goes where the last one went");

        // A photo of the user's own is exported beside itself, whatever came before.
        Path own = smallPhoto(home.resolve("holiday"));
        photo.release();
        photo = renderer.open(own);
        job.set(new ExportJob(photo, null, Adjustments.of(none), "Toonsmith Default"));
        assertEquals(Optional.of(own.resolveSibling("grace-hopper_toonsmith-default.png")),
                ui.call(export::proposedTarget));
    }
}
