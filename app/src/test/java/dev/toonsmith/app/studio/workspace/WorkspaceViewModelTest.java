package dev.toonsmith.app.studio.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.adjust.Adjustments;
import dev.toonsmith.app.studio.export.ExportFormat;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.notify.Severity;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.PreviewRender;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.RenderStage;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.image.HostileImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
    private static final String OTHER_STYLE_ID = "other-lite";

    private Renderer renderer;
    private StyleLibrary styles;
    private Path styleFile;

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        styleFile = StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        // A second untrained style: its own random weights make pictures that differ from the first's.
        StudioFixtures.installStyle(home, OTHER_STYLE_ID, "Other lite");
        UserDirectories directories = new UserDirectories(home);
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        var texts = UiResources.texts(Locale.ENGLISH);
        styles = StyleLibrary.load(directories);
        PresetLibrary presets = new PresetLibrary(directories);
        renderer = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 4));
        ui.run(() -> {
            var notifications = new NotificationsViewModel("See the log.");
            GalleryViewModel gallery = new GalleryViewModel(texts, tasks, notifications);
            gallery.setLibrary(styles, renderer, null);
            workspace = new WorkspaceViewModel(texts, tasks, notifications, gallery, null);
            workspace.engineReady(renderer, presets, presets.list().presets(), "Clean cel");
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

    private void selectStyle(String styleId) {
        workspace.gallery().selectedProperty().set(workspace.gallery().find(styleId).orElseThrow());
    }

    /** A picture the after canvas showed: its stage, pixels and the toolbar's text at the time. */
    private record Shown(RenderStage stage, Raster raster, String info) {}

    /**
     * Records every picture the workspace shows from now on. {@code onShown} runs on the UI thread right
     * after each is recorded, as a user reacting to it would.
     */
    private List<Shown> recordShown(Consumer<Shown> onShown) {
        List<Shown> shown = new CopyOnWriteArrayList<>();
        ui.run(() -> workspace.resultProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Shown picture = new Shown(workspace.resultStageProperty().get(), now,
                        workspace.renderInfoProperty().get());
                shown.add(picture);
                onShown.accept(picture);
            }
        }));
        return shown;
    }

    private static List<RenderStage> stages(List<Shown> shown) {
        return shown.stream().map(Shown::stage).toList();
    }

    /** The sample photo scaled to a size, written as PNG. */
    private Path resizedSample(String name, int width, int height) throws Exception {
        Path file = work.resolve(width + "x" + height + "-" + name.replace(".jpg", ".png"));
        try (Image sample = ImageReader.read(StudioFixtures.sample(name))) {
            org.opencv.core.Mat resized = new org.opencv.core.Mat();
            Imgproc.resize(sample.mat(), resized, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
            try (Image image = Image.wrap(resized)) {
                ImageWriter.write(image, file, WriteOptions.defaults());
            }
        }
        return file;
    }

    /**
     * The pixels a renderer of its own, which has never shown anything, makes of the photo in the style at
     * one stage with these sliders: what the workspace must show at that stage.
     */
    private byte[] expected(Path file, String styleId, RenderStage stage, Adjustments settings) throws Exception {
        try (Renderer reference = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 1))) {
            Photo photo = reference.open(file);
            try {
                StyleEntry style = styles.find(styleId).orElseThrow();
                reference.generate(photo, style, stage, () -> true);
                PreviewRender rendered = reference.preview(photo, style, settings.strength(), settings.postSettings(),
                        () -> true);
                assertEquals(stage, rendered.stage());
                return rendered.raster().bgraPremultiplied();
            } finally {
                photo.release();
            }
        }
    }

    @Test
    void aPhotoOpenedWhileTheEngineStartsShowsAtOnceAndThePageSaysWhatItWaitsFor() throws Exception {
        var texts = UiResources.texts(Locale.ENGLISH);
        GalleryViewModel gallery = ui.call(() -> new GalleryViewModel(texts, tasks,
                new NotificationsViewModel("See the log.")));
        WorkspaceViewModel starting = ui.call(() -> new WorkspaceViewModel(texts, tasks,
                new NotificationsViewModel("See the log."), gallery, StudioFixtures.samples()));
        assertEquals("", ui.call(() -> starting.waitingProperty().get()), "nothing is on its way yet");

        String asked = ui.call(() -> {
            starting.open(StudioFixtures.sample("grace-hopper.jpg"));
            return starting.waitingProperty().get();
        });
        assertEquals("Opening Grace Hopper…", asked, "a sample is called by its title from the moment it is asked for");
        ui.settle(tasks);

        assertNotNull(starting.originalProperty().get(), "the photo shows without the engine");
        assertNull(starting.resultProperty().get());
        assertEquals("Starting the engine…", ui.call(() -> starting.waitingProperty().get()));

        String drawing = ui.call(() -> {
            gallery.setLibrary(styles, renderer, StudioFixtures.STYLE_ID);
            PresetLibrary presets = new PresetLibrary(new UserDirectories(work.resolve("home")));
            starting.engineReady(renderer, presets, presets.list().presets(), "None");
            return starting.waitingProperty().get();
        });
        assertEquals("Drawing the cartoon in Test lite…", drawing);
        ui.settle(tasks);

        assertNotNull(starting.resultProperty().get(), "the cartoon follows once the engine is ready");
        assertEquals("", ui.call(() -> starting.waitingProperty().get()), "and nothing is waited for any more");
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
    void aPictureTooLargeToDecodeIsRefusedByNameAndSizeAtOnceAndThePhotoStays() throws Exception {
        open(StudioFixtures.sample("cat.jpg"));
        var photo = workspace.photoProperty().get();
        List<Path> hostile = List.of(HostileImages.png30000(work, "bomb.png"),
                HostileImages.jpegHeader(work, "scan.jpg", 65000, 65000), HostileImages.tiffAtLimit(work, "huge.tif"),
                HostileImages.webpAtLimit(work, "huge.webp"));

        for (Path file : hostile) {
            long start = System.nanoTime();
            // Dropped on the window, as opening from the menu: the same open path.
            ui.run(() -> workspace.drop(List.of(file)));
            ui.settle(tasks);
            long millis = (System.nanoTime() - start) / 1_000_000;

            var notifications = workspace.notifications();
            String message = notifications.messageProperty().get();
            assertEquals(Severity.ERROR, notifications.severityProperty().get(), message);
            assertTrue(message.startsWith("Cannot read " + file.getFileName() + ": it is "), message);
            assertTrue(message.contains("Toonsmith decodes at most 183 MP"), message);
            assertTrue(millis < 1000, file.getFileName() + " took " + millis + " ms to refuse");
            assertSame(photo, workspace.photoProperty().get(), "the current photo stays");
        }
        ui.run(() -> workspace.open(hostile.get(0)));
        ui.settle(tasks);
        assertTrue(workspace.notifications().messageProperty().get().contains("30000x30000 pixels (900 MP)"));
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

    @Test
    void aDroppedModelFileIsLeftToTheImportDialogNotOpenedAsAPicture() throws Exception {
        open(StudioFixtures.sample("cat.jpg"));
        Path model = Path.of("..", "engine", "src", "test", "resources", "models", "cyclegan-resnet.onnx")
                .toAbsolutePath().normalize();

        ui.run(() -> workspace.drop(java.util.List.of(model, StudioFixtures.sample("coffee.jpg"))));
        ui.settle(tasks);

        assertEquals(StudioFixtures.sample("coffee.jpg"), workspace.photoProperty().get().file(),
                "the picture after the model is opened");
        assertFalse(workspace.notifications().severityProperty().get()
                == dev.toonsmith.app.studio.notify.Severity.ERROR, workspace.notifications().messageProperty().get());
    }

    @Test
    void aStyleChangeShowsADraftFirstAndThenThePreviewThatReplacesIt() throws Exception {
        // Long edge 960: large enough for a draft at 512 px to save time, small enough to be its own preview.
        Path file = resizedSample("coffee.jpg", 960, 640);
        open(file);
        List<Shown> shown = recordShown(picture -> { });

        ui.run(() -> selectStyle(StudioFixtures.STYLE_ID));
        ui.settle(tasks);

        assertEquals(List.of(RenderStage.DRAFT, RenderStage.PREVIEW), stages(shown));
        Shown draft = shown.get(0);
        Shown preview = shown.get(1);
        assertEquals(960, draft.raster().width(), "the draft is shown at the preview's size");
        assertTrue(draft.info().startsWith("Draft"), draft.info());
        assertTrue(preview.info().startsWith("Full size 960 × 640"), preview.info());
        assertSame(preview.raster(), result());
        assertEquals(RenderStage.PREVIEW, workspace.resultStageProperty().get());
        Adjustments settings = workspace.adjustments().current();
        assertArrayEquals(expected(file, StudioFixtures.STYLE_ID, RenderStage.DRAFT, settings),
                draft.raster().bgraPremultiplied());
        assertArrayEquals(expected(file, StudioFixtures.STYLE_ID, RenderStage.PREVIEW, settings),
                preview.raster().bgraPremultiplied(), "what stays on screen is made from the preview-size pass");
        assertFalse(Arrays.equals(draft.raster().bgraPremultiplied(), preview.raster().bgraPremultiplied()));
        assertFalse(workspace.renderingProperty().get());
    }

    @Test
    void openingALargePhotoWithAStyleSelectedShowsTheDraftThenThePreviewThenTheFullResolution() throws Exception {
        Path large = resizedSample("cat.jpg", 1500, 1000);
        open(StudioFixtures.sample("cat.jpg"));
        ui.run(() -> selectStyle(StudioFixtures.STYLE_ID));
        ui.settle(tasks);
        List<Shown> shown = recordShown(picture -> { });

        open(large);

        assertEquals(List.of(RenderStage.DRAFT, RenderStage.PREVIEW, RenderStage.FULL), stages(shown));
        assertTrue(shown.get(0).info().startsWith("Draft"), shown.get(0).info());
        assertTrue(shown.get(1).info().startsWith("Preview 1024 × 683"), shown.get(1).info());
        assertTrue(shown.get(2).info().startsWith("Full size 1500 × 1000"), shown.get(2).info());
        assertTrue(result().fullResolution());
    }

    @Test
    void aNewerStyleChangeCancelsTheOlderStylesStages() throws Exception {
        Path file = resizedSample("coffee.jpg", 960, 640);
        open(file);
        boolean[] switched = {false};
        // Right after the first style's draft is on screen, in the UI thread's next turn, when that style's
        // preview pass has been asked for and is running (or about to), the user picks another style.
        List<Shown> shown = recordShown(picture -> {
            if (!switched[0]) {
                switched[0] = true;
                ui.execute(() -> selectStyle(OTHER_STYLE_ID));
            }
        });

        ui.run(() -> selectStyle(StudioFixtures.STYLE_ID));
        ui.settle(tasks);

        assertEquals(List.of(RenderStage.DRAFT, RenderStage.DRAFT, RenderStage.PREVIEW), stages(shown),
                "the first style's draft, then only the second style's draft and preview");
        Adjustments settings = workspace.adjustments().current();
        assertArrayEquals(expected(file, StudioFixtures.STYLE_ID, RenderStage.DRAFT, settings),
                shown.get(0).raster().bgraPremultiplied());
        assertArrayEquals(expected(file, OTHER_STYLE_ID, RenderStage.DRAFT, settings),
                shown.get(1).raster().bgraPremultiplied());
        assertArrayEquals(expected(file, OTHER_STYLE_ID, RenderStage.PREVIEW, settings),
                shown.get(2).raster().bgraPremultiplied());
        assertEquals(OTHER_STYLE_ID, workspace.gallery().selected().styleId());
        assertFalse(workspace.renderingProperty().get());
    }

    @Test
    void slidersMovedWhileOnlyTheDraftIsThereReRenderItAndThePreviewFollowsWithThem() throws Exception {
        Path file = resizedSample("coffee.jpg", 960, 640);
        open(file);
        Adjustments before = workspace.adjustments().current();
        double outlines = before.outlines() > 0.5 ? 0.1 : 0.9;
        boolean[] moved = {false};
        // The moment the draft is on screen, before the preview pass has been asked for, a slider moves.
        List<Shown> shown = recordShown(picture -> {
            if (!moved[0]) {
                moved[0] = true;
                workspace.adjustments().outlinesProperty().set(outlines);
            }
        });

        ui.run(() -> selectStyle(StudioFixtures.STYLE_ID));
        ui.settle(tasks);

        Adjustments after = workspace.adjustments().current();
        assertNotEquals(before, after);
        assertEquals(RenderStage.DRAFT, shown.get(0).stage());
        assertArrayEquals(expected(file, StudioFixtures.STYLE_ID, RenderStage.DRAFT, before),
                shown.get(0).raster().bgraPremultiplied());
        // Then the slider's render on the best output there was (almost always still the draft; the preview
        // pass may just have won the race), and the preview with the slider where the user left it.
        List<Shown> afterSlider = shown.subList(1, shown.size());
        assertTrue(afterSlider.size() == 1 || afterSlider.size() == 2, stages(shown).toString());
        for (Shown picture : afterSlider) {
            assertArrayEquals(expected(file, StudioFixtures.STYLE_ID, picture.stage(), after),
                    picture.raster().bgraPremultiplied(), picture.stage() + " does not show the moved slider");
        }
        assertEquals(RenderStage.PREVIEW, afterSlider.get(afterSlider.size() - 1).stage());
        assertEquals(RenderStage.PREVIEW, workspace.resultStageProperty().get());
        assertFalse(workspace.renderingProperty().get());
    }

}
