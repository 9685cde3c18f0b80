package dev.toonsmith.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A cartoon drawn at a quarter of a photo's size, brought back to the photo's size: its flat areas must stay
 * flat (the photo's fur does not come back) and its boundaries must come back sharper than plain resizing
 * makes them.
 */
class GuidedUpsamplingTest {

    @Test
    void flatAreasStayFlatAndBoundariesComeBackSharp() throws Exception {
        OpenCv.load();
        try (Image photo = ImageReader.read(photo("chelsea-300.png"))) {
            Mat full = photo.mat();
            Mat small = new Mat();
            Imgproc.resize(full, small, new Size(full.cols() / 4.0, full.rows() / 4.0), 0, 0, Imgproc.INTER_AREA);
            // A cartoon of the small photo: flattened by bilateral filtering, which keeps its boundaries.
            Mat cartoon = small;
            for (int i = 0; i < 3; i++) {
                Mat next = new Mat();
                Imgproc.bilateralFilter(cartoon, next, 5, 50, 3);
                cartoon = next;
            }

            Mat guided = GuidedUpsampling.upsample(cartoon, full, 255);
            Mat resized = new Mat();
            Imgproc.resize(cartoon, resized, full.size(), 0, 0, Imgproc.INTER_LINEAR);

            assertEquals(full.size(), guided.size());
            assertEquals(full.type(), guided.type());
            double colourShift = Core.norm(guided, resized, Core.NORM_L1) / (guided.total() * 3);
            assertTrue(colourShift < 6, "colours stay the cartoon's: mean difference " + colourShift);
            CartoonLook photoLook;
            CartoonLook guidedLook;
            CartoonLook resizedLook;
            try (Image guidedImage = Image.wrap(guided); Image resizedImage = Image.wrap(resized)) {
                photoLook = CartoonLook.of(photo, photo);
                guidedLook = CartoonLook.of(photo, guidedImage);
                resizedLook = CartoonLook.of(photo, resizedImage);
            }
            double photoTexture = photoLook.interiorTexture();
            double guidedTexture = guidedLook.interiorTexture();
            double resizedTexture = resizedLook.interiorTexture();
            double guidedEdges = guidedLook.boundaryContrast();
            double resizedEdges = resizedLook.boundaryContrast();
            System.out.printf("texture: photo %.2f, guided %.2f, resized %.2f; boundary gradient: guided %.1f, resized %.1f%n",
                    photoTexture, guidedTexture, resizedTexture, guidedEdges, resizedEdges);
            assertTrue(guidedTexture < 0.5 * photoTexture,
                    "flat areas stay flat: texture " + guidedTexture + " vs the photo's " + photoTexture);
            assertTrue(guidedTexture < resizedTexture + 1.0,
                    "no more texture than plain resizing: " + guidedTexture + " vs " + resizedTexture);
            assertTrue(guidedEdges > 1.3 * resizedEdges,
                    "boundaries sharper than plain resizing: gradient " + guidedEdges + " vs " + resizedEdges);
        }
    }

    @Test
    void sixteenBitPicturesKeepTheirDepth() {
        OpenCv.load();
        Mat guide = new Mat(64, 48, CvType.CV_16UC3, new org.opencv.core.Scalar(1000, 30000, 60000));
        Mat low = new Mat(16, 12, CvType.CV_16UC3, new org.opencv.core.Scalar(1000, 30000, 60000));
        Mat out = GuidedUpsampling.upsample(low, guide, 65535);
        assertEquals(CvType.CV_16UC3, out.type());
        double[] centre = out.get(32, 24);
        assertEquals(30000, centre[1], 30);
        assertEquals(60000, centre[2], 60);
    }

    private static Path photo(String name) throws URISyntaxException {
        return Path.of(GuidedUpsamplingTest.class.getResource("/photos/" + name).toURI());
    }

}
