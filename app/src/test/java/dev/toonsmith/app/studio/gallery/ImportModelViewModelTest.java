package dev.toonsmith.app.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.engine.imported.ModelMetadata;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleSource;
import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Import model" form without the JavaFX toolkit: its defaults and what it asks for, and real imports of the
 * engine's test models (made by PyTorch) through the gallery, one accepted and one refused.
 */
class ImportModelViewModelTest {

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

    private static Path fixture(String name) {
        return Path.of("..", "engine", "src", "test", "resources", "models", name).toAbsolutePath().normalize();
    }

    @BeforeEach
    void setUp() throws Exception {
        home = work.resolve("home");
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        styles = StyleLibrary.load(new UserDirectories(home));
        renderer = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 2));
        ui.run(() -> {
            notifications = new NotificationsViewModel("See the log.");
            gallery = new GalleryViewModel(texts, tasks, notifications);
            gallery.setLibrary(styles, renderer, null);
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

    private List<Path> styleFiles() throws Exception {
        Path folder = home.resolve("styles");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aNewFormProposesTheFileNameAndPyTorchsConvention() {
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.torchscript.pt")));
        assertEquals("cyclegan-resnet", form.nameProperty().get());
        assertEquals("", form.authorProperty().get());
        assertEquals("", form.licenceProperty().get());
        assertEquals(ModelConvention.pytorchDefault(4), form.convention());
        assertEquals("anime", ImportModelViewModel.defaultName(Path.of("anime.onnx")));
        assertEquals("Paprika v2", ImportModelViewModel.defaultName(Path.of("Paprika v2.PT")));
        assertEquals("model.bin", ImportModelViewModel.defaultName(Path.of("model.bin")));
    }

    @Test
    void theLicenceIsRequiredAndTheOtherFieldsChecked() {
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.onnx")));
        assertFalse(form.ready(), "no licence yet");
        assertEquals(texts.get("importModel.missing.licence"), form.missingProperty().get());

        form.licenceProperty().set("   ");
        assertFalse(form.ready(), "a blank licence is none");
        form.licenceProperty().set("unknown");
        assertTrue(form.ready(), "'unknown' is an answer: the card then warns");
        assertEquals("", form.missingProperty().get());

        form.nameProperty().set(" ");
        assertEquals(texts.get("importModel.missing.name"), form.missingProperty().get());
        form.nameProperty().set("CycleGAN");
        form.sizeMultipleProperty().set(0);
        assertEquals(texts.format("importModel.missing.multiple", 1, 256), form.missingProperty().get());
        form.sizeMultipleProperty().set(8);
        assertTrue(form.ready());

        form.licenceProperty().set(" MIT ");
        form.authorProperty().set(" Jun-Yan Zhu ");
        form.rangeProperty().set(ModelConvention.Range.ZERO_TO_ONE);
        form.channelsProperty().set(ModelConvention.Channels.BGR);
        form.layoutProperty().set(ModelConvention.Layout.NHWC);
        assertEquals(new ModelConvention(ModelConvention.Range.ZERO_TO_ONE, ModelConvention.Channels.BGR,
                ModelConvention.Layout.NHWC, 8), form.convention());
        assertEquals("MIT", form.details().license());
        assertEquals("Jun-Yan Zhu", form.details().author());
        assertEquals("CycleGAN", form.details().name());
    }

    @Test
    void anOnnxGeneratorBecomesAStyleInTheUsersFolderAndIsSelected() throws Exception {
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.onnx")));
        ui.run(() -> {
            form.nameProperty().set("CycleGAN ONNX");
            form.authorProperty().set("tests");
            form.licenceProperty().set("MIT");
            gallery.importModel(form);
        });
        ui.settle(tasks);

        List<Path> files = styleFiles();
        assertEquals(1, files.size(), "one style file in the styles folder: " + files);
        assertTrue(files.get(0).getFileName().toString().endsWith(".toon"), files.get(0).toString());
        StyleBundle written = StyleBundle.read(files.get(0));
        assertTrue(written.isImported());
        assertEquals("MIT", written.manifest().license());
        assertEquals("CycleGAN ONNX", written.manifest().name());

        StyleCardViewModel selected = onUi(gallery::selected);
        assertEquals("cyclegan-onnx", selected.styleId(), "the new style is selected");
        assertEquals(StyleSource.USER, selected.entry().source());
        assertTrue(selected.imported());
        assertTrue(selected.licenceKnown());
        assertEquals("MIT", selected.licence());
        assertTrue(onUi(() -> gallery.cards().contains(selected)), "the gallery lists it");
        assertEquals(texts.format("gallery.imported", "CycleGAN ONNX"), onUi(() -> notifications.messageProperty().get()));
        assertFalse(onUi(() -> form.importingProperty().get()));
    }

    @Test
    void aModelThatCannotBeAStyleIsRefusedWithTheEnginesSentenceAndNothingWritten() throws Exception {
        Path model = fixture("one-channel.torchscript.pt");
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(model));
        ui.run(() -> {
            form.licenceProperty().set("MIT");
            gallery.importModel(form);
        });
        ui.settle(tasks);

        String message = onUi(() -> notifications.messageProperty().get());
        assertEquals(dev.toonsmith.app.studio.notify.Severity.ERROR, onUi(() -> notifications.severityProperty().get()));
        assertTrue(message.contains("one-channel.torchscript.pt"), "names the file: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertEquals(List.of(), styleFiles(), "nothing written");
        assertEquals(null, onUi(gallery::selected).styleId(), "the selection stays on No style");
        assertFalse(onUi(() -> form.importingProperty().get()), "the form can be tried again");
    }

    @Test
    void aNameAnInstalledStyleHasIsRefusedAndAFreeOneProposed() throws Exception {
        Path model = fixture("cyclegan-resnet.torchscript.pt");
        ImportModelViewModel first = onUi(() -> gallery.newModelImport(model));
        ui.run(() -> {
            first.licenceProperty().set("MIT");
            gallery.importModel(first);
        });
        ui.settle(tasks);
        assertEquals(1, styleFiles().size());

        // The same file again: the form proposes a free name rather than the installed one.
        ImportModelViewModel second = onUi(() -> gallery.newModelImport(model));
        assertEquals("cyclegan-resnet (2)", onUi(() -> second.nameProperty().get()));
        // The installed name typed back, in other case and with spaces: refused before anything runs.
        ui.run(() -> {
            second.nameProperty().set(" CycleGAN-Resnet ");
            second.licenceProperty().set("MIT");
        });
        assertFalse(onUi(second::ready));
        String refusal = onUi(() -> second.missingProperty().get());
        assertEquals(texts.format("style.nameTaken", "CycleGAN-Resnet", "cyclegan-resnet", "CycleGAN-Resnet (2)"),
                refusal);
        assertFalse(refusal.contains("\n"), "one line");
        ui.run(() -> gallery.importModel(second));
        ui.settle(tasks);
        assertEquals(1, styleFiles().size(), "nothing written");
        assertEquals(refusal, onUi(() -> notifications.messageProperty().get()));

        // Bundled styles count too: the Toonsmith Default of this build.
        ui.run(() -> second.nameProperty().set("toonsmith default"));
        assertTrue(onUi(() -> second.missingProperty().get()).contains("Toonsmith Default"),
                onUi(() -> second.missingProperty().get()));
    }

    @Test
    void aFreeNameWhoseIdIsTakenIsRefusedNamingTheModel() throws Exception {
        Path model = fixture("cyclegan-resnet.torchscript.pt");
        for (String name : new String[] {"cyclegan-resnet", "CycleGAN resnet!"}) {
            ImportModelViewModel form = onUi(() -> gallery.newModelImport(model));
            ui.run(() -> {
                form.nameProperty().set(name);
                form.licenceProperty().set("MIT");
                gallery.importModel(form);
            });
            ui.settle(tasks);
        }
        assertEquals(1, styleFiles().size(), "the second import wrote nothing");
        assertEquals(texts.format("importModel.idTaken", "cyclegan-resnet.torchscript.pt", "cyclegan-resnet",
                "cyclegan-resnet"), onUi(() -> notifications.messageProperty().get()));
    }

    @Test
    void authorAndLicenceStartAsGivenLastTimeNeverAsTheLoginName() throws Exception {
        ImportModelViewModel first = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.onnx")));
        assertEquals("", first.authorProperty().get(), "nothing remembered yet: empty, the dialog prompts");
        assertEquals("", first.licenceProperty().get());
        ui.run(() -> {
            first.authorProperty().set(" Ada ");
            first.licenceProperty().set("CC-BY-SA-4.0");
            gallery.importModel(first);
        });
        ui.settle(tasks);
        assertEquals("Ada", onUi(() -> gallery.credits().authorProperty().get()));

        ImportModelViewModel next = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.torchscript.pt")));
        assertEquals("Ada", onUi(() -> next.authorProperty().get()));
        assertEquals("CC-BY-SA-4.0", onUi(() -> next.licenceProperty().get()));

        // "unknown" answers for one model; it is not proposed for the next.
        ui.run(() -> {
            next.licenceProperty().set("unknown");
            gallery.importModel(next);
        });
        ui.settle(tasks);
        assertEquals("CC-BY-SA-4.0", onUi(() -> gallery.credits().licenceProperty().get()));
        // A refused import remembers nothing.
        ImportModelViewModel refused = onUi(() -> gallery.newModelImport(fixture("one-channel.torchscript.pt")));
        ui.run(() -> {
            refused.authorProperty().set("Someone else");
            gallery.importModel(refused);
        });
        ui.settle(tasks);
        assertEquals("Ada", onUi(() -> gallery.credits().authorProperty().get()));
    }

    @Test
    void anUnknownLicenceIsMarkedOnTheCard() throws Exception {
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.onnx")));
        ui.run(() -> {
            form.licenceProperty().set("unknown");
            gallery.importModel(form);
        });
        ui.settle(tasks);
        StyleCardViewModel card = onUi(gallery::selected);
        assertEquals("cyclegan-resnet", card.styleId());
        assertFalse(card.licenceKnown());
        assertEquals(texts.get("gallery.licence.unknown"), card.licence());
    }

    private Path exportedDefaultStyle() throws Exception {
        return StudioFixtures.exportedDefaultStyle(work);
    }

    @Test
    void aModelToonsmithExportedFillsTheFormFromWhatItSaysAboutItself() throws Exception {
        Path onnx = exportedDefaultStyle();
        ModelMetadata said = ModelMetadata.of(onnx);
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(onnx));
        ui.settle(tasks);

        assertEquals("Toonsmith Default (2)", onUi(() -> form.nameProperty().get()),
                "the bundled default has the model's own name");
        assertEquals("CC0-1.0", onUi(() -> form.licenceProperty().get()));
        assertEquals(said.author(), onUi(() -> form.authorProperty().get()));
        assertEquals(1024, onUi(() -> form.workingEdgeProperty().get()));
        assertEquals(said.convention(), onUi(form::convention));
        assertEquals(1024, onUi(form::details).workingEdge(), "the working edge goes into the imported style");
        assertFalse(onUi(() -> form.readingMetadataProperty().get()));
        assertTrue(onUi(form::ready), "the licence came with the model");
    }

    @Test
    void whatTheUserEditedBeforeTheMetadataArrivedIsKept() throws Exception {
        Path onnx = exportedDefaultStyle();
        // Typed in the same UI-thread turn as the reset: the background read cannot have landed before it.
        ImportModelViewModel form = onUi(() -> {
            ImportModelViewModel f = gallery.newModelImport(onnx);
            f.nameProperty().set("My cartoon");
            f.workingEdgeProperty().set(0);
            f.workingEdgeProperty().set(512);
            return f;
        });
        ui.settle(tasks);

        assertEquals("My cartoon", onUi(() -> form.nameProperty().get()), "the user's name is kept");
        assertEquals(512, onUi(() -> form.workingEdgeProperty().get()), "the user's working edge is kept");
        assertEquals("CC0-1.0", onUi(() -> form.licenceProperty().get()), "untouched fields are filled");
    }

    @Test
    void metadataOfAFileTheFormNoLongerShowsIsIgnored() throws Exception {
        Path onnx = exportedDefaultStyle();
        Path other = fixture("cyclegan-resnet.onnx");
        ImportModelViewModel form = onUi(() -> {
            ImportModelViewModel f = gallery.newModelImport(onnx);
            f.reset(other);
            return f;
        });
        ui.settle(tasks);
        assertEquals("cyclegan-resnet", onUi(() -> form.nameProperty().get()));
        assertEquals("", onUi(() -> form.licenceProperty().get()));
        assertEquals(0, onUi(() -> form.workingEdgeProperty().get()));

        // A result that lands late for the previous file changes nothing either.
        ui.run(() -> form.fill(onnx, ModelMetadata.of(onnx)));
        assertEquals("cyclegan-resnet", onUi(() -> form.nameProperty().get()));
    }

    @Test
    void theWorkingEdgeIsZeroOrAtLeastTheEnginesMinimum() {
        ImportModelViewModel form = onUi(() -> gallery.newModelImport(fixture("cyclegan-resnet.onnx")));
        ui.run(() -> {
            form.licenceProperty().set("MIT");
            form.workingEdgeProperty().set(64);
        });
        assertFalse(onUi(form::ready));
        assertEquals(texts.format("importModel.missing.workingEdge", 128, ImportModelViewModel.MAX_WORKING_EDGE),
                onUi(() -> form.missingProperty().get()));
        ui.run(() -> form.workingEdgeProperty().set(768));
        assertTrue(onUi(form::ready));
        assertEquals(768, onUi(form::details).workingEdge());
        assertTrue(ImportModelViewModel.isModelFile(Path.of("a", "Anime.ONNX")));
        assertTrue(ImportModelViewModel.isModelFile(Path.of("x.torchscript")));
        assertTrue(ImportModelViewModel.isModelFile(Path.of("x.pt")));
        assertFalse(ImportModelViewModel.isModelFile(Path.of("x.toon")));
        assertFalse(ImportModelViewModel.isModelFile(Path.of("x.jpg")));
    }
}
