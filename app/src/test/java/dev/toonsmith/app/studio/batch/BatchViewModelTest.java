package dev.toonsmith.app.studio.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.adjust.AdjustmentsViewModel;
import dev.toonsmith.app.studio.adjust.PresetChoice;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.batch.BatchReport;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The Batch page's ViewModel without the JavaFX toolkit, on real photos, a real (untrained) style and real batches. */
class BatchViewModelTest {

    @TempDir
    Path work;

    private final Texts texts = UiResources.texts(Locale.ENGLISH);
    private UiQueue ui;
    private BackgroundTasks tasks;
    private Renderer renderer;
    private GalleryViewModel gallery;
    private AdjustmentsViewModel adjustments;
    private BatchViewModel batch;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final AtomicReference<Boolean> canOpenFolders = new AtomicReference<>(true);
    private final AtomicReference<Boolean> openerFails = new AtomicReference<>(false);

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        UserDirectories directories = new UserDirectories(home);
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        StyleLibrary styles = StyleLibrary.load(directories);
        PresetLibrary presets = new PresetLibrary(directories);
        renderer = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 2));
        ui.run(() -> {
            NotificationsViewModel notifications = new NotificationsViewModel("See the log.");
            gallery = new GalleryViewModel(texts, tasks, notifications);
            gallery.setLibrary(styles, renderer, StudioFixtures.STYLE_ID);
            adjustments = new AdjustmentsViewModel(texts, tasks, notifications);
            adjustments.setPresets(presets, presets.list().presets(), "Clean cel");
            batch = new BatchViewModel(texts, tasks, gallery, adjustments.presets(), adjustments::current,
                    DevicePreference.CPU, folder -> {
                        if (openerFails.get()) {
                            throw new java.io.IOException("Failed to show URI:file:" + folder);
                        }
                        opened.add(folder);
                        return canOpenFolders.get();
                    });
        });
        ui.settle(tasks);
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.settle(tasks);
        ui.run(batch::close);
        tasks.close();
        renderer.close();
        ui.close();
    }

    private <T> T onUi(Supplier<T> read) {
        return ui.call(read);
    }

    private void act(Runnable action) throws InterruptedException {
        ui.run(action);
        ui.settle(tasks);
    }

    /** A sample photo scaled down to {@code edge} px wide, as PNG, so that a batch of them takes a second. */
    private Path smallSample(Path folder, String name, int edge) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(name.replace(".jpg", ".png"));
        try (Image sample = ImageReader.read(StudioFixtures.sample(name))) {
            Mat resized = new Mat();
            int height = (int) Math.round((double) edge * sample.height() / sample.width());
            Imgproc.resize(sample.mat(), resized, new Size(edge, height), 0, 0, Imgproc.INTER_AREA);
            try (Image image = Image.wrap(resized)) {
                ImageWriter.write(image, file, WriteOptions.defaults());
            }
        }
        return file;
    }

    /** Three good photos, one in a sub-folder, and a truncated JPEG. */
    private Path photoFolder() throws Exception {
        Path folder = work.resolve("photos");
        smallSample(folder, "cat.jpg", 96);
        smallSample(folder, "city.jpg", 96);
        smallSample(folder.resolve("more"), "coffee.jpg", 96);
        StudioFixtures.corruptJpeg(folder);
        return folder;
    }

    private List<String> rows() {
        return onUi(() -> batch.rows().stream().map(BatchRow::name).toList());
    }

    @Test
    void foldersAreListedIntoRowsAndWhatIsNotAPhotoIsLeftOutWithItsName() throws Exception {
        Path folder = photoFolder();
        Path notes = Files.writeString(work.resolve("notes.txt"), "not a photo");
        act(() -> batch.addInputs(List.of(folder, notes, work.resolve("gone.png"))));
        assertEquals(List.of("cat.png", "city.png", "holiday.jpg", "more/coffee.png"), rows());
        String problem = onUi(() -> batch.inputsProblemProperty().get());
        assertTrue(problem.contains("notes.txt is not a photo Toonsmith reads"), problem);
        assertTrue(problem.contains("gone.png does not exist"), problem);
        assertEquals("", onUi(() -> batch.messageProperty().get()), "said under the queue, not in the page's message");
        assertEquals(List.of(folder.toAbsolutePath().normalize()), onUi(() -> List.copyOf(batch.inputs())));

        act(() -> batch.recursiveProperty().set(false));
        assertEquals(List.of("cat.png", "city.png", "holiday.jpg"), rows(), "without sub-folders");

        Path extra = smallSample(work.resolve("single"), "rocket-launch.jpg", 64);
        act(() -> batch.addInputs(List.of(extra, folder)));
        assertEquals(List.of("cat.png", "city.png", "holiday.jpg", "rocket-launch.png"), rows(),
                "a single file joins; a folder added twice is listed once");
        assertTrue(onUi(() -> batch.rows().get(0).thumbnailProperty().get()) != null, "rows get thumbnails");
        assertNull(onUi(() -> batch.rows().get(2).thumbnailProperty().get()), "the broken file has none");

        act(batch::clearInputs);
        assertTrue(rows().isEmpty());
        assertEquals("", onUi(() -> batch.inputsProblemProperty().get()), "an empty queue has nothing left out");
    }

    @Test
    void theDefaultsAreTheStudiosCurrentLookAndUseTheCurrentLookCopiesItAgain() throws Exception {
        ui.run(() -> {
            adjustments.strengthProperty().set(0.6);
            adjustments.colorsProperty().set(5);
            batch.shownFirstTime();
        });
        assertEquals(StudioFixtures.STYLE_ID, onUi(() -> batch.styleProperty().get().styleId()));
        assertEquals(0.6, onUi(() -> batch.strengthProperty().get()), 1e-9);
        assertEquals("Clean cel", onUi(() -> batch.presetProperty().get().name()));
        assertEquals(onUi(() -> adjustments.current().postSettings()), onUi(() -> batch.effectivePost()),
                "the moved colour slider comes along");
        assertEquals(5, onUi(() -> batch.effectivePost().quantize().colors()));
        assertEquals("Clean cel, modified", onUi(() -> batch.presetLabelProperty().get()),
                "the page renders the changed look, and says so");
        assertTrue(onUi(() -> batch.presetModifiedProperty().get()));

        PresetChoice other = onUi(() -> batch.presets().stream()
                .filter(p -> !p.isNone() && !p.name().equals("Clean cel")).findFirst().orElseThrow());
        ui.run(() -> {
            batch.presetProperty().set(other);
            batch.strengthProperty().set(0.2);
            batch.styleProperty().set(gallery.find(null).orElseThrow());
        });
        assertEquals(other.settings(), onUi(() -> batch.effectivePost()), "another preset renders as shipped");
        assertEquals(other.name(), onUi(() -> batch.presetLabelProperty().get()));

        ui.run(() -> {
            adjustments.strengthProperty().set(0.8);
            batch.shownFirstTime();
        });
        assertEquals(0.2, onUi(() -> batch.strengthProperty().get()), 1e-9, "showing the page again changes nothing");
        ui.run(batch::useCurrentLook);
        assertEquals(0.8, onUi(() -> batch.strengthProperty().get()), 1e-9);
        assertEquals(StudioFixtures.STYLE_ID, onUi(() -> batch.styleProperty().get().styleId()));
        assertEquals("Clean cel", onUi(() -> batch.presetProperty().get().name()));
        assertEquals(5, onUi(() -> batch.effectivePost().quantize().colors()));
    }

    @Test
    void startIsOfferedOnlyWhenABatchCanRunAndTheHintSaysWhatIsMissing() throws Exception {
        assertFalse(onUi(() -> batch.canStartProperty().get()));
        assertEquals("Add photos or a folder to start.", onUi(() -> batch.startHintProperty().get()));
        act(batch::start);
        assertFalse(onUi(() -> batch.runningProperty().get()), "Start pressed anyway does nothing but say why");

        Path photo = smallSample(work.resolve("in"), "cat.jpg", 64);
        act(() -> {
            batch.useCurrentLook();
            batch.addInputs(List.of(photo));
            batch.outputFolderProperty().set(null);
        });
        assertFalse(onUi(() -> batch.canStartProperty().get()));
        assertEquals("Choose an output folder to start.", onUi(() -> batch.startHintProperty().get()));

        // A file where the folder should be: the field is marked with its reason; a good folder clears it at once.
        Path file = Files.writeString(work.resolve("results.txt"), "not a folder");
        act(() -> batch.outputFolderProperty().set(file));
        assertEquals(file + " is a file, not a folder: choose a folder for the results.",
                onUi(() -> batch.outputProblemProperty().get()));
        assertEquals("Choose another output folder to start.", onUi(() -> batch.startHintProperty().get()));
        act(() -> batch.outputFolderProperty().set(work.resolve("out")));
        assertEquals("", onUi(() -> batch.outputProblemProperty().get()));
        assertTrue(onUi(() -> batch.canStartProperty().get()));
        assertEquals("", onUi(() -> batch.startHintProperty().get()));

        // The name template is checked as it is typed, next to its field.
        act(() -> batch.nameTemplateProperty().set("{style}.{ext}"));
        assertEquals("The name template '{style}.{ext}' would give every output the same name; put {name} or"
                + " {index} in it.", onUi(() -> batch.templateProblemProperty().get()));
        assertFalse(onUi(() -> batch.canStartProperty().get()));
        assertEquals("Fix the name template to start.", onUi(() -> batch.startHintProperty().get()));
        act(() -> batch.nameTemplateProperty().set(BatchViewModel.DEFAULT_TEMPLATE));
        assertEquals("", onUi(() -> batch.templateProblemProperty().get()));

        act(() -> {
            batch.styleProperty().set(gallery.find(null).orElseThrow());
            batch.presetProperty().set(batch.presets().get(0));
        });
        assertEquals(texts.get("batch.refuse.nothingToDo"), onUi(() -> batch.lookProblemProperty().get()));
        assertEquals("Choose a style or a preset to start.", onUi(() -> batch.startHintProperty().get()));
        assertFalse(Files.exists(work.resolve("out")), "nothing was started");

        // What only the engine can judge still comes back in one sentence, and the batch stays unstarted.
        act(() -> {
            batch.useCurrentLook();
            batch.maxEdgeProperty().set(8);
            batch.start();
        });
        String message = onUi(() -> batch.messageProperty().get());
        assertTrue(message.startsWith("The longest edge of 8 px is too small to cartoonize"), message);
        assertFalse(onUi(() -> batch.runningProperty().get()));
        assertTrue(onUi(() -> batch.canStartProperty().get()), "it may be started again once fixed");
        assertEquals(RowStatus.WAITING, onUi(() -> batch.rows().get(0).status()));
    }

    @Test
    void theOutputFolderIsProposedBesideThePhotosOrInPicturesWhenThatCannotBeWritten() throws Exception {
        Path pictures = work.resolve("Pictures/Toonsmith");
        Path readOnly = work.resolve("dvd");
        ui.run(() -> batch.setFallbackOutput(pictures, folder -> !folder.startsWith(readOnly)));
        Path folder = photoFolder();
        act(() -> batch.addInputs(List.of(folder)));
        assertEquals(folder.resolve("cartoons"), onUi(() -> batch.outputFolderProperty().get()));
        assertEquals(texts.get("batch.output.suggested.beside"), onUi(() -> batch.outputNoteProperty().get()));
        assertEquals(List.of("cat.png", "city.png", "holiday.jpg", "more/coffee.png"), rows());

        act(batch::clearInputs);
        assertNull(onUi(() -> batch.outputFolderProperty().get()), "the proposal goes with the photos");
        assertEquals("", onUi(() -> batch.outputNoteProperty().get()));

        Path onDvd = smallSample(readOnly, "cat.jpg", 64);
        act(() -> batch.addInputs(List.of(onDvd)));
        assertEquals(pictures, onUi(() -> batch.outputFolderProperty().get()));
        assertEquals(texts.get("batch.output.suggested.pictures"), onUi(() -> batch.outputNoteProperty().get()));
        assertEquals("", onUi(() -> batch.outputProblemProperty().get()));

        // Chosen by the user: kept whatever is added or cleared, and no longer called a suggestion.
        Path chosen = work.resolve("mine");
        act(() -> {
            batch.outputFolderProperty().set(chosen);
            batch.clearInputs();
            batch.addInputs(List.of(folder));
        });
        assertEquals(chosen, onUi(() -> batch.outputFolderProperty().get()));
        assertEquals("", onUi(() -> batch.outputNoteProperty().get()));

        act(() -> batch.outputFolderProperty().set(readOnly.resolve("results")));
        assertEquals("Toonsmith cannot write in " + readOnly + ": choose a folder your account may write.",
                onUi(() -> batch.outputProblemProperty().get()));
    }

    @Test
    void aRealBatchEndsWithEachRowsStatusAndTheFailureReason() throws Exception {
        Path folder = photoFolder();
        Path out = work.resolve("results");
        List<Double> progress = new CopyOnWriteArrayList<>();
        List<RowStatus> seen = new CopyOnWriteArrayList<>();
        act(() -> {
            batch.useCurrentLook();
            batch.addInputs(List.of(folder));
            batch.outputFolderProperty().set(out);
            batch.formatProperty().set(OutputChoice.PNG);
        });
        ui.run(() -> {
            batch.progressProperty().addListener((obs, was, now) -> progress.add(now.doubleValue()));
            batch.rows().forEach(r -> r.statusProperty().addListener((obs, was, now) -> seen.add(now)));
            batch.start();
            assertTrue(batch.runningProperty().get());
        });
        ui.settle(tasks);

        assertFalse(onUi(() -> batch.runningProperty().get()));
        List<String> rows = onUi(() -> batch.rows().stream().map(BatchRow::toString).toList());
        assertEquals(4, rows.size(), rows.toString());
        BatchRow broken = onUi(() -> batch.rows().stream().filter(r -> r.name().equals("holiday.jpg")).findFirst()
                .orElseThrow());
        assertEquals(RowStatus.FAILED, broken.status(), rows.toString());
        assertFalse(broken.reason().isBlank(), "the failure says why");
        for (String name : List.of("cat.png", "city.png", "more/coffee.png")) {
            BatchRow row = onUi(() -> batch.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow());
            assertEquals(RowStatus.DONE, row.status(), rows.toString());
            assertTrue(Files.isRegularFile(row.outputProperty().get()), row.outputProperty().get() + " was written");
            assertTrue(row.timeProperty().get().endsWith(" s"), row.timeProperty().get());
        }
        assertTrue(Files.isRegularFile(out.resolve("cat_test-lite.png")), "named by the template");
        assertTrue(Files.isRegularFile(out.resolve("more").resolve("coffee_test-lite.png")), "sub-folders kept");
        assertTrue(seen.contains(RowStatus.DONE), "rows changed while the batch ran: " + seen);
        assertEquals(1.0, onUi(() -> batch.progressProperty().get()), 1e-9);
        assertFalse(progress.isEmpty());
        String progressText = onUi(() -> batch.progressTextProperty().get());
        assertTrue(progressText.startsWith("4 of 4 · finished in "), progressText);
        String failures = onUi(() -> batch.failuresProperty().get());
        assertEquals("1 failed: " + broken.reason(), failures);
        assertTrue(broken.reason().startsWith("Cannot read holiday.jpg: the file is truncated"), broken.reason());
        String message = onUi(() -> batch.messageProperty().get());
        assertTrue(message.startsWith("3 done, 0 skipped, 1 failed, 0 cancelled."), message);
        BatchReport report = onUi(() -> batch.reportProperty().get());
        assertNotNull(report);
        assertTrue(Files.isRegularFile(report.csv()), "the report is beside the results");

        // Again, unchanged: the finished photos are skipped, the broken one fails again.
        act(batch::start);
        assertEquals(List.of(RowStatus.SKIPPED, RowStatus.SKIPPED, RowStatus.FAILED, RowStatus.SKIPPED),
                onUi(() -> batch.rows().stream().map(BatchRow::status).toList()));

        act(batch::openOutputFolder);
        assertEquals(List.of(out.toAbsolutePath().normalize()), opened.stream().map(p -> p.toAbsolutePath()
                .normalize()).toList());
        assertNull(onUi(() -> batch.unopenedFolderProperty().get()));
        // No file manager: the page shows the folder's path to copy instead of an error.
        canOpenFolders.set(false);
        act(batch::openOutputFolder);
        assertEquals(out, onUi(() -> batch.unopenedFolderProperty().get()));
        act(batch::dismissUnopenedFolder);
        openerFails.set(true);
        act(batch::openOutputFolder);
        assertEquals(out, onUi(() -> batch.unopenedFolderProperty().get()), "a desktop that fails, too");
        openerFails.set(false);
        canOpenFolders.set(true);

        // A finished row: its result, shown in its folder; a failed row has its photo only.
        BatchRow cat = onUi(() -> batch.rows().stream().filter(r -> r.name().equals("cat.png")).findFirst()
                .orElseThrow());
        assertTrue(onUi(() -> batch.hasResult(cat)));
        assertEquals(out.resolve("cat_test-lite.png"), onUi(() -> batch.fileOf(cat)));
        opened.clear();
        act(() -> batch.showInFolder(cat));
        assertEquals(List.of(out), opened);
        assertFalse(onUi(() -> batch.hasResult(broken)));
        assertEquals(broken.source(), onUi(() -> batch.fileOf(broken)));
        List<Path> studio = new CopyOnWriteArrayList<>();
        act(() -> {
            batch.setStudioOpener(studio::add);
            batch.openInStudio(cat);
        });
        assertEquals(List.of(cat.source()), studio);
        AtomicReference<dev.toonsmith.app.studio.render.Raster> preview = new AtomicReference<>();
        act(() -> batch.loadResult(cat, 64, preview::set));
        assertEquals(64, Math.max(preview.get().width(), preview.get().height()), "the result, fitted");
    }

    @Test
    void theStudiosPictureLimitHoldsForTheBatchToo() throws Exception {
        Path folder = work.resolve("limited");
        smallSample(folder, "cat.jpg", 96);
        Path out = work.resolve("limited-results");
        // As the maxPixels setting would: fewer pixels than the 96 px photo has.
        batch.setImageLimits(dev.toonsmith.engine.image.ImageLimits.of(4000));
        act(() -> {
            batch.useCurrentLook();
            batch.addInputs(List.of(folder));
            batch.outputFolderProperty().set(out);
            batch.formatProperty().set(OutputChoice.PNG);
        });
        ui.run(() -> batch.start());
        ui.settle(tasks);

        BatchRow row = onUi(() -> batch.rows().get(0));
        assertEquals(RowStatus.FAILED, row.status(), row.toString());
        assertTrue(row.reason().contains("Toonsmith decodes at most"), row.reason());
    }

    @Test
    void aCancelledBatchKeepsNothingHalfDoneAndSaysSo() throws Exception {
        List<Path> photos = new ArrayList<>();
        for (String name : List.of("cat.jpg", "city.jpg", "coffee.jpg", "countryside.jpg", "mountains.jpg")) {
            photos.add(smallSample(work.resolve("many"), name, 128));
        }
        Path out = work.resolve("cancelled");
        act(() -> {
            batch.useCurrentLook();
            batch.addInputs(photos);
            batch.outputFolderProperty().set(out);
        });
        ui.run(() -> {
            batch.start();
            // At once, while the style is still being read: the batch must stop before rendering anything.
            batch.cancel();
            assertTrue(batch.cancellingProperty().get());
        });
        ui.settle(tasks);
        assertFalse(onUi(() -> batch.runningProperty().get()));
        assertEquals(List.of(RowStatus.CANCELLED), onUi(() -> batch.rows().stream().map(BatchRow::status)
                .distinct().toList()));
        String progressText = onUi(() -> batch.progressTextProperty().get());
        assertTrue(progressText.startsWith("0 of 5 · cancelled after "), progressText);
        assertTrue(onUi(() -> batch.reportProperty().get().cancelled()));
        try (var listed = Files.list(out)) {
            assertTrue(listed.noneMatch(p -> p.getFileName().toString().endsWith("_test-lite.png")),
                    "no result was written");
        }
        assertNotEquals("", onUi(() -> batch.messageProperty().get()));
    }
}
