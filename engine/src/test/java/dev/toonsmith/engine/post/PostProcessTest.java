package dev.toonsmith.engine.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.post.PostSettings.Adjust;
import dev.toonsmith.engine.post.PostSettings.OutlineMode;
import dev.toonsmith.engine.post.PostSettings.Outlines;
import dev.toonsmith.engine.post.PostSettings.Quantize;
import dev.toonsmith.engine.post.PostSettings.Rgb;
import dev.toonsmith.engine.post.PostSettings.Smooth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class PostProcessTest {

    private static final Outlines BLACK_INK = Outlines.ink(Rgb.BLACK, 2, 50, 120);

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void quantizingGivesAtMostKColoursAndBlackInkAddsExactlyOne() {
        try (Image cat = TestImages.load("chelsea-300.png")) {
            PostSettings quantized = PostSettings.NONE.withQuantize(Quantize.colors(8));
            try (Image out = PostProcess.apply(cat, quantized)) {
                Set<Long> colours = colours(out);
                assertTrue(colours.size() <= 8 && colours.size() >= 6, "colours: " + colours.size());
            }
            try (Image out = PostProcess.apply(cat, quantized.withOutlines(BLACK_INK))) {
                Set<Long> colours = colours(out);
                assertTrue(colours.size() <= 9, "colours: " + colours.size());
                assertTrue(colours.contains(0L), "the ink is exactly black");
            }
        }
        try (Image coffee = TestImages.load("coffee-200.jpg");
                Image out = PostProcess.apply(coffee, PostSettings.builder().colors(3).build())) {
            assertTrue(colours(out).size() <= 3);
        }
    }

    @Test
    void theWholeChainOnAPhotoKeepsAPaletteOfKColoursPlusInk() {
        PostSettings all = PostSettings.builder().smooth(6).colors(8).edges(1).saturation(1.3).build();
        try (Image cat = TestImages.load("chelsea-300.png"); Image out = PostProcess.apply(cat, all)) {
            assertTrue(colours(out).size() <= 9, "colours: " + colours(out).size());
        }
    }

    @Test
    void outlinesFollowTheBoundaryOfAShapeAndLeaveFlatAreasAlone() {
        int radius = 90;
        Point centre = new Point(200, 150);
        Mat canvas = new Mat(300, 400, CvType.CV_8UC3, new Scalar(200, 200, 200));
        Imgproc.circle(canvas, centre, radius, new Scalar(40, 90, 160), Imgproc.FILLED);
        Outlines red = Outlines.ink(new Rgb(255, 0, 0), 2, 50, 120);
        try (Image shape = Image.wrap(canvas);
                Image out = PostProcess.apply(shape, PostSettings.NONE.withOutlines(red))) {
            byte[] px = bytes(out);
            int inkOnBoundary = 0;
            for (int angle = 0; angle < 360; angle += 5) {
                boolean found = false;
                for (double r = radius - 3; r <= radius + 3 && !found; r += 0.5) {
                    int x = (int) Math.round(centre.x + r * Math.cos(Math.toRadians(angle)));
                    int y = (int) Math.round(centre.y + r * Math.sin(Math.toRadians(angle)));
                    found = isColour(px, (y * 400 + x) * 3, 0, 0, 255);
                }
                inkOnBoundary += found ? 1 : 0;
            }
            assertEquals(72, inkOnBoundary, "ink all around the circle");

            int inkAway = 0;
            for (int y = 0; y < 300; y++) {
                for (int x = 0; x < 400; x++) {
                    double d = Math.hypot(x - centre.x, y - centre.y);
                    if (Math.abs(d - radius) > 5 && isColour(px, (y * 400 + x) * 3, 0, 0, 255)) {
                        inkAway++;
                    }
                }
            }
            assertEquals(0, inkAway, "no ink inside or outside the shape");
        }
    }

    @Test
    void bilateralSmoothingFlattensNoiseButKeepsAStepEdgeSharp() {
        // 1024 px wide: the reference size, so the settings apply as written.
        try (Image noisy = noisyStep(1024, 64, 80, 170, 12);
                Image out = PostProcess.apply(noisy, PostSettings.builder().smooth(6).build())) {
            assertSmoothedWithSharpEdge(noisy, out);
        }
    }

    @Test
    void bilateralOnALargeImageFiltersAtReferenceSizeAndStillKeepsTheEdgeSharp() {
        // Twice the reference size: the bilateral runs at 1024 px and a guided filter carries it back.
        try (Image noisy = noisyStep(2048, 96, 80, 170, 12);
                Image out = PostProcess.apply(noisy, PostSettings.builder().smooth(6).build())) {
            assertSmoothedWithSharpEdge(noisy, out);
        }
    }

    @Test
    void guidedSmoothingFlattensNoiseButKeepsAStepEdgeSharp() {
        PostSettings guided = PostSettings.NONE.withSmooth(Smooth.guided(8, 0.005));
        try (Image noisy = noisyStep(1024, 64, 80, 170, 12); Image out = PostProcess.apply(noisy, guided)) {
            assertSmoothedWithSharpEdge(noisy, out);
        }
    }

    @Test
    void sameSettingsGiveIdenticalBytesOnEveryRunAndThread() throws Exception {
        PostSettings comic = PostSettings.builder().smooth(5).colors(8).edges(0.8).saturation(1.3).build();
        PostSettings soft = PostSettings.NONE.withSmooth(Smooth.guided(8, 0.01)).withQuantize(Quantize.colors(20))
                .withOutlines(BLACK_INK.withMode(OutlineMode.BLEND));
        try (Image cat = TestImages.load("chelsea-300.png")) {
            for (PostSettings settings : List.of(comic, soft)) {
                try (Image first = PostProcess.apply(cat, settings); Image again = PostProcess.apply(cat, settings)) {
                    assertTrue(TestImages.samePixels(first.mat(), again.mat()));
                    ExecutorService pool = Executors.newFixedThreadPool(2);
                    try {
                        List<Future<Image>> runs = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            runs.add(pool.submit(() -> PostProcess.apply(cat, settings)));
                        }
                        for (Future<Image> run : runs) {
                            try (Image other = run.get()) {
                                assertTrue(TestImages.samePixels(first.mat(), other.mat()));
                            }
                        }
                    } finally {
                        pool.shutdownNow();
                    }
                }
            }
        }
    }

    @Test
    void tinyImagesWork() {
        PostSettings all = PostSettings.builder().smooth(10).colors(64).edges(1).edgeWidth(16).saturation(2).build();
        for (PostSettings settings : List.of(all, all.withSmooth(Smooth.guided(32, 0.1)))) {
            for (int[] size : new int[][] {{1, 1}, {3, 2}, {1, 40}}) {
                Mat mat = new Mat(size[1], size[0], CvType.CV_8UC3, new Scalar(10, 120, 240));
                try (Image tiny = Image.wrap(mat); Image out = PostProcess.apply(tiny, settings)) {
                    assertEquals(size[0], out.width());
                    assertEquals(size[1], out.height());
                }
            }
        }
    }

    @Test
    void theSeedPicksTheColours() {
        try (Image cat = TestImages.load("chelsea-300.png");
                Image one = PostProcess.apply(cat, PostSettings.NONE.withQuantize(new Quantize(true, 6, 1)));
                Image two = PostProcess.apply(cat, PostSettings.NONE.withQuantize(new Quantize(true, 6, 2)))) {
            assertFalse(TestImages.samePixels(one.mat(), two.mat()));
        }
    }

    @Test
    void withEveryStepOffTheResultIsAnUnchangedCopy() {
        PostSettings off = PostSettings.builder().smooth(8).colors(8).edges(0.5).saturation(2).build()
                .toBuilder().smooth(0).colors(0).edges(0).saturation(1).build();
        assertFalse(off.anyEnabled());
        try (Image cat = TestImages.load("chelsea-300.png"); Image out = PostProcess.apply(cat, off)) {
            assertTrue(TestImages.samePixels(cat.mat(), out.mat()));
            assertNotEquals(cat.mat().dataAddr(), out.mat().dataAddr());
        }
    }

    @Test
    void neutralAdjustmentsChangeNothing() {
        try (Image cat = TestImages.load("chelsea-300.png");
                Image out = PostProcess.apply(cat, PostSettings.NONE.withAdjust(Adjust.of(1, 1, 0)))) {
            assertTrue(TestImages.samePixels(cat.mat(), out.mat()));
        }
    }

    @Test
    void saturationMatchesOpenCvsHsvAndZeroGivesGray() {
        try (Image cat = TestImages.load("chelsea-300.png")) {
            try (Image out = PostProcess.apply(cat, PostSettings.NONE.withAdjust(Adjust.of(1.6, 1, 0)))) {
                Mat hsv = new Mat();
                cat.mat().convertTo(hsv, CvType.CV_32F, 1 / 255.0);
                Imgproc.cvtColor(hsv, hsv, Imgproc.COLOR_BGR2HSV);
                List<Mat> planes = new ArrayList<>();
                Core.split(hsv, planes);
                Core.multiply(planes.get(1), new Scalar(1.6), planes.get(1));
                Core.min(planes.get(1), new Scalar(1), planes.get(1));
                Core.merge(planes, hsv);
                Imgproc.cvtColor(hsv, hsv, Imgproc.COLOR_HSV2BGR);
                Mat expected = new Mat();
                hsv.convertTo(expected, CvType.CV_8U, 255);
                Mat diff = new Mat();
                Core.absdiff(expected, out.mat(), diff);
                assertTrue(Core.minMaxLoc(diff.reshape(1)).maxVal <= 1, "within rounding of the HSV round trip");
            }
            try (Image gray = PostProcess.apply(cat, PostSettings.builder().saturation(0).build())) {
                byte[] px = bytes(gray);
                for (int i = 0; i < px.length; i += 3) {
                    assertTrue(px[i] == px[i + 1] && px[i + 1] == px[i + 2]);
                }
            }
        }
    }

    @Test
    void blendModeDrawsSoftLinesAndLeavesFlatAreasAlone() {
        // At the reference size, so that the line is 4 px wide as set.
        Mat canvas = new Mat(512, 1024, CvType.CV_8UC3, new Scalar(230, 230, 230));
        Imgproc.rectangle(canvas, new Point(300, 150), new Point(700, 350), new Scalar(60, 60, 60), Imgproc.FILLED);
        Outlines soft = new Outlines(true, 50, 120, 4, 1.5, Rgb.BLACK, 1, OutlineMode.BLEND);
        try (Image shape = Image.wrap(canvas);
                Image out = PostProcess.apply(shape, PostSettings.NONE.withOutlines(soft))) {
            byte[] px = bytes(out);
            assertTrue(isColour(px, (20 * 1024 + 20) * 3, 230, 230, 230), "background untouched");
            assertTrue(isColour(px, (250 * 1024 + 500) * 3, 60, 60, 60), "inside untouched");
            int darkest = 255;
            int inBetween = 0;
            for (int y = 140; y <= 152; y++) {
                int v = px[(y * 1024 + 500) * 3] & 0xff;
                darkest = Math.min(darkest, v);
                inBetween += v > 10 && v < 220 && v != 60 ? 1 : 0;
            }
            assertTrue(darkest < 30, "dark along the top edge of the shape: " + darkest);
            assertTrue(inBetween >= 2, "feathered, not a hard line: " + inBetween);
        }
    }

    @Test
    void alphaIsCarriedThroughExactly() {
        try (Image cat = TestImages.load("chelsea-300.png")) {
            Mat alpha = new Mat(cat.height(), cat.width(), CvType.CV_8U, new Scalar(0));
            Imgproc.circle(alpha, new Point(150, 100), 80, new Scalar(255), Imgproc.FILLED);
            Imgproc.circle(alpha, new Point(150, 100), 40, new Scalar(128), Imgproc.FILLED);
            try (Image rgba = ImageOps.mergeAlpha(cat, alpha);
                    Image out = PostProcess.apply(rgba, PostSettings.builder().smooth(5).colors(6).edges(1).build());
                    ImageOps.AlphaSplit split = ImageOps.splitAlpha(out)) {
                assertTrue(out.hasAlpha());
                assertTrue(TestImages.samePixels(alpha, split.alpha()));
                assertTrue(colours(split.colour()).size() <= 7);
            }
        }
    }

    @Test
    void sixteenBitImagesStaySixteenBit() {
        PostSettings all = PostSettings.builder().smooth(5).colors(8).edges(1).saturation(1.2).build();
        try (Image cat = TestImages.load("chelsea-300.png"); Image wide = TestImages.to16Bit(cat);
                Image out = PostProcess.apply(wide, all)) {
            assertEquals(CvType.CV_16UC3, out.mat().type());
            assertTrue(colours(out).size() <= 9);
        }
        // Without quantizing, whose palette can tip either way on tiny differences, the 16-bit chain gives the
        // 8-bit look, only more precise.
        PostSettings unquantized = all.toBuilder().colors(0).build();
        try (Image cat = TestImages.load("chelsea-300.png"); Image wide = TestImages.to16Bit(cat);
                Image out = PostProcess.apply(wide, unquantized);
                Image narrowOut = PostProcess.apply(cat, unquantized)) {
            assertEquals(CvType.CV_16UC3, out.mat().type());
            assertTrue(colours(out).size() > 5000, "16-bit precision kept: " + colours(out).size());
            Mat down = new Mat();
            out.mat().convertTo(down, CvType.CV_8U, 1 / 257.0);
            try (Image downImage = Image.wrap(down)) {
                double d = TestImages.meanAbsoluteDifference(downImage, narrowOut);
                assertTrue(d < 0.01, "difference " + d);
            }
        }
    }

    /** A horizontal step from {@code left} to {@code right} gray at the middle, with Gaussian noise. */
    private static Image noisyStep(int width, int height, int left, int right, double noise) {
        Random random = new Random(42);
        byte[] px = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = (x < width / 2 ? left : right) + noise * random.nextGaussian();
                    px[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        Mat mat = new Mat(height, width, CvType.CV_8UC3);
        mat.put(0, 0, px);
        return Image.wrap(mat);
    }

    /** Noise in the flat halves at least halved, and the step still rises by most of its height within 4 px. */
    private static void assertSmoothedWithSharpEdge(Image noisy, Image smoothed) {
        int width = noisy.width();
        int edge = width / 2;
        double before = flatNoise(noisy, edge);
        double after = flatNoise(smoothed, edge);
        assertTrue(after < before / 2, "noise std " + before + " -> " + after);
        double[] columns = columnMeans(smoothed);
        double rise = columns[edge + 1] - columns[edge - 2];
        assertTrue(rise > 0.85 * 90, "the step rises " + rise + " of 90 within 4 px");
    }

    private static double flatNoise(Image image, int edge) {
        int width = image.width();
        int margin = width / 16;
        Mat left = image.mat().submat(8, image.height() - 8, margin, edge - margin);
        Mat right = image.mat().submat(8, image.height() - 8, edge + margin, width - margin);
        return (stdDev(left) + stdDev(right)) / 2;
    }

    private static double stdDev(Mat m) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(m.reshape(1), mean, std);
        return std.toArray()[0];
    }

    private static double[] columnMeans(Image image) {
        Mat gray = new Mat();
        Imgproc.cvtColor(image.mat(), gray, Imgproc.COLOR_BGR2GRAY);
        Mat columns = new Mat();
        Core.reduce(gray, columns, 0, Core.REDUCE_AVG, CvType.CV_64F);
        double[] out = new double[image.width()];
        columns.get(0, 0, out);
        return out;
    }

    static Set<Long> colours(Image image) {
        Set<Long> colours = new HashSet<>();
        Mat m = image.mat();
        int channels = m.channels();
        if (image.bitDepth() == 16) {
            short[] px = new short[(int) m.total() * channels];
            m.get(0, 0, px);
            for (int i = 0; i < px.length; i += channels) {
                colours.add(((px[i] & 0xffffL) << 32) | ((px[i + 1] & 0xffffL) << 16) | (px[i + 2] & 0xffffL));
            }
        } else {
            byte[] px = new byte[(int) m.total() * channels];
            m.get(0, 0, px);
            for (int i = 0; i < px.length; i += channels) {
                colours.add((long) (((px[i] & 0xff) << 16) | ((px[i + 1] & 0xff) << 8) | (px[i + 2] & 0xff)));
            }
        }
        return colours;
    }

    private static byte[] bytes(Image image) {
        byte[] px = new byte[(int) image.mat().total() * image.mat().channels()];
        image.mat().get(0, 0, px);
        return px;
    }

    private static boolean isColour(byte[] px, int i, int b, int g, int r) {
        return (px[i] & 0xff) == b && (px[i + 1] & 0xff) == g && (px[i + 2] & 0xff) == r;
    }
}
