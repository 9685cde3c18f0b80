package dev.toonsmith.engine;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.OpenCv;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Small real photos and measurements the engine's tests share. */
public final class TestImages {

    private TestImages() {}

    /** A test resource under {@code /photos}, such as {@code chelsea-300.png} (300x199, a cat). */
    public static Path photo(String name) {
        try {
            return Path.of(Objects.requireNonNull(TestImages.class.getResource("/photos/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes a test photo as 8-bit BGR with OpenCV alone, independent of the engine's reader. */
    public static Image load(String name) {
        OpenCv.load();
        Mat mat = Imgcodecs.imread(photo(name).toString(), Imgcodecs.IMREAD_COLOR);
        return Image.wrap(mat);
    }

    /** A crop of a test photo, as an image of its own. */
    public static Image crop(String name, int x, int y, int width, int height) {
        try (Image whole = load(name)) {
            return Image.wrap(whole.mat().submat(y, y + height, x, x + width).clone());
        }
    }

    /** Mean absolute difference per channel value, in units of the images' full range (0..1). */
    public static double meanAbsoluteDifference(Image a, Image b) {
        Mat diff = new Mat();
        Core.absdiff(a.mat(), b.mat(), diff);
        Scalar mean = Core.mean(diff);
        diff.release();
        double sum = 0;
        for (int c = 0; c < a.mat().channels(); c++) {
            sum += mean.val[c];
        }
        return sum / a.mat().channels() / a.maxValue();
    }

    /** Whether two images hold exactly the same pixels. */
    public static boolean samePixels(Mat a, Mat b) {
        if (a.type() != b.type() || a.rows() != b.rows() || a.cols() != b.cols()) {
            return false;
        }
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        Mat flat = diff.reshape(1);
        boolean same = Core.countNonZero(flat) == 0;
        diff.release();
        return same;
    }

    /** A copy of {@code bgr} as 16 bits per channel (values scaled by 257, so 255 becomes 65535). */
    public static Image to16Bit(Image bgr) {
        Mat out = new Mat();
        bgr.mat().convertTo(out, CvType.makeType(CvType.CV_16U, bgr.mat().channels()), 257.0);
        return Image.wrap(out);
    }
}
