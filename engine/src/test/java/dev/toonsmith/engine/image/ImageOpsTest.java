package dev.toonsmith.engine.image;

import static dev.toonsmith.engine.image.ImageFixtures.noise;
import static dev.toonsmith.engine.image.ImageFixtures.px;
import static dev.toonsmith.engine.image.ImageFixtures.samePixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

class ImageOpsTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCv.load();
    }

    @Test
    void splitThenMergeGivesBackTheSameSixteenBitPixels() {
        try (Image original = Image.wrap(noise(17, 9, CvType.CV_16UC4, 31));
                ImageOps.AlphaSplit split = ImageOps.splitAlpha(original)) {
            assertEquals("17x9 16-bit BGR", split.colour().toString());
            assertEquals(CvType.CV_16UC1, split.alpha().type());

            try (Image merged = ImageOps.mergeAlpha(split.colour(), split.alpha())) {
                assertTrue(samePixels(original.mat(), merged.mat()));
            }
        }
    }

    @Test
    void opaqueImageSplitsIntoACopyAndNoAlpha() {
        try (Image original = Image.wrap(noise(5, 4, CvType.CV_8UC3, 32));
                ImageOps.AlphaSplit split = ImageOps.splitAlpha(original)) {
            assertFalse(split.hasAlpha());
            assertNull(split.alpha());
            assertTrue(samePixels(original.mat(), split.colour().mat()));
            assertNotSame(original.mat(), split.colour().mat());

            try (Image merged = ImageOps.mergeAlpha(split.colour(), null)) {
                assertTrue(samePixels(original.mat(), merged.mat()));
            }
        }
    }

    @Test
    void sixteenBitAlphaIsRescaledOntoEightBitColour() {
        // A model may hand back 8-bit colour for a 16-bit source; the source's alpha must still fit.
        Mat alpha = new Mat(1, 3, CvType.CV_16UC1);
        alpha.put(0, 0, 0, 128 * 257, 65535);
        try (Image colour = Image.wrap(ImageFixtures.filled(3, 1, CvType.CV_8UC3, 1, 2, 3));
                Image merged = ImageOps.mergeAlpha(colour, alpha)) {
            assertEquals("3x1 8-bit BGRA", merged.toString());
            assertArrayEquals(new double[] {1, 2, 3, 0}, px(merged, 0, 0));
            assertArrayEquals(new double[] {1, 2, 3, 128}, px(merged, 1, 0));
            assertArrayEquals(new double[] {1, 2, 3, 255}, px(merged, 2, 0));
        }
    }

    @Test
    void mergeRejectsAlphaOfAnotherSize() {
        try (Image colour = Image.wrap(ImageFixtures.filled(3, 2, CvType.CV_8UC3, 0, 0, 0))) {
            Mat alpha = ImageFixtures.filled(2, 3, CvType.CV_8UC1, 255);
            assertThrows(IllegalArgumentException.class, () -> ImageOps.mergeAlpha(colour, alpha));
        }
    }

    @Test
    void largeImageShrinksToTheMaxEdgeKeepingAspectAndDepth() {
        try (Image photo = Image.wrap(checkerboard16(400, 200));
                Image small = ImageOps.resizeToMaxEdge(photo, 100)) {
            assertEquals("100x50 16-bit BGR", small.toString());
            // Area averaging turns the fine 0/65535 checkerboard into an even mid-grey.
            assertArrayEquals(new double[] {32768, 32768, 32768}, px(small, 37, 21));
        }
        try (Image portrait = Image.wrap(checkerboard16(200, 400));
                Image small = ImageOps.resizeToMaxEdge(portrait, 100)) {
            assertEquals(50, small.width());
            assertEquals(100, small.height());
        }
    }

    @Test
    void smallImageComesBackAsAnIndependentCopy() {
        try (Image photo = Image.wrap(noise(30, 20, CvType.CV_8UC4, 33));
                Image same = ImageOps.resizeToMaxEdge(photo, 30)) {
            assertTrue(samePixels(photo.mat(), same.mat()));
            same.mat().setTo(new Scalar(0, 0, 0, 0));
            assertFalse(samePixels(photo.mat(), same.mat()), "changing the result leaves the source alone");
        }
    }

    @Test
    void transparentPixelsDoNotDarkenEdgesWhenShrinking() {
        // Left quarter: transparent, with black hidden under it. The rest: opaque pure red.
        Mat m = new Mat(2, 4, CvType.CV_8UC4, new Scalar(0, 0, 255, 255));
        m.submat(new Rect(0, 0, 1, 2)).setTo(new Scalar(0, 0, 0, 0));
        try (Image cutout = Image.wrap(m);
                Image small = ImageOps.resizeToMaxEdge(cutout, 2)) {
            double[] edge = px(small, 0, 0);
            assertEquals(128, edge[3], 1, "the edge pixel is half covered");
            assertArrayEquals(new double[] {0, 0, 255}, new double[] {edge[0], edge[1], edge[2]},
                    "and pure red, not darkened towards the hidden black");
            assertEquals("2x1 8-bit BGRA", small.toString());
            assertArrayEquals(new double[] {0, 0, 255, 255}, px(small, 1, 0));
        }
    }

    @Test
    void maxEdgeMustBePositive() {
        try (Image image = Image.wrap(noise(4, 4, CvType.CV_8UC3, 34))) {
            assertThrows(IllegalArgumentException.class, () -> ImageOps.resizeToMaxEdge(image, 0));
        }
    }

    private static Mat checkerboard16(int width, int height) {
        Mat m = new Mat(height, width, CvType.CV_16UC3, new Scalar(0, 0, 0));
        for (int y = 0; y < height; y++) {
            for (int x = (y % 2); x < width; x += 2) {
                m.put(y, x, 65535, 65535, 65535);
            }
        }
        return m;
    }

    @Test
    void blendMixesPhotoAndStylizedByStrengthAndKeepsTheLayout() {
        try (Image photo = Image.wrap(new Mat(2, 3, CvType.CV_16UC4, new Scalar(0, 1000, 60000, 65535)));
                Image stylized = Image.wrap(new Mat(2, 3, CvType.CV_16UC4, new Scalar(40000, 3000, 0, 65535)));
                Image quarter = ImageOps.blend(photo, stylized, 0.25);
                Image none = ImageOps.blend(photo, stylized, 0);
                Image full = ImageOps.blend(photo, stylized, 1)) {
            assertEquals(photo.toString(), quarter.toString());
            assertArrayEquals(new double[] {10000, 1500, 45000, 65535}, quarter.mat().get(1, 2));
            assertTrue(samePixels(photo.mat(), none.mat()));
            assertTrue(samePixels(stylized.mat(), full.mat()));
        }
    }

    @Test
    void blendRefusesImagesThatDoNotMatchAndStrengthsOutOfRange() {
        try (Image small = Image.wrap(noise(4, 4, CvType.CV_8UC3, 1));
                Image other = Image.wrap(noise(5, 4, CvType.CV_8UC3, 2));
                Image eightAlpha = Image.wrap(noise(4, 4, CvType.CV_8UC4, 3))) {
            assertThrows(IllegalArgumentException.class, () -> ImageOps.blend(small, other, 0.5));
            assertThrows(IllegalArgumentException.class, () -> ImageOps.blend(small, eightAlpha, 0.5));
            assertThrows(IllegalArgumentException.class, () -> ImageOps.blend(small, small, 1.5));
            assertThrows(IllegalArgumentException.class, () -> ImageOps.blend(small, small, Double.NaN));
        }
    }
}
