package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The bundled default style on photos it never saw in training, through the command line with no
 * {@code --style}: what a new user gets first. It must draw a cartoon (flatter surfaces, darker boundaries),
 * not return the photo or noise.
 */
class DefaultStyleTest {

    @TempDir
    Path work;

    @BeforeEach
    void isolateUserFolder() {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee.jpg", "grace-hopper.jpg"})
    void stylizeWithoutAStyleDrawsTheDefaultCartoon(String name) throws Exception {
        Path photoFile = Path.of("..", "sample-images", name);
        Path out = work.resolve("out.png");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = ToonsmithCommand.run(new String[] {"stylize", photoFile.toString(), "-o", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("style 'Toonsmith Default'"), printed);

        try (Image photo = ImageReader.read(photoFile); Image cartoon = ImageReader.read(out)) {
            assertEquals(photo.width(), cartoon.width());
            assertEquals(photo.height(), cartoon.height());
            Mat photoGray = gray(photo.mat());
            Mat cartoonGray = gray(cartoon.mat());

            double photoTexture = meanAbsLaplacian(photoGray);
            double cartoonTexture = meanAbsLaplacian(cartoonGray);
            Mat boundaries = strongestEdges(photoGray, 0.04);
            double photoOnEdges = Core.mean(photoGray, boundaries).val[0];
            double cartoonOnEdges = Core.mean(cartoonGray, boundaries).val[0];
            System.out.printf("%s: texture %.2f -> %.2f, boundary brightness %.1f -> %.1f%n",
                    name, photoTexture, cartoonTexture, photoOnEdges, cartoonOnEdges);
            assertTrue(cartoonTexture < FLATTER * photoTexture,
                    "surfaces flattened: mean |Laplacian| " + cartoonTexture + " vs the photo's " + photoTexture);
            assertTrue(cartoonOnEdges < photoOnEdges - DARKER_BOUNDARIES,
                    "boundaries inked: mean brightness on the photo's strongest edges " + cartoonOnEdges
                            + " vs the photo's " + photoOnEdges);
        }
    }

    /**
     * A large photo must get the cartoon its 1024 px preview showed, not flat areas and outlines too small to
     * see: the style draws at its working edge and the result is upsampled edge-aware.
     */
    @Test
    void aLargePhotoGetsTheCartoonItsPreviewShowed() throws Exception {
        Path big = work.resolve("coffee-big.png");
        try (Image photo = ImageReader.read(Path.of("..", "sample-images", "coffee.jpg"))) {
            Mat enlarged = new Mat();
            Imgproc.resize(photo.mat(), enlarged, new Size(1800, 1200), 0, 0, Imgproc.INTER_CUBIC);
            org.opencv.imgcodecs.Imgcodecs.imwrite(big.toString(), enlarged);
        }
        Path full = stylize(big, "full.png");
        Path fullScale = stylize(big, "full-scale.png", "--working-edge", "0");
        try (Image fullImage = ImageReader.read(full); Image fullScaleImage = ImageReader.read(fullScale);
                Image photo = ImageReader.read(big)) {
            assertEquals(1800, fullImage.width());
            assertEquals(1200, fullImage.height());
            Mat photoGray = gray(photo.mat());
            double photoTexture = meanAbsLaplacian(photoGray);
            double texture = meanAbsLaplacian(gray(fullImage.mat()));
            double fullScaleTexture = meanAbsLaplacian(gray(fullScaleImage.mat()));
            System.out.printf("1800x1200 coffee: texture %.2f -> %.2f at the working edge, %.2f drawn at full resolution%n",
                    photoTexture, texture, fullScaleTexture);
            assertTrue(texture < FLATTER * photoTexture, "surfaces flattened: " + texture + " vs the photo's " + photoTexture);
            assertTrue(fullScaleTexture > 1.5 * texture,
                    "drawn at full resolution the style's flat areas are too small to see: " + fullScaleTexture + " vs " + texture);
            Mat boundaries = strongestEdges(photoGray, 0.04);
            assertTrue(Core.mean(gray(fullImage.mat()), boundaries).val[0]
                    < Core.mean(photoGray, boundaries).val[0] - DARKER_BOUNDARIES, "boundaries inked");
        }
    }

    private Path stylize(Path photo, String outName, String... options) {
        Path out = work.resolve(outName);
        String[] args = new String[3 + options.length];
        args[0] = "stylize";
        args[1] = photo.toString();
        args[2] = "-o=" + out;
        System.arraycopy(options, 0, args, 3, options.length);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = ToonsmithCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        return out;
    }

    private static final double FLATTER = 0.7;
    private static final double DARKER_BOUNDARIES = 10;

    private static Mat gray(Mat bgr) {
        Mat gray = new Mat();
        Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
        return gray;
    }

    private static double meanAbsLaplacian(Mat gray) {
        Mat laplacian = new Mat();
        Imgproc.Laplacian(gray, laplacian, CvType.CV_32F);
        Core.absdiff(laplacian, new org.opencv.core.Scalar(0), laplacian);
        return Core.mean(laplacian).val[0];
    }

    /** A mask of the given fraction of pixels where the (lightly blurred) photo's gradient is strongest. */
    private static Mat strongestEdges(Mat gray, double fraction) {
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(gray, blurred, new Size(3, 3), 0);
        Mat gx = new Mat();
        Mat gy = new Mat();
        Imgproc.Sobel(blurred, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(blurred, gy, CvType.CV_32F, 0, 1);
        Mat magnitude = new Mat();
        Core.magnitude(gx, gy, magnitude);
        float[] values = new float[(int) magnitude.total()];
        magnitude.get(0, 0, values);
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[(int) ((1 - fraction) * (sorted.length - 1))];
        Mat mask = new Mat();
        Imgproc.threshold(magnitude, mask, threshold, 255, Imgproc.THRESH_BINARY);
        mask.convertTo(mask, CvType.CV_8U);
        return mask;
    }
}
