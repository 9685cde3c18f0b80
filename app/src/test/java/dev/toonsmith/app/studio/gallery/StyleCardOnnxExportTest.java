package dev.toonsmith.app.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.AppVersion;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.notify.Severity;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.Job;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.onnx.OnnxExport;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Export as ONNX…" of a style card without the JavaFX toolkit: a tiny cartoongan style written by the engine in the
 * background, the file name proposed, what an imported model's card says, and the one line shown when the engine
 * refuses a style or cannot write where it was asked to.
 */
class StyleCardOnnxExportTest {

    private static final String CARTOON_ID = "tiny-cartoongan";
    private static final String CARTOON_NAME = "Tiny CartoonGAN";
    private static final String IMPORTED_NAME = "Imported CycleGAN";

    @TempDir
    Path work;

    private final Texts texts = UiResources.texts(Locale.ENGLISH);
    private Path home;
    private UiQueue ui;
    private BackgroundTasks tasks;
    private NotificationsViewModel notifications;
    private StyleLibrary styles;
    private Renderer renderer;
    private GalleryViewModel gallery;
    /** The names of the jobs the studio showed, in order. */
    private final List<String> jobs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        home = work.resolve("home");
        StudioFixtures.installStyle(home, CARTOON_ID, CARTOON_NAME, new CartoonGanSpec(4, 2), 0);
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        StudioFixtures.installImportedStyle(home, IMPORTED_NAME);
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        styles = StyleLibrary.load(new UserDirectories(home));
        renderer = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 2));
        ui.run(() -> {
            notifications = new NotificationsViewModel("See the log.");
            gallery = new GalleryViewModel(texts, tasks, notifications);
            gallery.setLibrary(styles, renderer, null);
            tasks.jobs().addListener((ListChangeListener<Job>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(job -> jobs.add(job.name()));
                }
            });
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

    private <T> T onUi(Supplier<T> read) {
        return ui.call(read);
    }

    private StyleCardViewModel card(String name) {
        return onUi(() -> gallery.cards().stream().filter(c -> name.equals(c.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no card " + name + " in " + gallery.cards())));
    }

    private String message() {
        return onUi(() -> notifications.messageProperty().get());
    }

    private Severity severity() {
        return onUi(() -> notifications.severityProperty().get());
    }

    @Test
    void aCartoonGanStyleIsWrittenInTheBackgroundWhereChosenAndTheNotificationSaysWhere() throws Exception {
        StyleCardViewModel card = card(CARTOON_NAME);
        assertTrue(card.onnxExportable());
        assertEquals(texts.format("gallery.onnx.tooltip", CARTOON_NAME), card.onnxNote());
        Path proposed = onUi(() -> gallery.proposedOnnxTarget(card)).orElseThrow();
        assertEquals(CARTOON_ID + ".onnx", proposed.getFileName().toString(), "<style id>.onnx");

        Path target = work.resolve("exports").resolve("mine.onnx");
        ui.run(() -> gallery.exportOnnx(card, target));
        ui.settle(tasks);

        assertTrue(Files.isRegularFile(target), "the model is written");
        byte[] model = Files.readAllBytes(target);
        assertTrue(model.length > 1000, "with the weights: " + model.length + " bytes");
        assertTrue(new String(model, StandardCharsets.ISO_8859_1).contains(AppVersion.describe()),
                "the producer is named as the command line names it");
        assertEquals(Severity.INFO, severity());
        assertEquals(texts.format("gallery.onnx.exported", CARTOON_NAME, target), message());
        assertEquals(List.of(texts.format("job.exportOnnx", CARTOON_NAME)), jobs,
                "ran as a background job shown in the status bar");
        assertEquals(target.getParent().resolve(CARTOON_ID + ".onnx"),
                onUi(() -> gallery.proposedOnnxTarget(card)).orElseThrow(), "the next export proposes that folder");
    }

    @Test
    void aChosenNameWithoutTheEndingGetsIt() throws Exception {
        StyleCardViewModel card = card(CARTOON_NAME);
        ui.run(() -> gallery.exportOnnx(card, work.resolve("model")));
        ui.settle(tasks);
        assertTrue(Files.isRegularFile(work.resolve("model.onnx")), message());
        assertFalse(Files.exists(work.resolve("model")));
        assertEquals(Path.of("a", "b.ONNX"), GalleryViewModel.withOnnxExtension(Path.of("a", "b.ONNX")));
        assertEquals(Path.of("a", "b.onnx.onnx"), GalleryViewModel.withOnnxExtension(Path.of("a", "b.onnx.onnx")));
        assertEquals(Path.of("b.v2.onnx"), GalleryViewModel.withOnnxExtension(Path.of("b.v2")));
    }

    @Test
    void anImportedModelsCardOffersNoExportAndSaysWhy() throws Exception {
        StyleCardViewModel card = card(IMPORTED_NAME);
        assertTrue(card.imported());
        assertFalse(card.onnxExportable());
        assertEquals("Imported models cannot be exported to ONNX", card.onnxNote());
        assertTrue(onUi(() -> gallery.proposedOnnxTarget(card)).isEmpty(), "no file is asked for");

        Path target = work.resolve("imported.onnx");
        ui.run(() -> gallery.exportOnnx(card, target));
        ui.settle(tasks);
        assertEquals("Imported models cannot be exported to ONNX", message());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), jobs, "nothing ran");
    }

    @Test
    void noStyleOffersNoExport() throws Exception {
        StyleCardViewModel none = onUi(() -> gallery.find(null).orElseThrow());
        assertFalse(none.onnxExportable());
        assertEquals("", none.onnxNote());
        assertTrue(onUi(() -> gallery.proposedOnnxTarget(none)).isEmpty());
        ui.run(() -> gallery.exportOnnx(none, work.resolve("none.onnx")));
        ui.settle(tasks);
        assertEquals("", message());
        assertEquals(List.of(), jobs);
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedInOneLine() throws Exception {
        Path blocker = Files.writeString(work.resolve("blocker"), "a file where a folder should be");
        Path target = blocker.resolve("tiny.onnx");
        StyleCardViewModel card = card(CARTOON_NAME);
        ui.run(() -> gallery.exportOnnx(card, target));
        ui.settle(tasks);

        String message = message();
        assertEquals(Severity.ERROR, severity());
        assertTrue(message.startsWith(texts.format("gallery.onnx.failed", CARTOON_NAME, "")), message);
        assertTrue(message.contains(blocker.toString()), "names the path: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(Files.exists(target));
    }

    @Test
    void aLiteStyleLikeTheDefaultExportsFromItsCardToo() throws Exception {
        StyleCardViewModel card = card(StudioFixtures.STYLE_NAME);
        assertTrue(card.onnxExportable());
        Path target = work.resolve("lite.onnx");
        ui.run(() -> gallery.exportOnnx(card, target));
        ui.settle(tasks);
        assertEquals(Severity.INFO, severity(), message());
        assertTrue(message().contains(target.toString()), message());
        assertTrue(Files.size(target) > 0);
    }
}
