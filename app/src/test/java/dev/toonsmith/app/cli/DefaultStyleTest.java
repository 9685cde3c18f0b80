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
