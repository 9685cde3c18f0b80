package dev.toonsmith.engine.infer;

import static dev.toonsmith.engine.TestImages.meanAbsoluteDifference;
import static dev.toonsmith.engine.TestImages.samePixels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.GuidedUpsampling;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class StylizerTest {

    private static Stylizer lite;

    @BeforeAll
    static void createStylizer() {
        lite = TestGenerators.stylizer(new LiteSpec(6, 2, false));
    }

    @AfterAll
    static void closeStylizer() {
        lite.close();
    }

    @Test
    void outputHasTheInputsExactSizeForOddAndTinySizes() {
        int[][] sizes = {{7, 5}, {1001, 333}, {1, 1}, {3, 17}};
        for (int[] size : sizes) {
            try (Image photo = TestImages.crop("chelsea-300.png", 0, 0, Math.min(size[0], 300), Math.min(size[1], 199));
                    Image input = resized(photo, size[0], size[1]);
                    Image out = lite.stylize(input, StylizeOptions.defaults())) {
                assertEquals(size[0], out.width(), "width of " + size[0] + "x" + size[1]);
                assertEquals(size[1], out.height(), "height of " + size[0] + "x" + size[1]);
                assertEquals(8, out.bitDepth());
                assertFalse(out.hasAlpha());
            }
        }
    }

    @Test
    void strengthZeroReturnsTheInputPixelsExactly() {
        try (Image photo = TestImages.load("chelsea-300.png");
                Image out = lite.stylize(photo, StylizeOptions.defaults().withStrength(0))) {
            assertTrue(samePixels(photo.mat(), out.mat()));
        }
    }

    @Test
    void strengthBlendsBetweenPhotoAndStyle() {
        try (Image photo = TestImages.load("coffee-200.jpg");
                Image full = lite.stylize(photo, StylizeOptions.defaults());
                Image half = lite.stylize(photo, StylizeOptions.defaults().withStrength(0.5))) {
            double styleChange = meanAbsoluteDifference(photo, full);
            assertTrue(styleChange > 0.02, "a random generator changes the photo: " + styleChange);
            assertEquals(styleChange / 2, meanAbsoluteDifference(photo, half), 0.01);
            assertEquals(styleChange / 2, meanAbsoluteDifference(full, half), 0.01);
        }
    }

    @Test
    void tiledResultMatchesTheUntiledOne() {
        try (Image cat = TestImages.load("chelsea-300.png");
                Stylizer cartoon = TestGenerators.stylizer(new CartoonGanSpec(8, 2));
                Stylizer flattening = TestGenerators.stylizer(new LiteSpec(6, 2, true, true, 1, true, 3, 0));
                Stylizer painted = TestGenerators.fittedTo(new LiteSpec(6, 2, false, true, 1, true, 3, 16), cat)) {
            for (Stylizer stylizer : new Stylizer[] {lite, cartoon, flattening, painted}) {
                try (Image photo = TestImages.load("chelsea-300.png");
                        Image untiled = stylizer.stylize(photo, StylizeOptions.defaults());
                        Image tiled = stylizer.stylize(photo, StylizeOptions.defaults().withTileSize(1))) {
                    TilePlan plan = TilePlan.of(300, 199, stylizer.traits(), 1, TilePlan.DEFAULT_MEMORY_BUDGET);
                    assertTrue(plan.tiles().size() >= 4, "the photo is cut into " + plan.tiles().size() + " tiles");
                    double mad = meanAbsoluteDifference(untiled, tiled);
                    assertTrue(mad <= 2.0 / 255, stylizer.traits() + ": tiled differs by " + mad * 255 + "/255");
                    assertTrue(meanAbsoluteDifference(photo, tiled) > 0.02, "the tiles were stylized");
                }
            }
        }
    }

    @Test
    void tileProgressIsReportedInOrder() {
        List<String> seen = new ArrayList<>();
        try (Image photo = TestImages.load("chelsea-300.png");
                Image out = lite.stylize(photo, StylizeOptions.defaults().withTileSize(1),
                        (done, total) -> seen.add(done + "/" + total))) {
            assertEquals(photo.width(), out.width());
            assertTrue(seen.size() >= 4);
            assertEquals("1/" + seen.size(), seen.get(0));
            assertEquals(seen.size() + "/" + seen.size(), seen.get(seen.size() - 1));
        }
    }

    @Test
    void previewModeScalesTheLongerEdgeDown() {
        try (Image photo = TestImages.load("chelsea-300.png");
                Image out = lite.stylize(photo, StylizeOptions.defaults().withMaxEdge(120))) {
            assertEquals(120, out.width());
            assertEquals(80, out.height());
        }
    }

    @Test
    void alphaIsCarriedThroughUntouched() {
        try (Image photo = TestImages.load("coffee-200.jpg")) {
            Mat alpha = new Mat(photo.height(), photo.width(), CvType.CV_8UC1);
            Core.randu(alpha, 0, 256);
            Mat bgra = new Mat();
            Core.merge(List.of(channel(photo.mat(), 0), channel(photo.mat(), 1), channel(photo.mat(), 2), alpha), bgra);
            try (Image input = Image.wrap(bgra);
                    Image out = lite.stylize(input, StylizeOptions.defaults().withStrength(0.7))) {
                assertTrue(out.hasAlpha());
                Mat outAlpha = new Mat();
                Core.extractChannel(out.mat(), outAlpha, 3);
                assertTrue(samePixels(alpha, outAlpha));
            }
        }
    }

    @Test
    void sixteenBitPhotosStaySixteenBitAndLookLikeTheirEightBitSelves() {
        try (Image photo = TestImages.load("coffee-200.jpg");
                Image deep = TestImages.to16Bit(photo);
                Image out8 = lite.stylize(photo, StylizeOptions.defaults());
                Image out16 = lite.stylize(deep, StylizeOptions.defaults());
                Image zero16 = lite.stylize(deep, StylizeOptions.defaults().withStrength(0))) {
            assertEquals(16, out16.bitDepth());
            assertTrue(samePixels(deep.mat(), zero16.mat()));
            try (Image down = Image.wrap(convert8(out16.mat()))) {
                assertTrue(meanAbsoluteDifference(out8, down) < 1.0 / 255);
            }
        }
    }

    @Test
    void concurrentCallsGiveTheSameResultAsOneAtATime() throws Exception {
        try (Image photo = TestImages.load("coffee-200.jpg");
                Image serial = lite.stylize(photo, StylizeOptions.defaults())) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<Image>> results = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    results.add(pool.submit(() -> {
                        Image out = lite.stylize(photo, StylizeOptions.defaults());
                        assertFalse(TorchRuntime.isGradMode(), "inference threads do not record gradients");
                        return out;
                    }));
                }
                for (Future<Image> f : results) {
                    try (Image parallel = f.get()) {
                        assertTrue(samePixels(serial.mat(), parallel.mat()));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anInterruptedCallIsCancelled() {
        try (Image photo = TestImages.load("chelsea-300.png")) {
            Thread.currentThread().interrupt();
            try {
                assertThrows(CancellationException.class,
                        () -> lite.stylize(photo, StylizeOptions.defaults().withTileSize(1)));
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aWorkingEdgeDrawsAtThatSizeAndReturnsThePhotosSizeAndAlpha() {
        Mat alpha = new Mat(199, 300, CvType.CV_8UC1);
        for (int y = 0; y < alpha.rows(); y++) {
            alpha.row(y).setTo(new org.opencv.core.Scalar(y));
        }
        try (Stylizer edged = TestGenerators.stylizer(new LiteSpec(6, 2, false), 128);
                Image photo = TestImages.load("chelsea-300.png");
                Image withAlpha = ImageOps.mergeAlpha(photo, alpha);
                Image out = edged.stylize(withAlpha, StylizeOptions.defaults());
                ImageOps.AlphaSplit outSplit = ImageOps.splitAlpha(out);
                Image small = ImageOps.resizeToMaxEdge(photo, 128);
                Image drawnSmall = edged.stylize(small, StylizeOptions.defaults());
                Image fullScale = edged.stylize(photo, StylizeOptions.defaults().withWorkingEdge(0));
                Image upsampled = Image.wrap(GuidedUpsampling.upsample(drawnSmall.mat(), photo.mat(), 255))) {
            assertEquals(128, edged.workingEdge());
            assertEquals(photo.width(), out.width());
            assertEquals(photo.height(), out.height());
            assertTrue(samePixels(alpha, outSplit.alpha()), "alpha is carried through");
            // Drawn at 128 px and upsampled with the photo as guide; without the working edge it is another picture.
            double fromSmall = meanAbsoluteDifference(upsampled, outSplit.colour());
            double fromFull = meanAbsoluteDifference(fullScale, outSplit.colour());
            assertTrue(fromSmall < 0.01, "drawn at the working edge: " + fromSmall);
            assertTrue(fromFull > 0.02, "--working-edge 0 draws at full resolution: " + fromFull);
        }
    }

    @Test
    void aPreviewDrawnAtTheWorkingEdgeFinishesTheFullSizeResultWithoutTheGenerator() {
        try (Stylizer edged = TestGenerators.stylizer(new LiteSpec(6, 2, false), 128);
                Image photo = TestImages.load("chelsea-300.png");
                Image preview = ImageOps.resizeToMaxEdge(photo, 128);
                Image drawing = edged.stylize(preview, StylizeOptions.defaults());
                Image direct = edged.stylize(photo, StylizeOptions.defaults());
                Image finished = edged.finishFromWorkingSize(photo, drawing).orElseThrow()) {
            assertEquals(photo.width(), finished.width());
            assertEquals(photo.height(), finished.height());
            assertTrue(meanAbsoluteDifference(direct, finished) < 0.001, "same picture as stylizing the photo");
            // A drawing of another size, or a photo no larger than the working edge, must be drawn by the generator.
            try (Image other = ImageOps.resizeToMaxEdge(photo, 100);
                    Image otherDrawing = edged.stylize(other, StylizeOptions.defaults())) {
                assertTrue(edged.finishFromWorkingSize(photo, otherDrawing).isEmpty());
                assertTrue(edged.finishFromWorkingSize(preview, drawing).isEmpty());
            }
            assertTrue(lite.finishFromWorkingSize(photo, drawing).isEmpty(), "a style without a working edge");
        }
    }

    @Test
    void noNativeArraysLeakOver200Calls() {
        TorchRuntime.engine();
        NDManager base = NDManager.newBaseManager();
        try (Stylizer stylizer = Stylizer.over(new LiteSpec(4, 1, true), initialized(base), base);
                Image photo = TestImages.crop("chelsea-300.png", 100, 50, 40, 30)) {
            stylizer.stylize(photo, StylizeOptions.defaults()).close();
            int before = base.getManagedArrays().size();
            for (int i = 0; i < 200; i++) {
                StylizeOptions options = i % 2 == 0 ? StylizeOptions.defaults() : StylizeOptions.defaults().withTileSize(1);
                stylizer.stylize(photo, options).close();
            }
            assertEquals(before, base.getManagedArrays().size());
        } finally {
            base.close();
        }
    }

    private static ai.djl.nn.Block initialized(NDManager manager) {
        ai.djl.nn.Block g = new LiteSpec(4, 1, true).newGenerator();
        g.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 32, 32));
        return g;
    }

    private static Image resized(Image image, int width, int height) {
        Mat out = new Mat();
        org.opencv.imgproc.Imgproc.resize(image.mat(), out, new org.opencv.core.Size(width, height));
        return Image.wrap(out);
    }

    private static Mat channel(Mat mat, int c) {
        Mat out = new Mat();
        Core.extractChannel(mat, out, c);
        return out;
    }

    private static Mat convert8(Mat deep) {
        Mat out = new Mat();
        deep.convertTo(out, CvType.CV_8UC3, 1 / 257.0);
        return out;
    }

}
