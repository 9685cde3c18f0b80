package dev.toonsmith.engine.image;

import static dev.toonsmith.engine.image.ImageFixtures.RED;
import static dev.toonsmith.engine.image.ImageFixtures.WHITE;
import static dev.toonsmith.engine.image.ImageFixtures.assertColour;
import static dev.toonsmith.engine.image.ImageFixtures.noise;
import static dev.toonsmith.engine.image.ImageFixtures.px;
import static dev.toonsmith.engine.image.ImageFixtures.samePixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

class ImageWriterTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.png", "out.tif", "out.tiff"})
    void losslessFormatsKeepSixteenBitsAndAlphaExactly(String name) throws IOException {
        Path target = dir.resolve(name);
        try (Image original = Image.wrap(noise(33, 21, CvType.CV_16UC4, 11))) {
            ImageWriter.write(original, target, WriteOptions.defaults());

            try (Image back = ImageReader.read(target)) {
                assertTrue(samePixels(original.mat(), back.mat()), "every 16-bit colour and alpha value");
            }
        }
    }

    @Test
    void eightBitRgbaPngKeepsAlphaExactly() throws IOException {
        Path target = dir.resolve("cutout.png");
        try (Image original = Image.wrap(noise(40, 30, CvType.CV_8UC4, 12))) {
            ImageWriter.write(original, target, WriteOptions.defaults());

            try (Image back = ImageReader.read(target)) {
                assertTrue(samePixels(original.mat(), back.mat()));
            }
        }
    }

    @Test
    void jpegOfSixteenBitImageWithAlphaIsEightBitOnWhite() throws IOException {
        Path target = dir.resolve("print.jpg");
        try (Image original = Image.wrap(quadrants16())) {
            ImageWriter.write(original, target, WriteOptions.defaults());

            try (Image back = ImageReader.read(target)) {
                assertEquals("32x32 8-bit BGR", back.toString());
                assertColour(RED, px(back, 8, 8), 6, "opaque red stays red");
                assertColour(WHITE, px(back, 24, 8), 6, "fully transparent becomes white");
                assertColour(new double[] {255, 127, 127}, px(back, 8, 24), 6, "half transparent blue");
                assertColour(new double[] {0, 100, 200}, px(back, 24, 24), 6, "opaque colour");
            }
            assertEquals("32x32 16-bit BGRA", original.toString(), "the image itself is not changed");
        }
    }

    @Test
    void bmpFlattensAlphaOntoWhiteWithExactArithmetic() throws IOException {
        Path target = dir.resolve("flat.bmp");
        Mat bgra = new Mat(1, 3, CvType.CV_8UC4);
        bgra.put(0, 0, 10, 20, 30, 255, /* */ 10, 20, 30, 0, /* */ 0, 0, 255, 128);
        try (Image original = Image.wrap(bgra)) {
            ImageWriter.write(original, target, WriteOptions.defaults());

            try (Image back = ImageReader.read(target)) {
                assertFalse(back.hasAlpha());
                assertArrayEquals(new double[] {10, 20, 30}, px(back, 0, 0));
                assertArrayEquals(new double[] {255, 255, 255}, px(back, 1, 0));
                // 255 * (1 - 128/255) = 127 added to each channel, plus 255 * 128/255 = 128 of red.
                assertArrayEquals(new double[] {127, 127, 255}, px(back, 2, 0));
            }
        }
    }

    @Test
    void eightBitFormatsScaleSixteenBitValuesWithRounding() throws IOException {
        Path target = dir.resolve("scaled.bmp");
        Mat deep = new Mat(1, 2, CvType.CV_16UC3);
        deep.put(0, 0, 0, 257 * 100, 65535, /* */ 128, 129, 257 * 7 + 129);
        try (Image original = Image.wrap(deep)) {
            ImageWriter.write(original, target, WriteOptions.defaults());

            try (Image back = ImageReader.read(target)) {
                assertEquals(8, back.bitDepth());
                assertArrayEquals(new double[] {0, 100, 255}, px(back, 0, 0));
                assertArrayEquals(new double[] {0, 1, 8}, px(back, 1, 0), "rounded to nearest");
            }
        }
    }

    @Test
    void webpKeepsAlphaAtEightBits() throws IOException {
        Path target = dir.resolve("sticker.webp");
        try (Image original = Image.wrap(quadrants16())) {
            ImageWriter.write(original, target, new WriteOptions(100));

            try (Image back = ImageReader.read(target)) {
                assertEquals("32x32 8-bit BGRA", back.toString());
                assertEquals(255, px(back, 8, 8)[3], 2);
                assertEquals(0, px(back, 24, 8)[3], 2);
                assertEquals(128, px(back, 8, 24)[3], 2);
                assertColour(RED, px(back, 8, 8), 8, "opaque red");
            }
        }
    }

    @Test
    void jpegQualityIsUsed() throws IOException {
        try (Image image = Image.wrap(noise(64, 64, CvType.CV_8UC3, 13))) {
            ImageWriter.write(image, dir.resolve("low.jpg"), new WriteOptions(20));
            ImageWriter.write(image, dir.resolve("high.jpg"), new WriteOptions(95));
        }
        assertTrue(Files.size(dir.resolve("low.jpg")) < Files.size(dir.resolve("high.jpg")) / 2);
    }

    @Test
    void formatComesFromTheExtensionInAnyCase() throws IOException {
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 14))) {
            ImageWriter.write(image, dir.resolve("HOLIDAY.JPEG"), WriteOptions.defaults());
            ImageWriter.write(image, dir.resolve("holiday.Png"), WriteOptions.defaults());
        }
        byte[] jpeg = Files.readAllBytes(dir.resolve("HOLIDAY.JPEG"));
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
        byte[] png = Files.readAllBytes(dir.resolve("holiday.Png"));
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() throws IOException {
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 15))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageWriter.write(image, dir.resolve("out.gif"), WriteOptions.defaults()));
            assertEquals("Cannot write out.gif: unknown file type. Use one of .png, .jpg, .jpeg, .webp, .bmp, "
                    + ".tif, .tiff.", e.getMessage());
        }
        assertEquals(List.of(), listDir());
    }

    @Test
    void writingLeavesOnlyTheTargetBehind() throws IOException {
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 16))) {
            ImageWriter.write(image, dir.resolve("result.png"), WriteOptions.defaults());
            ImageWriter.write(image, dir.resolve("result.png"), WriteOptions.defaults());
        }
        assertEquals(List.of("result.png"), listDir());
    }

    @Test
    void existingTargetIsReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("result.png"), "yesterday's result");
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 17))) {
            ImageWriter.write(image, target, WriteOptions.defaults());

            try (Image back = ImageReader.read(target)) {
                assertTrue(samePixels(image.mat(), back.mat()));
            }
        }
    }

    @Test
    void failedEncodingLeavesTheExistingTargetAndNoTemporaryFiles() throws IOException {
        Path target = Files.writeString(dir.resolve("wide.webp"), "yesterday's result");
        // WebP cannot be wider than 16383 pixels, so the encoder refuses this image.
        try (Image tooWide = Image.wrap(ImageFixtures.filled(16_384, 1, CvType.CV_8UC3, 1, 2, 3))) {
            IOException e = assertThrows(IOException.class,
                    () -> ImageWriter.write(tooWide, target, WriteOptions.defaults()));
            assertTrue(e.getMessage().startsWith("Cannot write wide.webp: OpenCV could not encode the image as "
                    + "WEBP"), e.getMessage());
        }
        assertEquals("yesterday's result", Files.readString(target));
        assertEquals(List.of("wide.webp"), listDir());
    }

    @Test
    void missingFolderIsReported() throws IOException {
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 18))) {
            IOException e = assertThrows(IOException.class, () -> ImageWriter.write(
                    image, dir.resolve("gone").resolve("out.png"), WriteOptions.defaults()));
            assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        }
    }

    @Test
    void folderWithTheTargetNameIsNotReplaced() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out.png"));
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 19))) {
            IOException e = assertThrows(IOException.class,
                    () -> ImageWriter.write(image, folder, WriteOptions.defaults()));
            assertTrue(e.getMessage().startsWith("Cannot write out.png: a folder of that name exists"));
        }
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void refusesToOverwriteTheSourceImage() throws IOException {
        Path source = Files.writeString(dir.resolve("photo.jpg"), "the only copy");
        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 20))) {
            IOException e = assertThrows(IOException.class,
                    () -> ImageWriter.write(image, source, WriteOptions.defaults(), source));
            assertEquals("Refusing to overwrite the source image photo.jpg: choose another output name.",
                    e.getMessage());
        }
        assertEquals("the only copy", Files.readString(source));
    }

    @Test
    void recognisesTheSourceUnderAnotherName() throws IOException {
        Path source = Files.writeString(dir.resolve("photo.jpg"), "the only copy");
        Files.createDirectory(dir.resolve("sub"));
        Path spelledDifferently = dir.resolve("sub").resolve("..").resolve(".").resolve("photo.jpg");
        Path hardLink = Files.createLink(dir.resolve("link.jpg"), source);
        Path symbolicLink = Files.createSymbolicLink(dir.resolve("symlink.jpg"), source);

        for (Path target : List.of(spelledDifferently, hardLink, symbolicLink)) {
            assertThrows(IOException.class, () -> ImageWriter.requireNotSource(source, target), target::toString);
        }
    }

    @Test
    void anotherTargetNextToTheSourceIsFine() throws IOException {
        Path source = Files.writeString(dir.resolve("photo.jpg"), "the only copy");
        Path target = dir.resolve("photo-cartoon.jpg");
        assertDoesNotThrow(() -> ImageWriter.requireNotSource(source, target));

        try (Image image = Image.wrap(noise(8, 8, CvType.CV_8UC3, 21))) {
            ImageWriter.write(image, target, WriteOptions.defaults(), source);
        }
        assertTrue(Files.size(target) > 0);
        assertEquals("the only copy", Files.readString(source));
    }

    @Test
    void qualityMustBeOneToHundred() {
        assertEquals(95, WriteOptions.defaults().quality());
        assertThrows(IllegalArgumentException.class, () -> new WriteOptions(0));
        assertThrows(IllegalArgumentException.class, () -> new WriteOptions(101));
    }

    /**
     * 32x32, 16-bit BGRA: opaque red top-left, fully transparent black top-right, half transparent blue
     * bottom-left, opaque orange-ish (B 0, G 100, R 200 in 8-bit terms) bottom-right.
     */
    private static Mat quadrants16() {
        Mat m = new Mat(32, 32, CvType.CV_16UC4);
        m.submat(new Rect(0, 0, 16, 16)).setTo(new Scalar(0, 0, 65535, 65535));
        m.submat(new Rect(16, 0, 16, 16)).setTo(new Scalar(0, 0, 0, 0));
        m.submat(new Rect(0, 16, 16, 16)).setTo(new Scalar(65535, 0, 0, 32896));
        m.submat(new Rect(16, 16, 16, 16)).setTo(new Scalar(0, 100 * 257, 200 * 257, 65535));
        return m;
    }

    private List<String> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
