package dev.toonsmith.engine.train.data;

import static dev.toonsmith.engine.train.data.TrainingImages.copyPhoto;
import static dev.toonsmith.engine.train.data.TrainingImages.cutOut;
import static dev.toonsmith.engine.train.data.TrainingImages.solid;
import static dev.toonsmith.engine.train.data.TrainingImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.OpenCv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class DatasetLoadingTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    /** A folder as people make them: nested, with broken, misnamed, tiny and hidden files among the photos. */
    private void buildMixedFolder() throws IOException {
        copyPhoto("chelsea-300.png", folder.resolve("b-cat.png"));
        copyPhoto("coffee-200.jpg", folder.resolve("nested/deeper/Coffee.JPG"));
        write(cutOut(90), folder.resolve("nested/cutout.png"));
        write(solid(64, 40, 10, 200, 30), folder.resolve("a-small-but-usable.bmp"));

        byte[] png = Files.readAllBytes(TestImages.photo("chelsea-300.png"));
        Files.write(folder.resolve("broken.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(folder.resolve("notes.jpg"), "not a photo", StandardCharsets.UTF_8);
        write(solid(20, 60, 0, 0, 0), folder.resolve("tiny.png"));

        Files.writeString(folder.resolve("README.txt"), "ignored: not an image", StandardCharsets.UTF_8);
        copyPhoto("chelsea-300.png", folder.resolve(".hidden.png"));
        copyPhoto("chelsea-300.png", folder.resolve(".thumbnails/cat.png"));
    }

    @Test
    void loadsImagesRecursivelyInSortedOrderAndListsWhatItSkipped() throws IOException {
        buildMixedFolder();

        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            assertEquals(List.of(
                            folder.resolve("a-small-but-usable.bmp"),
                            folder.resolve("b-cat.png"),
                            folder.resolve("nested/cutout.png"),
                            folder.resolve("nested/deeper/Coffee.JPG")),
                    dataset.files());
            assertEquals(4, dataset.size());

            List<Path> skippedFiles = dataset.skipped().stream().map(SkippedFile::file).toList();
            assertEquals(List.of(folder.resolve("broken.png"), folder.resolve("notes.jpg"), folder.resolve("tiny.png")),
                    skippedFiles);
            assertReason(dataset.skipped().get(0), "broken.png", "truncated");
            assertReason(dataset.skipped().get(1), "notes.jpg", "not an image");
            assertReason(dataset.skipped().get(2), "tiny.png", "20x60");
        }
    }

    private static void assertReason(SkippedFile skipped, String... parts) {
        for (String part : parts) {
            assertTrue(skipped.reason().contains(part), "reason should mention '" + part + "': " + skipped.reason());
        }
    }

    @Test
    void cachesEightBitImagesShrunkToTheShortSideButNeverEnlarged() throws IOException {
        buildMixedFolder();
        Mat sixteenBit = new Mat(120, 300, CvType.CV_16UC3, new Scalar(65535, 32896, 0));
        write(sixteenBit, folder.resolve("wide-16-bit.png"));

        try (FolderDataset dataset = FolderDataset.load(folder, 64, DatasetProgress.NONE)) {
            assertEquals("64x40 8-bit BGR", dataset.image(0).toString(), "already small: kept as is");
            assertEquals("96x64 8-bit BGR", dataset.image(1).toString(), "the 300x199 cat");
            assertEquals("64x64 8-bit BGRA", dataset.image(2).toString(), "the 90x90 cut-out keeps its alpha");
            assertEquals("96x64 8-bit BGR", dataset.image(3).toString(), "the 200x133 coffee");

            Image wide = dataset.image(4);
            assertEquals("160x64 8-bit BGR", wide.toString());
            double[] pixel = wide.mat().get(30, 80);
            assertEquals(255, pixel[0], 1);
            assertEquals(128, pixel[1], 1);
        }
    }

    @Test
    void reportsProgressOncePerImageFileOnTheCallingThread() throws IOException {
        buildMixedFolder();
        List<String> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();

        try (FolderDataset dataset = FolderDataset.load(folder, 64, (loaded, total) -> {
            assertEquals(caller, Thread.currentThread());
            calls.add(loaded + "/" + total);
        })) {
            assertEquals(List.of("1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7"), calls);
            assertEquals(4, dataset.size());
        }
    }

    @Test
    void emptyFolderIsAClearError() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> FolderDataset.load(folder, 64, DatasetProgress.NONE));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("holds no images: it is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("Put PNG, JPEG"), e.getMessage());
    }

    @Test
    void folderWithoutImageFilesSaysWhatItFound() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "text");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/b.gif"), "GIF89a");
        DatasetException e = assertThrows(DatasetException.class,
                () -> FolderDataset.load(folder, 64, DatasetProgress.NONE));
        assertTrue(e.getMessage().contains("found no .png, .jpg"), e.getMessage());
        assertTrue(e.getMessage().contains("only 2 other files"), e.getMessage());
    }

    @Test
    void missingFolderIsAClearError() {
        Path missing = folder.resolve("no-such-folder");
        DatasetException e = assertThrows(DatasetException.class,
                () -> FolderDataset.load(missing, 64, DatasetProgress.NONE));
        assertEquals("The folder " + missing + " does not exist. Check the path, or choose another folder.",
                e.getMessage());
    }

    @Test
    void fileInsteadOfFolderIsAClearError() throws IOException {
        Path photo = copyPhoto("coffee-200.jpg", folder.resolve("coffee.jpg"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> FolderDataset.load(photo, 64, DatasetProgress.NONE));
        assertTrue(e.getMessage().startsWith(photo + " is a file, not a folder."), e.getMessage());
    }

    @Test
    void folderOfUnusableFilesListsTheFirstReasonsAndWhatToDo() throws IOException {
        for (int i = 1; i <= 5; i++) {
            Files.writeString(folder.resolve("fake-" + i + ".png"), "not a png", StandardCharsets.UTF_8);
        }
        DatasetException e = assertThrows(DatasetException.class,
                () -> FolderDataset.load(folder, 64, DatasetProgress.NONE));
        String message = e.getMessage();
        assertTrue(message.startsWith("None of the 5 image files in " + folder + " could be used:"), message);
        assertTrue(message.contains("\n- Cannot read fake-1.png: "), message);
        assertTrue(message.contains("\n- Cannot read fake-3.png: "), message);
        assertTrue(!message.contains("fake-4.png"), message);
        assertTrue(message.contains("\n- and 2 more files."), message);
        assertTrue(message.endsWith("in PNG, JPEG, WebP, BMP or TIFF format."), message);
    }

    @Test
    void refusesACacheSmallerThanTheSmallestUsableImage() {
        assertThrows(IllegalArgumentException.class, () -> FolderDataset.load(folder, 16, DatasetProgress.NONE));
    }
}
