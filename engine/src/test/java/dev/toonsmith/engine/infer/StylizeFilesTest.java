package dev.toonsmith.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** The whole path a user takes: a file from a camera or an editor, a style file, an output file. */
class StylizeFilesTest {

    @TempDir
    static Path folder;

    private static Path styleFile;
    private static Stylizer stylizer;

    @BeforeAll
    static void writeStyle() throws IOException {
        TorchRuntime.engine();
        LiteSpec spec = new LiteSpec(6, 1, false);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = spec.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StyleManifest manifest = StyleManifest.builder("test-random", "Random test style", spec)
                    .author("tests").license("CC0-1.0").build();
            byte[] thumbnail = Files.readAllBytes(TestImages.photo("chelsea-300.png"));
            styleFile = folder.resolve("random.toon");
            StyleWriter.write(StyleWriter.bundle(manifest, generator, thumbnail), styleFile);
        }
        stylizer = Stylizer.load(StyleBundle.read(styleFile), DevicePreference.CPU);
    }

    @AfterAll
    static void close() {
        stylizer.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, decoded width, height, alpha
        "orientation-6.jpg, 24, 16, false",
        "orientation-8.jpg, 24, 16, false",
        "orientation-6.png, 24, 16, false",
        "cmyk.jpg, 24, 16, false",
        "cmyk.tif, 24, 16, true",
        "palette.png, 24, 16, false",
        "palette-transparent.png, 24, 16, true",
        "gray-alpha.png, 24, 16, true",
        "gray-alpha-16.png, 24, 16, true"
    })
    void camerasAndEditorsFilesStylizeUprightAtTheirSize(String name, int width, int height, boolean alpha)
            throws IOException {
        try (Image photo = ImageReader.read(fixture(name));
                Image out = stylizer.stylize(photo, StylizeOptions.defaults())) {
            assertEquals(width, out.width(), name);
            assertEquals(height, out.height(), name);
            assertEquals(alpha, out.hasAlpha(), name);
            assertEquals(photo.bitDepth(), out.bitDepth(), name);
            if (alpha) {
                assertTrue(TestImages.samePixels(channel(photo.mat(), 3), channel(out.mat(), 3)), name + " keeps alpha");
            }
        }
    }

    @Test
    void sixteenBitGrayscaleAndRgbaPngsRoundTripThroughFiles() throws IOException {
        try (Image photo = TestImages.load("coffee-200.jpg"); Image deep = TestImages.to16Bit(photo)) {
            Path deepFile = folder.resolve("deep.png");
            ImageWriter.write(deep, deepFile, WriteOptions.defaults());
            Path out = folder.resolve("deep-out.png");
            try (Image read = ImageReader.read(deepFile); Image styled = stylizer.stylize(read, StylizeOptions.defaults())) {
                ImageWriter.write(styled, out, WriteOptions.defaults(), deepFile);
            }
            try (Image back = ImageReader.read(out)) {
                assertEquals(16, back.bitDepth());
                assertEquals(200, back.width());
            }
        }
    }

    @Test
    void aSavedAndReloadedStyleGivesIdenticalOutput() throws IOException {
        Path copy = folder.resolve("copy.toon");
        StyleWriter.write(StyleBundle.read(styleFile), copy);
        try (Stylizer reloaded = Stylizer.load(StyleBundle.read(copy), DevicePreference.CPU);
                Image photo = TestImages.load("chelsea-300.png");
                Image a = stylizer.stylize(photo, StylizeOptions.defaults());
                Image b = reloaded.stylize(photo, StylizeOptions.defaults())) {
            assertTrue(TestImages.samePixels(a.mat(), b.mat()));
            assertTrue(TestImages.meanAbsoluteDifference(photo, a) > 0.02, "the style changes the photo");
        }
    }

    @Test
    void truncatedAndNonImageFilesFailWithTheFileNamed() throws IOException {
        byte[] jpeg = Files.readAllBytes(TestImages.photo("coffee-200.jpg"));
        Path truncated = folder.resolve("cut.jpg");
        Files.write(truncated, Arrays.copyOf(jpeg, jpeg.length / 2));
        ImageFormatException cut = assertThrows(ImageFormatException.class, () -> ImageReader.read(truncated));
        assertTrue(cut.getMessage().contains("cut.jpg") && cut.getMessage().contains("truncated"), cut.getMessage());
        Path text = folder.resolve("notes.png");
        Files.writeString(text, "not a picture");
        ImageFormatException notImage = assertThrows(ImageFormatException.class, () -> ImageReader.read(text));
        assertTrue(notImage.getMessage().contains("notes.png"), notImage.getMessage());
        assertFalse(notImage.getMessage().contains("Exception"), notImage.getMessage());
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(StylizeFilesTest.class.getResource("/images/" + name), name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mat channel(Mat mat, int c) {
        Mat out = new Mat();
        Core.extractChannel(mat, out, c);
        return out;
    }
}
