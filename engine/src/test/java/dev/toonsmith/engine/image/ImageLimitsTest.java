package dev.toonsmith.engine.image;

import static dev.toonsmith.engine.image.ImageFixtures.encode;
import static dev.toonsmith.engine.image.ImageFixtures.photoLike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.imgcodecs.Imgcodecs;

/** Pictures too large to decode are refused from their headers, before a byte of pixels is allocated. */
class ImageLimitsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void theDefaultIsTheRenderersMemoryBudgetDecodedAtEightBytesAPixel() {
        assertEquals((1_400L << 20) / 8, ImageLimits.DEFAULT.maxPixels());
        assertTrue(ImageLimits.DEFAULT.allows(12000, 9000), "a 108 MP scan opens as it always did");
        assertTrue(!ImageLimits.DEFAULT.allows(30000, 30000));
        assertEquals(ImageLimits.DEFAULT, ImageLimits.of(0));
    }

    @Test
    void aThirtyThousandPixelSquarePngOfZerosIsRefusedInUnderASecond() throws IOException {
        Path bomb = HostileImages.png30000(dir, "bomb.png");
        assertTrue(Files.size(bomb) < 3_000_000, "a few megabytes: " + Files.size(bomb));

        ImageTooLargeException e = refusedQuickly(bomb);

        assertEquals("Cannot read bomb.png: it is 30000x30000 pixels (900 MP); Toonsmith decodes at most 183 MP"
                + " with the current memory budget. Downscale it first, or raise the limit (--max-pixels of stylize and"
                + " batch; in the studio, maxPixels in studio-settings.json).", e.getMessage());
        assertEquals(bomb, e.file());
        assertEquals(30000, e.width());
    }

    @Test
    void aJpegClaiming65000PixelsASideIsRefusedAndCouldBeDecodedReduced() throws IOException {
        Path jpeg = HostileImages.jpegHeader(dir, "scan.jpg", 65000, 65000);

        ImageTooLargeException e = refusedQuickly(jpeg);

        assertTrue(e.getMessage().startsWith("Cannot read scan.jpg: it is 65000x65000 pixels (4225 MP); Toonsmith"
                + " decodes at most 183 MP"), e.getMessage());
        assertTrue(e.getMessage().contains("or ask for a smaller output (--max-edge)"), e.getMessage());
    }

    @Test
    void strayBytesBeforeTheFrameHeaderDoNotHideAJpegsSize() throws IOException {
        byte[] jpeg = Files.readAllBytes(HostileImages.jpegHeader(dir, "plain.jpg", 30000, 30000));
        // Start of image, a comment segment, then stray bytes (libjpeg skips them with a warning), then the rest.
        byte[] comment = {(byte) 0xFF, (byte) 0xFE, 0, 4, 'h', 'i', 0x00, 0x17, 0x00};
        byte[] padded = new byte[jpeg.length + comment.length];
        System.arraycopy(jpeg, 0, padded, 0, 2);
        System.arraycopy(comment, 0, padded, 2, comment.length);
        System.arraycopy(jpeg, 2, padded, 2 + comment.length, jpeg.length - 2);
        Path file = Files.write(dir.resolve("padded.jpg"), padded);

        assertTrue(refusedQuickly(file).getMessage().contains("it is 30000x30000 pixels"));
    }

    @Test
    void tiffWebpBmpAtTheirFormatsLimitsAreRefused() throws IOException {
        assertTrue(refusedQuickly(HostileImages.tiffAtLimit(dir, "huge.tif")).getMessage()
                .startsWith("Cannot read huge.tif: it is 4294967295x4294967295 pixels ("), "TIFF");
        assertTrue(refusedQuickly(HostileImages.webpAtLimit(dir, "huge.webp")).getMessage()
                .startsWith("Cannot read huge.webp: it is 16777216x16777216 pixels (281474976 MP)"), "WebP");
        assertTrue(refusedQuickly(HostileImages.bmpHeader(dir, "huge.bmp")).getMessage()
                .startsWith("Cannot read huge.bmp: it is 60000x60000 pixels (3600 MP)"), "BMP");
    }

    @Test
    void aGifAtItsLimitIsRefusedAsAFormatToonsmithDoesNotRead() throws IOException {
        Path gif = HostileImages.gifAtLimit(dir, "huge.gif");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.read(gif));
        assertTrue(e.getMessage().startsWith("Cannot read huge.gif: GIF images are not supported"), e.getMessage());
    }

    @Test
    void theSizeOfAHostileFileIsReadFromItsHeaderWithoutDecoding() throws IOException {
        Path bomb = HostileImages.png30000(dir, "bomb.png");
        Path webp = HostileImages.webpAtLimit(dir, "huge.webp");
        assertEquals(new ImageDimensions(30000, 30000), ImageReader.readDimensions(bomb));
        assertEquals(new ImageDimensions(1 << 24, 1 << 24), ImageReader.readDimensions(webp));
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageReader.readDimensions(HostileImages.tiffAtLimit(dir, "huge.tif")));
        assertTrue(e.getMessage().contains("4294967295x4294967295"), e.getMessage());
    }

    @Test
    void aRaisedLimitLetsALargerPictureThroughAndALowerOneRefusesIt() throws IOException {
        Path photo = Files.write(dir.resolve("photo.png"), encode(".png", photoLike(400, 300)));

        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageReader.read(photo, new ImageLimits(100_000)));
        assertTrue(e.getMessage().contains("it is 400x300 pixels (0.1 MP); Toonsmith decodes at most 0.1 MP"),
                e.getMessage());
        try (Image image = ImageReader.read(photo, new ImageLimits(120_000))) {
            assertEquals(400, image.width());
        }
    }

    @Test
    void aSequentialJpegOverTheLimitIsDecodedReducedWhenASmallerOutputIsAskedFor() throws IOException {
        Path jpeg = Files.write(dir.resolve("big.jpg"), encode(".jpg", photoLike(800, 600)));
        ImageLimits limits = new ImageLimits(60_000);

        try (Image quarter = ImageReader.read(jpeg, limits, 200)) {
            // Half size (400x300) is still over 60,000 pixels; a quarter is within and still 200 px across.
            assertEquals(200, quarter.width());
            assertEquals(150, quarter.height());
        }
        // A quarter would be narrower than the 300 px asked for, and half is over the limit.
        assertThrows(ImageTooLargeException.class, () -> ImageReader.read(jpeg, limits, 300));
        assertThrows(ImageTooLargeException.class, () -> ImageReader.read(jpeg, limits, 0));
    }

    @Test
    void aProgressiveJpegIsNotDecodedReducedBecauseLibjpegWouldBufferItAtFullSize() throws IOException {
        Path jpeg = Files.write(dir.resolve("progressive.jpg"),
                encode(".jpg", photoLike(800, 600), Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1));

        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageReader.read(jpeg, new ImageLimits(60_000), 200));
        assertTrue(!e.getMessage().contains("--max-edge"), e.getMessage());
    }

    @Test
    void aLimitOutOfRangeIsNamedWithTheRange() {
        assertEquals(null, ImageLimits.problem(0));
        assertEquals("must be 0 (the default, 183 MP) or a number of pixels up to 1073741824 (1073 MP, the most"
                + " OpenCV decodes), not -5.", ImageLimits.problem(-5));
        assertThrows(IllegalArgumentException.class, () -> ImageLimits.of(ImageLimits.CEILING + 1));
    }

    private static ImageTooLargeException refusedQuickly(Path file) {
        long start = System.nanoTime();
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> ImageReader.read(file));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toMillis() < 1000, file.getFileName() + " took " + took.toMillis() + " ms to refuse");
        return e;
    }
}
