package dev.toonsmith.app.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.TrainingFixtures;
import dev.toonsmith.app.studio.UiQueue;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.train.TrainingOptions;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new-run wizard without JavaFX's toolkit: what it accepts, and why it refuses. */
class NewRunViewModelTest {

    @TempDir
    Path work;

    private UiQueue ui;
    private BackgroundTasks tasks;
    private NewRunViewModel wizard;
    private Path runs;

    @BeforeEach
    void setUp() {
        ui = new UiQueue();
        tasks = new BackgroundTasks(ui);
        runs = work.resolve("runs");
        ui.run(() -> wizard = new NewRunViewModel(UiResources.texts(Locale.ENGLISH), tasks, () -> runs));
    }

    @AfterEach
    void tearDown() throws Exception {
        tasks.close();
        ui.close();
    }

    private void choose(Path photos, Path cartoons) throws InterruptedException {
        ui.run(() -> {
            wizard.photosProperty().set(photos);
            wizard.cartoonsProperty().set(cartoons);
        });
        ui.settle(tasks);
    }

    private String refusal() {
        String[] r = new String[1];
        ui.run(() -> r[0] = wizard.refusalProperty().get());
        return r[0];
    }

    @Test
    void theFolderSummaryCountsInGoodEnglish() throws Exception {
        Path cartoons = TrainingFixtures.cartoons(work.resolve("large"), 128, 9);
        Path small = TrainingFixtures.cartoons(work.resolve("small"), 64, 1);
        java.nio.file.Files.copy(small.resolve("cartoon-0.png"), cartoons.resolve("small.png"));
        choose(TrainingFixtures.photos(work, 48), cartoons);
        ui.run(() -> assertEquals("10 usable images · no file left out. 1 image is smaller than the 96 px crop and "
                + "will be enlarged (blurry).", wizard.cartoonSummaryProperty().get()));
    }

    @Test
    void twoGoodFoldersAreCountedShownAndAccepted() throws Exception {
        Path photos = TrainingFixtures.photos(work, 48);
        Path cartoons = TrainingFixtures.cartoons(work, 64, 10);
        choose(photos, cartoons);
        assertEquals("", refusal());
        ui.run(() -> {
            assertEquals(8, wizard.photoCheckProperty().get().usable());
            assertEquals(10, wizard.cartoonCheckProperty().get().usable());
            assertTrue(wizard.photoSummaryProperty().get().startsWith("8 usable images"),
                    wizard.photoSummaryProperty().get());
            // The quick preset crops 96 px: the 48 px photos are too small for it, and the wizard says so.
            assertEquals("8 usable images · no file left out. 8 images are smaller than the 96 px crop and will be "
                    + "enlarged (blurry).", wizard.photoSummaryProperty().get());
            assertEquals(NewRunViewModel.THUMBNAILS, wizard.photoCheckProperty().get().survey()
                    .samples(NewRunViewModel.THUMBNAILS).size());
            assertTrue(wizard.runNameProperty().get().startsWith("photos-"), "a name is proposed from the folder");
        });
        NewRunViewModel.Plan[] plan = new NewRunViewModel.Plan[1];
        ui.run(() -> plan[0] = wizard.plan().orElseThrow());
        assertEquals(runs.resolve(plan[0].folder().getFileName()), plan[0].folder());
        assertEquals(96, plan[0].options().size());
        assertEquals(600, plan[0].options().steps());
    }

    @Test
    void anEmptyFolderIsRefusedWithItsName() throws Exception {
        Path empty = Files.createDirectories(work.resolve("nothing-here"));
        choose(empty, TrainingFixtures.cartoons(work, 64, 10));
        assertTrue(refusal().contains("nothing-here") && refusal().contains("holds no image files"), refusal());
        ui.run(() -> assertTrue(wizard.plan().isEmpty()));
    }

    @Test
    void aFolderOfNonImagesIsRefusedAndEachFileIsListedWithItsReason() throws Exception {
        Path junk = Files.createDirectories(work.resolve("junk"));
        Files.writeString(junk.resolve("notes.jpg"), "not a picture");
        StudioFixtures.corruptJpeg(junk);
        choose(TrainingFixtures.photos(work, 48), junk);
        assertTrue(refusal().contains("junk") && refusal().contains("no usable image"), refusal());
        ui.run(() -> {
            assertEquals(2, wizard.cartoonProblems().size(), wizard.cartoonProblems().toString());
            assertTrue(wizard.cartoonProblems().stream().anyMatch(p -> p.startsWith("notes.jpg: ")),
                    wizard.cartoonProblems().toString());
        });
    }

    @Test
    void anUnreadableFolderIsRefusedWithAReason() throws Exception {
        Path locked = Files.createDirectories(work.resolve("locked"));
        Files.writeString(locked.resolve("a.png"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "this user reads any folder (root)");
            choose(TrainingFixtures.photos(work, 48), locked);
            assertTrue(refusal().contains("locked"), refusal());
            ui.run(() -> assertEquals("This folder cannot be read.", wizard.cartoonSummaryProperty().get()));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aMissingFolderIsRefusedWithItsName() throws Exception {
        choose(TrainingFixtures.photos(work, 48), work.resolve("moved-away"));
        assertTrue(refusal().contains("moved-away"), refusal());
    }

    @Test
    void tooFewImagesAreRefused() throws Exception {
        choose(TrainingFixtures.photos(work, 48), TrainingFixtures.cartoons(work, 64, 3));
        assertTrue(refusal().contains("only 3 usable images") && refusal().contains("at least 8"), refusal());
    }

    @Test
    void aTakenRunNameIsRefused() throws Exception {
        choose(TrainingFixtures.photos(work, 48), TrainingFixtures.cartoons(work, 64, 10));
        Files.createDirectories(runs.resolve("mine"));
        ui.run(() -> wizard.runNameProperty().set("mine"));
        assertTrue(refusal().contains("mine exists already"), refusal());
    }

    @Test
    void advancedOptionsAreTrainsOwnAndOnlyChangedOnesBecomeArguments() throws Exception {
        choose(TrainingFixtures.photos(work, 48), TrainingFixtures.cartoons(work, 64, 10));
        ui.run(() -> {
            AdvancedOption lr = option("lr");
            assertTrue(lr.description().contains("learning rate"), lr.description());
            assertEquals("2e-4", lr.defaultValue());
            AdvancedOption ink = option("ink");
            assertEquals(Boolean.class, ink.type());
            assertEquals(Boolean.TRUE, ink.defaultValue());
            List<String> before = wizard.arguments();
            assertFalse(before.stream().anyMatch(a -> a.startsWith("--ink") || a.startsWith("--no-ink")),
                    "an option left at its default is not passed: " + before);
            lr.valueProperty().set("1e-4");
            ink.valueProperty().set(false);
            option("palette").valueProperty().set("12");
        });
        NewRunViewModel.Plan[] plan = new NewRunViewModel.Plan[1];
        ui.run(() -> plan[0] = wizard.plan().orElseThrow());
        TrainingOptions o = plan[0].options();
        assertEquals(1e-4, o.learningRate());
        assertEquals(false, o.generator().get("ink"));
        assertEquals(12, ((Number) o.generator().get("palette")).intValue());
        ui.run(() -> option("lr").valueProperty().set("fast"));
        assertTrue(refusal().contains("--lr"), "a typo gets the command line's message: " + refusal());
    }

    @Test
    void choosingAPresetFillsTheWizard() throws Exception {
        ui.run(() -> {
            wizard.presetProperty().set(TrainPreset.DEFAULT_STYLE);
            assertEquals(256, wizard.sizeProperty().get());
            assertEquals(1400, wizard.stepsProperty().get());
            assertEquals("32", option("palette").valueProperty().get());
            wizard.presetProperty().set(TrainPreset.CYCLEGAN);
            assertEquals("cyclegan", wizard.modeProperty().get());
            assertEquals("0", option("palette").valueProperty().get(), "the previous preset's values are gone");
        });
    }

    private AdvancedOption option(String name) {
        return wizard.advanced().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
