package dev.toonsmith.engine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** The benchmark's stand-in photo must give post-processing a photo's work: not flat, not noise. */
class SyntheticPhotoTest {

    @Test
    void theSameSeedGivesTheSamePixels() {
        try (Image a = SyntheticPhoto.create(160, 120, 7); Image b = SyntheticPhoto.create(160, 120, 7);
                Image c = SyntheticPhoto.create(160, 120, 8)) {
            assertEquals(160, a.width());
            assertEquals(120, a.height());
            assertEquals(3, a.mat().channels());
            assertArrayEquals(bytes(a), bytes(b));
            assertFalse(Arrays.equals(bytes(a), bytes(c)));
        }
    }

    @Test
    void itHasEdgesButMostPixelsAreNotEdges() {
        try (Image photo = SyntheticPhoto.create(1024, 768, 1)) {
            Mat gray = new Mat();
            Imgproc.cvtColor(photo.mat(), gray, Imgproc.COLOR_BGR2GRAY);
            Mat edges = new Mat();
            Imgproc.Canny(gray, edges, 40, 100);
            double edgeFraction = Core.countNonZero(edges) / (double) edges.total();
            assertTrue(edgeFraction > 0.01 && edgeFraction < 0.25, "edge pixels: " + edgeFraction);
            gray.release();
            edges.release();
        }
    }

    private static byte[] bytes(Image image) {
        byte[] b = new byte[(int) image.mat().total() * image.mat().channels()];
        image.mat().get(0, 0, b);
        return b;
    }
}
