package dev.toonsmith.engine.image;

import java.util.Arrays;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How drawn a picture looks next to the photo it was made from, in two figures a cartoon moves the opposite way
 * from a photo: texture left inside regions (flat colour has none) and brightness on the photo's boundaries (an
 * outline is dark). Both are measured where the photo says regions and boundaries are, so a picture and its photo,
 * or two styles on the same photo, compare directly. These are the figures {@code toonsmith bench --look} prints
 * and tests hold styles to.
 *
 * @param texture mean absolute Laplacian of the gray picture over all pixels, in 8-bit levels
 * @param interiorTexture the same away from the photo's boundaries: outside the photo's strongest quarter of
 *     gradients, widened by two pixels, so that outlines do not count as texture
 * @param boundaryBrightness mean gray level (0 to 255) on the photo's strongest 4 % of gradients
 * @param boundaryContrast the picture's mean gradient magnitude (Sobel, 8-bit levels) on those pixels: how crisp
 *     the picture's boundaries are where the photo has them
 */
public record CartoonLook(double texture, double interiorTexture, double boundaryBrightness, double boundaryContrast) {

    /** The share of pixels taken as the photo's boundaries. */
    public static final double BOUNDARY_SHARE = 0.04;
    /** The share of pixels (before widening) kept out of the interior. */
    public static final double NOT_INTERIOR_SHARE = 0.25;

    /**
     * Measures {@code picture}, made from {@code photo}; both must have the same size. Transparency is ignored.
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public static CartoonLook of(Image photo, Image picture) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(picture, "picture");
        if (photo.width() != picture.width() || photo.height() != picture.height()) {
            throw new IllegalArgumentException("the picture is " + picture.width() + "x" + picture.height()
                    + " but its photo is " + photo.width() + "x" + photo.height());
        }
        OpenCv.load();
        Mat photoGray = gray(photo);
        Mat pictureGray = gray(picture);
        Mat gradient = gradient(photoGray);
        Mat boundaries = strongest(gradient, BOUNDARY_SHARE);
        Mat notInterior = strongest(gradient, NOT_INTERIOR_SHARE);
        Imgproc.dilate(notInterior, notInterior, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        Mat interior = new Mat();
        Core.bitwise_not(notInterior, interior);
        Mat laplacian = absLaplacian(pictureGray);
        Mat pictureGradient = gradient(pictureGray);
        try {
            return new CartoonLook(Core.mean(laplacian).val[0],
                    Core.countNonZero(interior) == 0 ? 0 : Core.mean(laplacian, interior).val[0],
                    Core.mean(pictureGray, boundaries).val[0],
                    Core.mean(pictureGradient, boundaries).val[0]);
        } finally {
            for (Mat m : new Mat[] {photoGray, pictureGray, gradient, boundaries, notInterior, interior, laplacian,
                    pictureGradient}) {
                m.release();
            }
        }
    }

    /** Gray in 0..255 as 32-bit floats, whatever the picture's depth. */
    private static Mat gray(Image image) {
        Mat colour = image.mat();
        Mat bgr = new Mat();
        int channels = colour.channels();
        if (channels == 4) {
            Imgproc.cvtColor(colour, bgr, Imgproc.COLOR_BGRA2BGR);
        } else if (channels == 1) {
            Imgproc.cvtColor(colour, bgr, Imgproc.COLOR_GRAY2BGR);
        } else {
            colour.copyTo(bgr);
        }
        Mat floats = new Mat();
        bgr.convertTo(floats, CvType.CV_32FC3, 255.0 / image.maxValue());
        Mat gray = new Mat();
        Imgproc.cvtColor(floats, gray, Imgproc.COLOR_BGR2GRAY);
        bgr.release();
        floats.release();
        return gray;
    }

    /** The gradient magnitude of the lightly blurred gray: JPEG noise should not count as a boundary. */
    private static Mat gradient(Mat gray) {
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(gray, blurred, new Size(3, 3), 0);
        Mat gx = new Mat();
        Mat gy = new Mat();
        Imgproc.Sobel(blurred, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(blurred, gy, CvType.CV_32F, 0, 1);
        Mat magnitude = new Mat();
        Core.magnitude(gx, gy, magnitude);
        blurred.release();
        gx.release();
        gy.release();
        return magnitude;
    }

    /** An 8-bit mask of the given share of pixels with the largest values. */
    private static Mat strongest(Mat values, double share) {
        float[] all = new float[(int) values.total()];
        values.get(0, 0, all);
        Arrays.sort(all);
        double threshold = all[(int) ((1 - share) * (all.length - 1))];
        Mat mask = new Mat();
        Imgproc.threshold(values, mask, threshold, 255, Imgproc.THRESH_BINARY);
        mask.convertTo(mask, CvType.CV_8U);
        return mask;
    }

    private static Mat absLaplacian(Mat gray) {
        Mat laplacian = new Mat();
        Imgproc.Laplacian(gray, laplacian, CvType.CV_32F);
        Core.absdiff(laplacian, new Scalar(0), laplacian);
        return laplacian;
    }
}
