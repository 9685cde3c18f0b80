package dev.toonsmith.app.studio.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.export.ExportFormat;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.notify.Severity;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The Studio page's ViewModel on real photos and a real (untrained) style, without the JavaFX toolkit. */
class WorkspaceViewModelTest {

    @TempDir
    Path work;

    private UiQueue ui;
    private BackgroundTasks tasks;
    private WorkspaceViewModel workspace;
    private Renderer renderer;
    private Path styleFile;

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        styleFile = StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        UserDirectories directories = new UserDirectories(home);
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        var texts = UiResources.texts(Locale.ENGLISH);
        StyleLibrary styles = StyleLibrary.load(directories);
        PresetLibrary presets = new PresetLibrary(directories);
        renderer = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 4));
        ui.run(() -> {
            workspace = new WorkspaceViewModel(texts, tasks, new NotificationsViewModel("See the log."), null);
            workspace.engineReady(renderer, styles, null, presets, presets.list().presets(), "Clean cel");
        });
        ui.settle(tasks);
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.settle(tasks);
        tasks.close();
        renderer.close();
        ui.close();
    }

    private void open(Path photo) throws InterruptedException {
        ui.run(() -> workspace.open(photo));
        ui.settle(tasks);
    }

    private Raster result() {
        return workspace.resultProperty().get();
    }

    @Test
    void openingAPhotoShowsItAndItsCartoonAtFullSize() throws Exception {
        open(StudioFixtures.sample("cat.jpg"));

        Raster original = workspace.originalProperty().get();
        assertEquals(451, original.width());
        assertEquals(300, original.height());
        assertTrue(result().fullResolution(), "a photo smaller than the preview is rendered at full size");
        assertEquals(451, result().width());
        assertTrue(workspace.imageInfoProperty().get().contains("451 × 300"), workspace.imageInfoProperty().get());
        assertFalse(workspace.renderInfoProperty().get().isEmpty());
        assertFalse(workspace.notifications().showingProperty().get());
    }

    @Test
    void everySliderChangesTheResult() throws Exception {
        open(StudioFixtures.sample("coffee.jpg"));
        ui.run(() -> workspace.gallery().selectedProperty().set(
                workspace.gallery().find(StudioFixtures.STYLE_ID).orElseThrow()));
        ui.settle(tasks);
        var adjust = workspace.adjustments();
        Object[][] moves = {
            {adjust.strengthProperty(), 0.4},
            {adjust.outlinesProperty(), 0.2},
            {adjust.outlineWidthProperty(), 6.0},
            {adjust.colorsProperty(), 4.0},
            {adjust.smoothingProperty(), 10.0},
            {adjust.saturationProperty(), 0.3},
        };
        for (Object[] move : moves) {
            DoubleProperty slider = (DoubleProperty) move[0];
            byte[] before = result().bgraPremultiplied();
            ui.run(() -> slider.set((Double) move[1]));
            ui.settle(tasks);
            assertFalse(Arrays.equals(before, result().bgraPremultiplied()), slider.getName() + " changed nothing");
        }
    }

    @Test
    void pickingAStyleRestylesThePhotoAndNoStyleGivesItBack() throws Exception {
        open(StudioFixtures.sample("astronaut.jpg"));
        byte[] noStyle = result().bgraPremultiplied();
        ui.run(() -> workspace.gallery().selectedProperty().set(
                workspace.gallery().find(StudioFixtures.STYLE_ID).orElseThrow()));
        ui.settle(tasks);
        assertFalse(Arrays.equals(noStyle, result().bgraPremultiplied()));

        ui.run(() -> workspace.gallery().selectedProperty().set(workspace.gallery().find(null).orElseThrow()));
        ui.settle(tasks);
        assertArrayEquals(noStyle, result().bgraPremultiplied());
    }

    @Test
    void aCorruptFileIsReportedByNameAndThePhotoStays() throws Exception {
        open(StudioFixtures.sample("cat.jpg"));
        var photo = workspace.photoProperty().get();

        open(StudioFixtures.corruptJpeg(work));

        var notifications = workspace.notifications();
        assertTrue(notifications.showingProperty().get());
        assertEquals(Severity.ERROR, notifications.severityProperty().get());
        assertTrue(notifications.messageProperty().get().contains("holiday.jpg"), notifications.messageProperty().get());
        assertSame(photo, workspace.photoProperty().get());

        open(StudioFixtures.sample("city.jpg"));
        assertEquals(720, workspace.originalProperty().get().width());
    }

    @Test
    void aOnePixelImageGetsAMessageSayingItIsTooSmall() throws Exception {
        open(StudioFixtures.onePixel(work));

        String message = workspace.notifications().messageProperty().get();
        assertTrue(message.contains("dot.png") && message.contains("1 × 1") && message.contains("too small"), message);
        assertEquals(null, workspace.photoProperty().get());
    }

    @Test
    void aLargePhotoShowsThePreviewThenTheFullResolution() throws Exception {
        Path large = work.resolve("large.png");
        try (Image cat = ImageReader.read(StudioFixtures.sample("cat.jpg"))) {
            org.opencv.core.Mat big = new org.opencv.core.Mat();
            Imgproc.resize(cat.mat(), big, new Size(1500, 1000));
            try (Image bigImage = Image.wrap(big)) {
                ImageWriter.write(bigImage, large, WriteOptions.defaults());
            }
        }
        open(large);

        assertTrue(result().fullResolution());
        assertEquals(1500, result().width());
        assertEquals(1000, result().height());
    }

    @Test
    void exportWritesTheFullSizeResultAndNeverTheSource() throws Exception {
        Path photo = work.resolve("cat.jpg");
        Files.copy(StudioFixtures.sample("cat.jpg"), photo);
        byte[] original = Files.readAllBytes(photo);
        open(photo);
        ui.run(() -> workspace.gallery().selectedProperty().set(
                workspace.gallery().find(StudioFixtures.STYLE_ID).orElseThrow()));
        ui.settle(tasks);

        Path proposed = workspace.export().proposedTarget().orElseThrow();
        assertEquals(work.resolve("cat_test-lite.png"), proposed);
        ui.run(() -> workspace.export().export(proposed));
        ui.settle(tasks);
        try (Image written = ImageReader.read(proposed)) {
            assertEquals(451, written.width());
            assertEquals(300, written.height());
        }

        ui.run(() -> {
            workspace.export().formatProperty().set(ExportFormat.JPEG);
            workspace.export().export(photo);
        });
        ui.settle(tasks);
        assertTrue(workspace.notifications().messageProperty().get().contains("Refusing to overwrite"),
                workspace.notifications().messageProperty().get());
        assertArrayEquals(original, Files.readAllBytes(photo));
    }

    @Test
    void aStyleThatFailsToLoadIsReportedAndThePreviousStyleStays() throws Exception {
        // Broken after the library listed it (say, a half-finished copy over it), before anything loaded it.
        Files.write(styleFile, "not a zip".getBytes());
        open(StudioFixtures.sample("cat.jpg"));

        ui.run(() -> workspace.gallery().selectedProperty().set(
                workspace.gallery().find(StudioFixtures.STYLE_ID).orElseThrow()));
        ui.settle(tasks);

        String message = workspace.notifications().messageProperty().get();
        assertTrue(message.contains(StudioFixtures.STYLE_NAME), message);
        assertTrue(workspace.gallery().selected().isNoStyle());
        assertNotNull(result());
    }

    @Test
    void undoTakesBackASliderChangeAndRendersIt() throws Exception {
        open(StudioFixtures.sample("cat.jpg"));
        byte[] before = result().bgraPremultiplied();
        ui.run(() -> {
            workspace.adjustments().colorsProperty().set(3);
            workspace.adjustments().commit();
        });
        ui.settle(tasks);
        assertFalse(Arrays.equals(before, result().bgraPremultiplied()));

        ui.run(() -> workspace.adjustments().undo());
        ui.settle(tasks);
        assertArrayEquals(before, result().bgraPremultiplied());
    }

    @Test
    void droppingAStyleFileImportsAndSelectsIt() throws Exception {
        Path other = StudioFixtures.installStyle(work.resolve("elsewhere"), "dropped-style", "Dropped style");
        open(StudioFixtures.sample("cat.jpg"));

        ui.run(() -> workspace.drop(java.util.List.of(other)));
        ui.settle(tasks);

        assertEquals("dropped-style", workspace.gallery().selected().styleId());
        assertTrue(Files.exists(work.resolve("home/styles/dropped-style.toon")));
    }

}
