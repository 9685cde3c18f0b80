package dev.toonsmith.engine.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.TestImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.post.PostSettings.Outlines;
import dev.toonsmith.engine.post.PostSettings.Rgb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The preview path: the same chain on a smaller image must look like the full-size result. */
class PostProcessPreviewTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void outlineWidthIsInReferencePixelsAndScalesWithTheImage() {
        PostSettings lines = PostSettings.NONE.withOutlines(Outlines.ink(Rgb.BLACK, 4, 50, 120));
        assertEquals(4, lineThickness(1024, lines));
        assertEquals(8, lineThickness(2048, lines));
        assertEquals(1, lineThickness(256, lines), "at least one pixel on any image");
    }

    @Test
    void aPreviewLooksLikeTheFullSizeResultScaledDown() {
        PostSettings look = PostSettings.builder().smooth(8).edges(0.8).edgeWidth(3).saturation(1.3).build();
        try (Image coffee = TestImages.load("coffee-200.jpg");
                Image full = resized(coffee, 2048, Imgproc.INTER_CUBIC);
                Image preview = ImageOps.resizeToMaxEdge(full, 512);
                Image fullResult = PostProcess.apply(full, look);
                Image fullScaledDown = ImageOps.resizeToMaxEdge(fullResult, 512);
                Image previewResult = PostProcess.apply(preview, look)) {
            double difference = TestImages.meanAbsoluteDifference(fullScaledDown, previewResult);
            assertTrue(difference < 0.03, "mean difference " + difference);
            // Not trivially so: the look itself changes the picture far more than that.
            assertTrue(TestImages.meanAbsoluteDifference(preview, previewResult) > 2 * difference);
        }
    }

    @Test
    void thePipelineAppliesSettingsToTheLatestStylizedImage() {
        PostSettings look = PostSettings.builder().smooth(4).colors(6).edges(1).build();
        try (PreviewPipeline pipeline = new PreviewPipeline();
                Image cat = TestImages.load("chelsea-300.png");
                Image coffee = TestImages.load("coffee-200.jpg")) {
            assertFalse(pipeline.hasStylized());
            assertTrue(pipeline.render(look).isEmpty());

            Image stylized = cat.copy();
            pipeline.setStylized(stylized);
            stylized.close(); // the pipeline keeps its own copy
            try (Image rendered = pipeline.render(look).orElseThrow(); Image expected = PostProcess.apply(cat, look)) {
                assertTrue(TestImages.samePixels(expected.mat(), rendered.mat()));
            }

            pipeline.setStylized(coffee);
            try (Image rendered = pipeline.render(PostSettings.NONE).orElseThrow()) {
                assertTrue(TestImages.samePixels(coffee.mat(), rendered.mat()));
            }
        }
    }

    @Test
    void rendersAndNewStylizedImagesMayComeFromAnyThread() throws Exception {
        PostSettings look = PostSettings.builder().smooth(4).colors(6).edges(1).build();
        try (PreviewPipeline pipeline = new PreviewPipeline();
                Image cat = TestImages.load("chelsea-300.png");
                Image coffee = TestImages.load("coffee-200.jpg");
                Image catResult = PostProcess.apply(cat, look);
                Image coffeeResult = PostProcess.apply(coffee, look)) {
            pipeline.setStylized(cat);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<Optional<Image>>> renders = new ArrayList<>();
                List<Future<?>> sets = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    renders.add(pool.submit(() -> pipeline.render(look)));
                    if (i % 4 == 0) {
                        Image next = i % 8 == 0 ? coffee : cat;
                        sets.add(pool.submit(() -> pipeline.setStylized(next)));
                    }
                }
                for (Future<?> set : sets) {
                    set.get();
                }
                for (Future<Optional<Image>> render : renders) {
                    try (Image out = render.get().orElseThrow()) {
                        assertTrue(TestImages.samePixels(catResult.mat(), out.mat())
                                || TestImages.samePixels(coffeeResult.mat(), out.mat()));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            pipeline.close();
            assertThrows(IllegalStateException.class, () -> pipeline.render(look));
        }
    }

    /** The ink thickness across the top edge of a rectangle, on a canvas with the given long edge. */
    private static int lineThickness(int longEdge, PostSettings lines) {
        int height = longEdge / 2;
        Mat canvas = new Mat(height, longEdge, CvType.CV_8UC3, new Scalar(220, 220, 220));
        Imgproc.rectangle(canvas, new Point(longEdge / 4.0, height / 4.0),
                new Point(longEdge * 3 / 4.0, height * 3 / 4.0), new Scalar(120, 60, 30), Imgproc.FILLED);
        try (Image shape = Image.wrap(canvas); Image out = PostProcess.apply(shape, lines)) {
            byte[] column = new byte[height * 3];
            Mat middle = out.mat().col(longEdge / 2).clone();
            middle.get(0, 0, column);
            int ink = 0;
            for (int y = 0; y < height / 2; y++) {
                boolean black = column[y * 3] == 0 && column[y * 3 + 1] == 0 && column[y * 3 + 2] == 0;
                ink += black ? 1 : 0;
            }
            return ink;
        }
    }

    private static Image resized(Image image, int longEdge, int interpolation) {
        double f = (double) longEdge / Math.max(image.width(), image.height());
        Mat out = new Mat();
        Imgproc.resize(image.mat(), out, new Size(Math.round(image.width() * f), Math.round(image.height() * f)), 0, 0,
                interpolation);
        return Image.wrap(out);
    }
}
