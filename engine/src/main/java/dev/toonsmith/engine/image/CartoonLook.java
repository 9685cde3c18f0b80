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
 * @param paletteBins the fewest 5-bit RGB colour bins (32 levels a channel) that cover 90 % of the pixels: a photo
 *     needs hundreds, a cartoon's flat palette a few dozen at most
 * @param meanChange the mean absolute difference from the photo, in 8-bit levels over all colour channels: how much
 *     the picture redraws the photo (0 for the photo itself)
 * @param speckle one-colour fragments per megapixel smaller than {@link #SPECKLE_SHARE} of the picture, with colours
 *     cut to 4 bits a channel and fragments joined across corners: noise, speckle and broken lines, which a clean
 *     drawing does not have
 * @param colourCast how far the picture's colours moved from the photo's: the median over pixels of the CIELAB a*b*
 *     distance between the two, both blurred with a Gaussian of {@link #CAST_BLUR_SHARE} of the short side first,
 *     so that flat fills and outlines do not count, only shifts of hue and chroma (a salmon cat, green hair)
 */
public record CartoonLook(double texture, double interiorTexture, double boundaryBrightness, double boundaryContrast,
        int paletteBins, double meanChange, double speckle, double colourCast) {

    /** The share of pixels taken as the photo's boundaries. */
    public static final double BOUNDARY_SHARE = 0.04;
    /** The share of pixels (before widening) kept out of the interior. */
    public static final double NOT_INTERIOR_SHARE = 0.25;
    /** The share of pixels {@link #paletteBins} must cover. */
    public static final double PALETTE_COVERAGE = 0.9;
    /** Fragments under this share of the picture's pixels count as {@link #speckle} (20 pixels of a megapixel). */
    public static final double SPECKLE_SHARE = 0.00002;
    /** The blur before {@link #colourCast} is measured, as a share of the picture's short side (sigma). */
    public static final double CAST_BLUR_SHARE = 0.015;

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
        Mat photoBytes = bgr8(photo);
        Mat pictureBytes = bgr8(picture);
        try {
            byte[] pictureBgr = new byte[(int) pictureBytes.total() * 3];
            pictureBytes.get(0, 0, pictureBgr);
            return new CartoonLook(Core.mean(laplacian).val[0],
                    Core.countNonZero(interior) == 0 ? 0 : Core.mean(laplacian, interior).val[0],
                    Core.mean(pictureGray, boundaries).val[0],
                    Core.mean(pictureGradient, boundaries).val[0],
                    paletteBins(pictureBgr),
                    meanChange(photoBytes, pictureBytes),
                    speckle(pictureBgr, picture.width(), picture.height()),
                    colourCast(photoBytes, pictureBytes));
        } finally {
            for (Mat m : new Mat[] {photoGray, pictureGray, gradient, boundaries, notInterior, interior, laplacian,
                    pictureGradient, photoBytes, pictureBytes}) {
                m.release();
            }
        }
    }

    /** Gray in 0..255 as 32-bit floats, whatever the picture's depth. */
    private static Mat gray(Image image) {
        Mat bgr = bgr(image);
        Mat floats = new Mat();
        bgr.convertTo(floats, CvType.CV_32FC3, 255.0 / image.maxValue());
        Mat gray = new Mat();
        Imgproc.cvtColor(floats, gray, Imgproc.COLOR_BGR2GRAY);
        bgr.release();
        floats.release();
        return gray;
    }

    /** The picture as 3-channel BGR of its own depth, transparency dropped. */
    private static Mat bgr(Image image) {
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
        return bgr;
    }

    /** The picture as 8-bit BGR, whatever its depth. */
    private static Mat bgr8(Image image) {
        Mat bgr = bgr(image);
        Mat bytes = new Mat();
        bgr.convertTo(bytes, CvType.CV_8UC3, 255.0 / image.maxValue());
        bgr.release();
        return bytes;
    }

    private static int paletteBins(byte[] bgr) {
        int[] counts = new int[1 << 15];
        for (int i = 0; i < bgr.length; i += 3) {
            counts[((bgr[i] & 0xF8) << 7) | ((bgr[i + 1] & 0xF8) << 2) | ((bgr[i + 2] & 0xF8) >> 3)]++;
        }
        Arrays.sort(counts);
        long needed = (long) Math.ceil(PALETTE_COVERAGE * (bgr.length / 3));
        long covered = 0;
        int bins = 0;
        for (int i = counts.length - 1; i >= 0 && covered < needed; i--) {
            covered += counts[i];
            bins++;
        }
        return bins;
    }

    /** The median a*b* distance between the two 8-bit BGR pictures, both blurred; see {@link #colourCast()}. */
    private static double colourCast(Mat photo, Mat picture) {
        double sigma = Math.max(0.5, CAST_BLUR_SHARE * Math.min(photo.cols(), photo.rows()));
        float[][] chroma = new float[2][];
        Mat[] pictures = {photo, picture};
        for (int i = 0; i < 2; i++) {
            Mat unit = new Mat();
            pictures[i].convertTo(unit, CvType.CV_32FC3, 1.0 / 255);
            Imgproc.GaussianBlur(unit, unit, new Size(0, 0), sigma);
            // Float Lab: L in 0..100, a* and b* in about -127..127, as the CIE defines them.
            Mat lab = new Mat();
            Imgproc.cvtColor(unit, lab, Imgproc.COLOR_BGR2Lab);
            chroma[i] = new float[(int) lab.total() * 3];
            lab.get(0, 0, chroma[i]);
            unit.release();
            lab.release();
        }
        int pixels = chroma[0].length / 3;
        double[] distances = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            double da = chroma[0][3 * p + 1] - chroma[1][3 * p + 1];
            double db = chroma[0][3 * p + 2] - chroma[1][3 * p + 2];
            distances[p] = Math.sqrt(da * da + db * db);
        }
        Arrays.sort(distances);
        return pixels % 2 == 1 ? distances[pixels / 2] : (distances[pixels / 2 - 1] + distances[pixels / 2]) / 2;
    }

    private static double meanChange(Mat photo, Mat picture) {
        Mat difference = new Mat();
        Core.absdiff(photo, picture, difference);
        Scalar mean = Core.mean(difference);
        difference.release();
        return (mean.val[0] + mean.val[1] + mean.val[2]) / 3;
    }

    /**
     * Counts small one-colour fragments with a flood fill over colour keys. OpenCV's connected components label
     * binary masks only; one mask per colour would take thousands of passes over a photo.
     */
    private static double speckle(byte[] bgr, int width, int height) {
        int pixels = width * height;
        int[] key = new int[pixels];
        for (int p = 0, i = 0; p < pixels; p++, i += 3) {
            key[p] = ((bgr[i] & 0xF0) << 4) | (bgr[i + 1] & 0xF0) | ((bgr[i + 2] & 0xF0) >> 4);
        }
        boolean[] seen = new boolean[pixels];
        int[] stack = new int[pixels];
        double smallest = SPECKLE_SHARE * pixels;
        long fragments = 0;
        for (int start = 0; start < pixels; start++) {
            if (seen[start]) {
                continue;
            }
            int colour = key[start];
            int top = 0;
            int size = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                size++;
                int x = p % width;
                int y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int q = ny * width + nx;
                        if (nx >= 0 && nx < width && !seen[q] && key[q] == colour) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (size < smallest) {
                fragments++;
            }
        }
        return fragments * 1e6 / pixels;
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
