package dev.toonsmith.engine.train.data;

import static dev.toonsmith.engine.train.data.TrainingImages.copyPhoto;
import static dev.toonsmith.engine.train.data.TrainingImages.solid;
import static dev.toonsmith.engine.train.data.TrainingImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.train.data.FolderSurvey.ImageInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import dev.toonsmith.engine.image.HostileImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the new-run wizard tells the user about a training folder before a run starts. */
class FolderSurveyTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void listsUsableImagesWithTheirSizesAndWhatARunWouldLeaveOutWithTheReason() throws IOException {
        copyPhoto("chelsea-300.png", folder.resolve("b-cat.png"));
        copyPhoto("coffee-200.jpg", folder.resolve("nested/Coffee.JPG"));
        write(solid(64, 40, 10, 200, 30), folder.resolve("a-small-but-usable.bmp"));
        byte[] png = Files.readAllBytes(TestImages.photo("chelsea-300.png"));
        Files.write(folder.resolve("broken.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(folder.resolve("notes.jpg"), "not a photo", StandardCharsets.UTF_8);
        write(solid(10, 10, 0, 0, 0), folder.resolve("tiny.png"));
        Files.writeString(folder.resolve("README.txt"), "not an image file: ignored", StandardCharsets.UTF_8);
        copyPhoto("chelsea-300.png", folder.resolve(".hidden.png"));

        FolderSurvey survey = FolderSurvey.scan(folder, DatasetProgress.NONE);

        assertEquals(folder.toAbsolutePath().normalize(), survey.folder());
        assertEquals(List.of(
                        new ImageInfo(folder.resolve("a-small-but-usable.bmp"), 64, 40),
                        new ImageInfo(folder.resolve("b-cat.png"), 300, 199),
                        new ImageInfo(folder.resolve("nested/Coffee.JPG"), 200, 133)),
                survey.images());
        assertEquals(List.of(folder.resolve("broken.png"), folder.resolve("notes.jpg"), folder.resolve("tiny.png")),
                survey.problems().stream().map(SkippedFile::file).toList());
        assertReason(survey.problems().get(0), "broken.png", "truncated");
        assertReason(survey.problems().get(1), "notes.jpg", "not an image");
        assertReason(survey.problems().get(2), "tiny.png", "too small", "10x10", "at least 32 pixels");
    }

    @Test
    void showsExactlyTheImagesAndReasonsThatLoadingTheFolderForTrainingGives() throws IOException {
        copyPhoto("chelsea-300.png", folder.resolve("z/cat.png"));
        copyPhoto("coffee-200.jpg", folder.resolve("coffee.jpg"));
        copyPhoto("coffee-200.jpg", folder.resolve("Coffee-2.jpeg"));
        Files.writeString(folder.resolve("fake.webp"), "not a photo", StandardCharsets.UTF_8);
        write(solid(31, 200, 0, 0, 0), folder.resolve("narrow.png"));

        FolderSurvey survey = FolderSurvey.scan(folder, DatasetProgress.NONE);
        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            assertEquals(dataset.files(), survey.images().stream().map(ImageInfo::file).toList());
            assertEquals(dataset.skipped(), survey.problems());
        }
    }

    @Test
    void picturesTooLargeToDecodeAreLeftOutOfTheSurveyAndOfTrainingWithTheReasonWithoutDecodingThem()
            throws IOException {
        copyPhoto("coffee-200.jpg", folder.resolve("coffee.jpg"));
        List<Path> hostile = List.of(HostileImages.png30000(folder, "bomb.png"),
                HostileImages.tiffAtLimit(folder, "huge.tif"), HostileImages.webpAtLimit(folder, "huge.webp"),
                HostileImages.jpegHeader(folder, "scan.jpg", 65000, 65000));

        long start = System.nanoTime();
        FolderSurvey survey = FolderSurvey.scan(folder, DatasetProgress.NONE);
        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "a survey and a load of the folder took " + millis + " ms");
            assertEquals(List.of(folder.resolve("coffee.jpg")), dataset.files());
            assertEquals(dataset.skipped(), survey.problems());
            assertEquals(hostile.stream().sorted().toList(), dataset.skipped().stream().map(SkippedFile::file).toList());
            for (SkippedFile skipped : dataset.skipped()) {
                assertReason(skipped, skipped.file().getFileName().toString(), "Toonsmith decodes at most 183 MP");
            }
            assertReason(dataset.skipped().get(0), "bomb.png: it is 30000x30000 pixels (900 MP)");
        }
    }

    @Test
    void readsTheSizesOfWebpAndTiffFilesToo() throws IOException {
        try (Image wide = Image.wrap(solid(48, 36, 0, 128, 255))) {
            ImageWriter.write(wide, folder.resolve("wide.webp"), WriteOptions.defaults());
            ImageWriter.write(wide, folder.resolve("wide.tif"), WriteOptions.defaults());
        }
        FolderSurvey survey = FolderSurvey.scan(folder, DatasetProgress.NONE);
        assertEquals(List.of(new ImageInfo(folder.resolve("wide.tif"), 48, 36),
                new ImageInfo(folder.resolve("wide.webp"), 48, 36)), survey.images());
        assertEquals(List.of(), survey.problems());
    }

    @Test
    void reportsProgressOncePerImageFileOnTheCallingThread() throws IOException {
        copyPhoto("chelsea-300.png", folder.resolve("cat.png"));
        Files.writeString(folder.resolve("notes.jpg"), "not a photo", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.txt"), "not an image file", StandardCharsets.UTF_8);
        List<String> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();

        FolderSurvey.scan(folder, (done, total) -> {
            assertEquals(caller, Thread.currentThread());
            calls.add(done + "/" + total);
        });
        assertEquals(List.of("1/2", "2/2"), calls);
    }

    @Test
    void anInterruptedSurveyStopsWithAnInterruptedIOException() throws IOException {
        copyPhoto("chelsea-300.png", folder.resolve("cat.png"));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> FolderSurvey.scan(folder, DatasetProgress.NONE));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anEmptyFolderOrOneWithoutImageFilesHasNoImagesAndNoProblems() throws IOException {
        FolderSurvey empty = FolderSurvey.scan(folder, DatasetProgress.NONE);
        assertEquals(List.of(), empty.images());
        assertEquals(List.of(), empty.problems());
        assertEquals(List.of(), empty.samples(5));

        Files.writeString(folder.resolve("notes.txt"), "text", StandardCharsets.UTF_8);
        assertEquals(0, FolderSurvey.scan(folder, DatasetProgress.NONE).images().size());
    }

    @Test
    void aMissingFolderOrAFileIsAnErrorNamingIt() throws IOException {
        Path missing = folder.resolve("no-such-folder");
        DatasetException gone = assertThrows(DatasetException.class,
                () -> FolderSurvey.scan(missing, DatasetProgress.NONE));
        assertEquals("The folder " + missing + " does not exist. Check the path, or choose another folder.",
                gone.getMessage());

        Path photo = copyPhoto("coffee-200.jpg", folder.resolve("coffee.jpg"));
        DatasetException file = assertThrows(DatasetException.class,
                () -> FolderSurvey.scan(photo, DatasetProgress.NONE));
        assertTrue(file.getMessage().startsWith(photo + " is a file, not a folder."), file.getMessage());
    }

    @Test
    void aFolderThatMayNotBeReadIsAnErrorSayingSo() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path locked = Files.createDirectories(folder.resolve("locked"));
        copyPhoto("coffee-200.jpg", locked.resolve("coffee.jpg"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "root reads every folder");
            DatasetException e = assertThrows(DatasetException.class,
                    () -> FolderSurvey.scan(locked, DatasetProgress.NONE));
            assertEquals("Cannot list the folder " + locked + " (permission denied). Check that your account may "
                    + "read it, or choose another folder.", e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void samplesAreSpreadEvenlyOverTheUsableImagesInFolderOrder() throws IOException {
        for (int i = 0; i < 10; i++) {
            write(solid(40, 40, i * 20, 0, 0), folder.resolve("image-" + i + ".png"));
        }
        Files.writeString(folder.resolve("image-35-broken.png"), "not a png", StandardCharsets.UTF_8);
        FolderSurvey survey = FolderSurvey.scan(folder, DatasetProgress.NONE);

        assertEquals(List.of(image(0), image(3), image(6)), survey.samples(3));
        assertEquals(List.of(image(0), image(5)), survey.samples(2));
        assertEquals(List.of(image(0)), survey.samples(1));
        assertEquals(List.of(), survey.samples(0));
        assertEquals(survey.images().stream().map(ImageInfo::file).toList(), survey.samples(25),
                "every usable image once when there are fewer");
        assertThrows(IllegalArgumentException.class, () -> survey.samples(-1));
    }

    @Test
    void countsTheImagesTrainingWouldHaveToEnlargeForACropSize() throws IOException {
        write(solid(40, 300, 0, 0, 0), folder.resolve("a.png"));
        write(solid(64, 64, 0, 0, 0), folder.resolve("b.png"));
        write(solid(200, 100, 0, 0, 0), folder.resolve("c.jpg"));
        FolderSurvey survey = FolderSurvey.scan(folder, DatasetProgress.NONE);

        assertEquals(List.of(40, 64, 100), survey.images().stream().map(ImageInfo::shortSide).toList());
        assertEquals(0, survey.smallerThan(40));
        assertEquals(1, survey.smallerThan(64));
        assertEquals(2, survey.smallerThan(65));
        assertEquals(3, survey.smallerThan(256));
    }

    private Path image(int index) {
        return folder.resolve("image-" + index + ".png");
    }

    private static void assertReason(SkippedFile skipped, String... parts) {
        for (String part : parts) {
            assertTrue(skipped.reason().contains(part), "reason should mention '" + part + "': " + skipped.reason());
        }
    }
}
