package dev.toonsmith.engine.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Brings a picture computed at low resolution back to a photo's full resolution, taking the edges from the
 * photo: the fast guided filter (He and Sun, 2015). Local linear coefficients that map the downscaled photo's
 * brightness onto the low-resolution picture are fitted in small windows, upsampled, and applied to the
 * full-resolution photo. Where the picture is flat the coefficients are near zero and it stays flat (the
 * photo's texture does not come back); where the picture follows a photo edge the edge comes back sharp.
 */
public final class GuidedUpsampling {

    /** Window radius at the low resolution: 5x5 windows. */
    private static final int RADIUS = 2;
    /**
     * Regularization, in squared brightness units of [0, 1]: windows whose brightness varies by less than
     * about 0.05 (fine texture) are treated as flat.
     */
    private static final double EPSILON = 3e-3;

    private GuidedUpsampling() {}

    /**
     * {@code low}, upsampled to {@code guide}'s size.
     *
     * @param low the low-resolution picture (3 channels, the guide's depth)
     * @param guide the full-resolution photo (3 channels, BGR, 8 or 16 bits)
     * @param maxValue the depth's white (255 or 65535)
     * @return a new matrix of the guide's size and type; the caller releases it
     */
    public static Mat upsample(Mat low, Mat guide, double maxValue) {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(guide, "guide");
        if (low.channels() != 3 || guide.channels() != 3) {
            throw new IllegalArgumentException("guided upsampling needs 3-channel pictures");
        }
        List<Mat> temporaries = new ArrayList<>();
        try {
            Size fullSize = guide.size();
            Size lowSize = low.size();
            Mat fullGray = track(temporaries, new Mat());
            Imgproc.cvtColor(guide, fullGray, Imgproc.COLOR_BGR2GRAY);
            fullGray.convertTo(fullGray, CvType.CV_32F, 1 / maxValue);
            Mat gray = track(temporaries, new Mat());
            Imgproc.resize(fullGray, gray, lowSize, 0, 0, Imgproc.INTER_AREA);

            Mat meanI = box(temporaries, gray);
            Mat varI = box(temporaries, product(temporaries, gray, gray));
            Core.subtract(varI, product(temporaries, meanI, meanI), varI);
            Core.add(varI, new org.opencv.core.Scalar(EPSILON), varI);

            Mat lowFloat = track(temporaries, new Mat());
            low.convertTo(lowFloat, CvType.CV_32FC3, 1 / maxValue);
            List<Mat> channels = new ArrayList<>(3);
            Core.split(lowFloat, channels);
            temporaries.addAll(channels);
            List<Mat> out = new ArrayList<>(3);
            for (Mat p : channels) {
                Mat meanP = box(temporaries, p);
                Mat covariance = box(temporaries, product(temporaries, gray, p));
                Core.subtract(covariance, product(temporaries, meanI, meanP), covariance);
                Mat a = track(temporaries, new Mat());
                Core.divide(covariance, varI, a);
                Mat b = track(temporaries, new Mat());
                Core.subtract(meanP, product(temporaries, a, meanI), b);
                Mat fullA = track(temporaries, new Mat());
                Imgproc.resize(box(temporaries, a), fullA, fullSize, 0, 0, Imgproc.INTER_LINEAR);
                Mat fullB = track(temporaries, new Mat());
                Imgproc.resize(box(temporaries, b), fullB, fullSize, 0, 0, Imgproc.INTER_LINEAR);
                Mat q = track(temporaries, new Mat());
                Core.multiply(fullA, fullGray, q);
                Core.add(q, fullB, q);
                out.add(q);
            }
            Mat merged = track(temporaries, new Mat());
            Core.merge(out, merged);
            Mat result = new Mat();
            merged.convertTo(result, guide.type(), maxValue); // saturates to the depth's range
            return result;
        } finally {
            temporaries.forEach(Mat::release);
        }
    }

    private static Mat box(List<Mat> temporaries, Mat source) {
        Mat out = track(temporaries, new Mat());
        Imgproc.boxFilter(source, out, -1, new Size(2 * RADIUS + 1, 2 * RADIUS + 1), new org.opencv.core.Point(-1, -1),
                true, Core.BORDER_REFLECT);
        return out;
    }

    private static Mat product(List<Mat> temporaries, Mat x, Mat y) {
        Mat out = track(temporaries, new Mat());
        Core.multiply(x, y, out);
        return out;
    }

    private static Mat track(List<Mat> temporaries, Mat mat) {
        temporaries.add(mat);
        return mat;
    }
}
