package dev.toonsmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.opencv.core.TermCriteria;

/**
 * The figures {@code bench --look} prints and tests hold the default style to, on the cat photo and on pictures that
 * differ from it in one known way.
 */
class CartoonLookTest {

    @Test
    void aPhotoNeedsHundredsOfColourBinsAndAFewColoursNeedAFewBins() {
        try (Image cat = TestImages.load("chelsea-300.png"); Image posterized = kmeans(cat, 6)) {
            CartoonLook photo = CartoonLook.of(cat, cat);
            CartoonLook painted = CartoonLook.of(cat, posterized);
            assertTrue(photo.paletteBins() > 100, "the photo's bins: " + photo.paletteBins());
            assertTrue(painted.paletteBins() <= 6, "six colours: " + painted.paletteBins());
            assertEquals(0, photo.meanChange(), 0);
            assertTrue(painted.meanChange() > 3 && painted.meanChange() < 40, "posterizing changes the photo: "
                    + painted.meanChange());
        }
    }

    @Test
    void meanChangeIsTheMeanLevelDifference() {
        try (Image cat = TestImages.load("chelsea-300.png")) {
            Mat brighter = new Mat();
            Core.add(cat.mat(), new Scalar(10, 10, 10), brighter);
            try (Image lifted = Image.wrap(brighter)) {
                // Saturation at 255 takes a little off the 10 levels.
                assertEquals(10, CartoonLook.of(cat, lifted).meanChange(), 0.5);
            }
        }
    }

    @Test
    void aColourCastCountsShiftsOfHueNotFlatFillsOrOutlines() {
        try (Image cat = TestImages.load("chelsea-300.png"); Image flat = kmeans(cat, 8)) {
            assertEquals(0, CartoonLook.of(cat, cat).colourCast(), 1e-9);
            // Flat fills in the photo's own colours, with dark outlines on top: blurred, they stay the photo's colours.
            Mat outlined = flat.mat().clone();
            for (int y = 20; y < outlined.rows(); y += 40) {
                Imgproc.line(outlined, new org.opencv.core.Point(0, y), new org.opencv.core.Point(outlined.cols(), y),
                        new Scalar(20, 20, 20), 2);
            }
            double fills;
            try (Image drawn = Image.wrap(outlined)) {
                fills = CartoonLook.of(cat, drawn).colourCast();
            }
            // The same cat tinted towards magenta, as the palette did to fur: blue and red up, green down.
            Mat tinted = new Mat();
            Core.add(cat.mat(), new Scalar(30, -20, 30), tinted);
            double cast;
            try (Image magenta = Image.wrap(tinted)) {
                cast = CartoonLook.of(cat, magenta).colourCast();
            }
            // Eight k-means colours move the blurred chroma a little (the Clean cel preset alone measured 2.9 on
            // unseen photos); the tint moves it several times as far.
            assertTrue(fills < 6, "flat fills and outlines in the photo's colours: " + fills);
            assertTrue(cast > 15 && cast > 3 * fills, "a magenta tint: " + cast + " against " + fills);
        }
    }

    @Test
    void speckleCountsSmallOneColourFragmentsPerMegapixel() {
        // 1000 x 1000 gray with specks: a single pixel, a 3x3 blob and a diagonal of 30 pixels (one fragment
        // across corners, and too big to be speckle), then a 10x10 square (too big).
        OpenCv.load();
        Mat ground = new Mat(1000, 1000, CvType.CV_8UC3, new Scalar(128, 128, 128));
        ground.put(100, 100, new byte[] {0, 0, 0});
        ground.submat(200, 203, 200, 203).setTo(new Scalar(255, 255, 255));
        for (int i = 0; i < 30; i++) {
            ground.put(400 + i, 400 + i, new byte[] {0, 0, (byte) 255});
        }
        ground.submat(600, 610, 600, 610).setTo(new Scalar(0, 255, 0));
        try (Image picture = Image.wrap(ground)) {
            assertEquals(2, CartoonLook.of(picture, picture).speckle(), 1e-9);
        }
    }

    private static Image kmeans(Image image, int colours) {
        Mat samples = new Mat();
        image.mat().reshape(1, image.width() * image.height()).convertTo(samples, CvType.CV_32F);
        Mat labels = new Mat();
        Mat centers = new Mat();
        Core.setRNGSeed(1);
        Core.kmeans(samples, colours, labels, new TermCriteria(TermCriteria.COUNT, 20, 0), 2, Core.KMEANS_PP_CENTERS, centers);
        float[] table = new float[colours * 3];
        centers.get(0, 0, table);
        int[] label = new int[image.width() * image.height()];
        labels.get(0, 0, label);
        byte[] out = new byte[label.length * 3];
        for (int p = 0; p < label.length; p++) {
            for (int c = 0; c < 3; c++) {
                out[3 * p + c] = (byte) Math.round(table[3 * label[p] + c]);
            }
        }
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        mat.put(0, 0, out);
        return Image.wrap(mat);
    }
}
