package dev.toonsmith.engine.image;

import static dev.toonsmith.engine.image.ImageFixtures.GREEN;
import static dev.toonsmith.engine.image.ImageFixtures.WHITE;
import static dev.toonsmith.engine.image.ImageFixtures.assertColour;
import static dev.toonsmith.engine.image.ImageFixtures.assertUprightPattern;
import static dev.toonsmith.engine.image.ImageFixtures.encode;
import static dev.toonsmith.engine.image.ImageFixtures.fixture;
import static dev.toonsmith.engine.image.ImageFixtures.noise;
import static dev.toonsmith.engine.image.ImageFixtures.photoLike;
import static dev.toonsmith.engine.image.ImageFixtures.px;
import static dev.toonsmith.engine.image.ImageFixtures.rawDecode;
import static dev.toonsmith.engine.image.ImageFixtures.samePixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

class ImageReaderTest {

    /** JPEG fixtures are lossy; the quadrants are flat colours, so a small error is plenty. */
    private static final double JPEG_TOLERANCE = 12;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    // --- orientation -------------------------------------------------------------------------------

    @ParameterizedTest(name = "EXIF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegComesOutUprightForEveryExifOrientation(int orientation) throws IOException {
        Path file = fixture("orientation-" + orientation + ".jpg");
        Mat stored = rawDecode(Files.readAllBytes(file));
        boolean sideways = orientation >= 5;
        assertEquals(sideways ? 16 : 24, stored.cols(), "fixture is stored as the camera saw it");
        stored.release();

        try (Image image = ImageReader.read(file)) {
            // For 5 to 8 this also checks that width and height were swapped.
            assertUprightPattern(image, JPEG_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"orientation-6.png", "orientation-6.webp"})
    void pngAndWebpExifOrientationIsHonoured(String name) throws IOException {
        try (Image image = ImageReader.read(fixture(name))) {
            assertUprightPattern(image, 0);
        }
    }

    @Test
    void tiffOrientationIsAppliedOnceNotTwice() throws IOException {
        // OpenCV's TIFF decoder applies the TIFF orientation tag itself, even with IMREAD_UNCHANGED.
        Path file = fixture("orientation-6.tif");
        Mat decoded = rawDecode(Files.readAllBytes(file));
        assertEquals(24, decoded.cols(), "OpenCV turned the stored 16x24 pixels upright");
        decoded.release();

        try (Image image = ImageReader.read(file)) {
            assertUprightPattern(image, 0);
        }
    }

    // --- layouts and bit depths --------------------------------------------------------------------

    @Test
    void sixteenBitPngKeepsEveryValue() throws IOException {
        Mat original = noise(31, 17, CvType.CV_16UC3, 1);
        Path file = write("deep.png", encode(".png", original));

        try (Image image = ImageReader.read(file)) {
            assertEquals(16, image.bitDepth());
            assertFalse(image.hasAlpha());
            assertTrue(samePixels(original, image.mat()), "every 16-bit value survives");
        }
    }

    @Test
    void sixteenBitRgbaPngKeepsColourAndAlpha() throws IOException {
        Mat original = noise(20, 10, CvType.CV_16UC4, 2);
        Path file = write("deep-alpha.png", encode(".png", original));

        try (Image image = ImageReader.read(file)) {
            assertEquals("20x10 16-bit BGRA", image.toString());
            assertTrue(samePixels(original, image.mat()));
        }
    }

    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {8, 16})
    void grayscalePngBecomesBgrWithEqualChannels(int bits) throws IOException {
        Mat gray = noise(12, 9, bits == 8 ? CvType.CV_8UC1 : CvType.CV_16UC1, 3);
        Path file = write("gray.png", encode(".png", gray));

        try (Image image = ImageReader.read(file)) {
            assertEquals(bits, image.bitDepth());
            assertFalse(image.hasAlpha());
            for (int y = 0; y < gray.rows(); y++) {
                for (int x = 0; x < gray.cols(); x++) {
                    double g = gray.get(y, x)[0];
                    assertArrayEquals(new double[] {g, g, g}, px(image, x, y));
                }
            }
        }
    }

    @Test
    void grayPlusAlphaPngBecomesBgra() throws IOException {
        try (Image image = ImageReader.read(fixture("gray-alpha.png"))) {
            assertEquals(8, image.bitDepth());
            assertTrue(image.hasAlpha());
            double[] top = px(image, 4, 3);
            assertEquals(top[0], top[1]);
            assertEquals(top[1], top[2]);
            assertEquals(127, top[3], 1, "half transparent on top");
            assertEquals(255, px(image, 19, 12)[3], "opaque at the bottom");
            assertColour(WHITE, px(image, 19, 12), 0, "white quadrant");
        }
    }

    @Test
    void sixteenBitGrayPlusAlphaPngKeepsSixteenBits() throws IOException {
        try (Image image = ImageReader.read(fixture("gray-alpha-16.png"))) {
            assertEquals("24x16 16-bit BGRA", image.toString());
            assertEquals(32767, px(image, 4, 3)[3], 257, "half transparent on top");
            assertEquals(65535, px(image, 19, 12)[3]);
            assertColour(new double[] {65535, 65535, 65535}, px(image, 19, 12), 0, "white quadrant");
        }
    }

    @Test
    void twoChannelGrayAlphaFromADecoderBecomesBgra() throws IOException {
        // No OpenCV 4.9 decoder returns two channels (gray+alpha PNG comes as four), but the layout is
        // legal in a Mat and must not reach the engine.
        Mat grayAlpha = ImageFixtures.filled(3, 2, CvType.CV_16UC2, 1000, 40000);
        Mat bgra = ImageReader.toEngineLayout(grayAlpha, Path.of("x.tif"));
        assertEquals(CvType.CV_16UC4, bgra.type());
        assertArrayEquals(new double[] {1000, 1000, 1000, 40000}, bgra.get(1, 2));
    }

    @Test
    void floatImagesBecomeSixteenBitClampedToZeroToOne() throws IOException {
        Mat floats = new Mat(1, 4, CvType.CV_32FC3);
        floats.put(0, 0, 0, 0.5, 1, -0.25, 0.25, 3.0, 1e-6, 0.75, 0.999999, 1, 1, 1);
        Mat sixteen = ImageReader.toEngineLayout(floats, Path.of("x.tif"));
        assertEquals(CvType.CV_16UC3, sixteen.type());
        assertArrayEquals(new double[] {0, 32768, 65535}, sixteen.get(0, 0));
        assertArrayEquals(new double[] {0, 16384, 65535}, sixteen.get(0, 1), "clamped, not wrapped");
        assertArrayEquals(new double[] {0, 49151, 65535}, sixteen.get(0, 2));
    }

    @Test
    void floatTiffReadsAsSixteenBit() throws IOException {
        Mat floats = ImageFixtures.filled(8, 4, CvType.CV_32FC3, 0.25, 0.5, 1.0);
        // Uncompressed: OpenCV's default for float TIFF is lossy SGI LogLuv.
        Path file = write("float.tif", encode(".tif", floats, Imgcodecs.IMWRITE_TIFF_COMPRESSION, 1));

        try (Image image = ImageReader.read(file)) {
            assertEquals(16, image.bitDepth());
            assertArrayEquals(new double[] {16384, 32768, 65535}, px(image, 5, 2));
        }
    }

    @Test
    void signedIntegerTiffIsRefusedWithTheReason() throws IOException {
        Path file = write("signed.tif", encode(".tif", ImageFixtures.filled(4, 4, CvType.CV_16SC3, -5, 0, 5)));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read signed.tif: it stores signed 16-bit samples"),
                e.getMessage());
    }

    @Test
    void palettePngBecomesBgr() throws IOException {
        try (Image image = ImageReader.read(fixture("palette.png"))) {
            assertEquals("24x16 8-bit BGR", image.toString());
            assertUprightPattern(image, 0);
        }
    }

    @Test
    void palettePngWithTransparencyKeepsItsAlpha() throws IOException {
        try (Image image = ImageReader.read(fixture("palette-transparent.png"))) {
            assertEquals("24x16 8-bit BGRA", image.toString());
            assertEquals(0, px(image, 4, 3)[3], "left half transparent");
            assertEquals(0, px(image, 4, 12)[3]);
            assertEquals(255, px(image, 19, 3)[3], "right half opaque");
            assertColour(GREEN, px(image, 19, 3), 0, "top-right");
            assertColour(WHITE, px(image, 19, 12), 0, "bottom-right");
        }
    }

    @Test
    void cmykJpegComesOutInRgbColours() throws IOException {
        try (Image image = ImageReader.read(fixture("cmyk.jpg"))) {
            assertFalse(image.hasAlpha());
            assertUprightPattern(image, JPEG_TOLERANCE);
        }
    }

    @Test
    void cmykTiffComesOutInRgbColours() throws IOException {
        try (Image image = ImageReader.read(fixture("cmyk.tif"))) {
            assertUprightPattern(image, 0);
        }
    }

    @Test
    void fileIsReadByContentNotByExtension() throws IOException {
        Mat pixels = noise(6, 5, CvType.CV_8UC3, 4);
        Path file = write("actually-a-png.jpg", encode(".png", pixels));

        try (Image image = ImageReader.read(file)) {
            assertTrue(samePixels(pixels, image.mat()));
        }
    }

    @Test
    void pathsWithNonAsciiCharactersWork() throws IOException {
        Mat pixels = noise(6, 5, CvType.CV_8UC3, 5);
        Path file = write("фото 写真 Ünïcode.png", encode(".png", pixels));

        try (Image image = ImageReader.read(file)) {
            assertTrue(samePixels(pixels, image.mat()));
        }
    }

    @Test
    void jpegWithDataAfterTheImageStillReads() throws IOException {
        // Motion photos and some cameras append data (a video, a second image) after the JPEG.
        byte[] jpeg = encode(".jpg", photoLike(64, 48));
        byte[] trailer = new byte[200_000];
        Arrays.fill(trailer, (byte) 0x42);
        trailer[0] = (byte) 0xFF;
        trailer[1] = (byte) 0xD8; // looks like the start of another JPEG, which never ends
        Path file = write("motion.jpg", concat(jpeg, trailer));

        try (Image image = ImageReader.read(file)) {
            assertEquals(64, image.width());
        }
    }

    // --- broken files --------------------------------------------------------------------------------

    @Test
    void truncatedJpegFailsAlthoughOpenCvWouldDecodeIt() throws IOException {
        byte[] jpeg = encode(".jpg", photoLike(96, 64), Imgcodecs.IMWRITE_JPEG_QUALITY, 90);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        Mat quietlyFilledIn = rawDecode(cut);
        assertFalse(quietlyFilledIn.empty(), "OpenCV only warns and fills in the missing rows");
        quietlyFilledIn.release();
        Path file = write("photo.jpg", cut);

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertEquals("Cannot read photo.jpg: the file is truncated (the JPEG data ends before the "
                + "end-of-image marker). Re-export or re-download it.", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void truncatedJpegFailsEvenWhenItsExifThumbnailIsComplete() throws IOException {
        // The thumbnail inside the EXIF block ends with its own end-of-image marker; only the main
        // image's marker counts.
        Path camera = fixture("with-thumbnail.jpg");
        try (Image whole = ImageReader.read(camera)) {
            assertEquals(96, whole.width());
        }
        byte[] bytes = Files.readAllBytes(camera);
        Path file = write("camera.jpg", Arrays.copyOf(bytes, bytes.length - 200));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read camera.jpg: the file is truncated"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"baseline", "progressive", "restart markers"})
    void jpegEncodingsAreReadWholeAndRefusedCut(String encoding) throws IOException {
        int[] params = switch (encoding) {
            case "progressive" -> new int[] {Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1};
            case "restart markers" -> new int[] {Imgcodecs.IMWRITE_JPEG_RST_INTERVAL, 2};
            default -> new int[0];
        };
        byte[] jpeg = encode(".jpg", photoLike(80, 48), params);
        Path whole = write("whole.jpg", jpeg);
        Path cut = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length - jpeg.length / 4));

        try (Image image = ImageReader.read(whole)) {
            assertEquals(80, image.width());
        }
        assertThrows(ImageFormatException.class, () -> ImageReader.read(cut));
    }

    @Test
    void jpegCutInsideItsHeaderFailsAsTruncated() throws IOException {
        byte[] jpeg = encode(".jpg", photoLike(16, 16));
        Path file = write("stub.jpg", Arrays.copyOf(jpeg, 40));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read stub.jpg: the file is truncated"), e.getMessage());
    }

    @Test
    void truncatedPngFails() throws IOException {
        byte[] png = encode(".png", noise(64, 64, CvType.CV_8UC3, 6));
        Path file = write("cut.png", Arrays.copyOf(png, png.length / 2));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertEquals("Cannot read cut.png: the file is truncated (the PNG data ends before the IEND chunk). "
                + "Re-export or re-download it.", e.getMessage());
    }

    @Test
    void corruptPngFailsAsCorrupt() throws IOException {
        byte[] png = encode(".png", noise(64, 64, CvType.CV_8UC3, 7));
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
        for (int i = idat + 20; i < idat + 60; i++) {
            png[i] ^= 0x5A; // damaged pixel data; the chunk structure stays intact
        }
        Path file = write("damaged.png", png);

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read damaged.png: the PNG data is corrupt"), e.getMessage());
    }

    @Test
    void truncatedWebpFails() throws IOException {
        byte[] webp = encode(".webp", noise(32, 32, CvType.CV_8UC3, 8));
        Path file = write("cut.webp", Arrays.copyOf(webp, webp.length - 10));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read cut.webp: the file is truncated"), e.getMessage());
    }

    @Test
    void textFileIsNotAnImage() throws IOException {
        Path file = write("notes.txt", "Buy milk\n".getBytes(StandardCharsets.UTF_8));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertEquals("Cannot read notes.txt: not an image OpenCV can decode (supported: PNG, JPEG, WebP, BMP, "
                + "TIFF). Choose an image file.", e.getMessage());
    }

    @Test
    void gifIsNamedAsUnsupported() throws IOException {
        Path file = write("anim.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read anim.gif: GIF images are not supported"), e.getMessage());
    }

    @Test
    void emptyFileSaysEmpty() throws IOException {
        Path file = write("empty.png", new byte[0]);

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read empty.png: the file is empty (0 bytes)."), e.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("x.png");

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
        assertTrue(e.getMessage().startsWith("Cannot read x.png: no such file."), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void folderIsNotAFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("holiday.jpg"));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(folder));
        assertTrue(e.getMessage().startsWith("Cannot read holiday.jpg: it is a folder"), e.getMessage());
    }

    // --- dimensions without decoding --------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"orientation-1.jpg", "orientation-3.jpg", "orientation-5.jpg", "orientation-6.jpg",
        "orientation-8.jpg", "orientation-6.png", "orientation-6.webp", "orientation-6.tif", "cmyk.jpg", "cmyk.tif",
        "palette.png", "gray-alpha-16.png", "with-thumbnail.jpg"})
    void dimensionsAreThoseOfTheDecodedUprightImage(String name) throws IOException {
        Path file = fixture(name);
        try (Image image = ImageReader.read(file)) {
            assertEquals(new ImageDimensions(image.width(), image.height()), ImageReader.readDimensions(file));
        }
    }

    @Test
    void dimensionsOfBmpAndOfAPhotoLikeJpegComeFromTheirHeaders() throws IOException {
        Path bmp = write("wide.bmp", encode(".bmp", photoLike(40, 24)));
        Path jpeg = write("tall.jpg", encode(".jpg", photoLike(24, 40), Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1));
        assertEquals(new ImageDimensions(40, 24), ImageReader.readDimensions(bmp));
        assertEquals("24x40", ImageReader.readDimensions(jpeg).toString());
        assertEquals(24, ImageReader.readDimensions(jpeg).shortSide());
    }

    @Test
    void dimensionsRefuseWhatReadingRefusesWithTheSameMessage() throws IOException {
        byte[] png = encode(".png", noise(64, 64, CvType.CV_8UC3, 6));
        byte[] jpeg = encode(".jpg", photoLike(80, 48));
        List<Path> broken = List.of(
                write("cut.png", Arrays.copyOf(png, png.length / 2)),
                write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length - jpeg.length / 4)),
                write("notes.jpg", "Buy milk\n".getBytes(StandardCharsets.UTF_8)),
                write("anim.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                write("empty.png", new byte[0]),
                dir.resolve("missing.png"));
        for (Path file : broken) {
            ImageFormatException read = assertThrows(ImageFormatException.class, () -> ImageReader.read(file));
            ImageFormatException dimensions = assertThrows(ImageFormatException.class,
                    () -> ImageReader.readDimensions(file));
            assertEquals(read.getMessage(), dimensions.getMessage());
            assertEquals(file, dimensions.file());
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
