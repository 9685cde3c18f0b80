package dev.toonsmith.engine.train;

import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.train.data.FloatBatch;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The classical filters the cartoon losses compare against, applied to whole batches on the CPU:
 * cartoons with their outlines smoothed away (CartoonGAN's extra negatives) and photos flattened by
 * edge-preserving smoothing (a weak target for flat shading, after White-box cartoonization).
 */
final class CartoonFilters {

    private CartoonFilters() {}

    /** How far above the line threshold the toon target's ink reaches full strength. */
    private static final double LINE_RAMP = 150;

    /**
     * CartoonGAN's edge-smoothed cartoons: Canny finds the outlines, dilation widens them into a band, and
     * inside the band the image is replaced by its Gaussian blur. The discriminator learns that soft outlines
     * are fake.
     */
    static FloatBatch smoothEdges(FloatBatch cartoons) {
        return map(cartoons, bgr -> {
            Mat gray = new Mat();
            Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
            Mat edges = new Mat();
            Imgproc.Canny(gray, edges, 100, 200);
            Mat band = new Mat();
            Imgproc.dilate(edges, band, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
            Mat blurred = new Mat();
            Imgproc.GaussianBlur(bgr, blurred, new Size(5, 5), 0);
            Mat out = bgr.clone();
            blurred.copyTo(out, band);
            gray.release();
            edges.release();
            band.release();
            blurred.release();
            return out;
        });
    }

    /** Photos flattened by repeated bilateral filtering: regions go flat, their borders stay sharp. */
    static FloatBatch flatten(FloatBatch photos) {
        return map(photos, bgr -> {
            Mat a = new Mat();
            Mat b = new Mat();
            Imgproc.bilateralFilter(bgr, a, 7, 60, 5);
            Imgproc.bilateralFilter(a, b, 7, 60, 5);
            Imgproc.bilateralFilter(b, a, 7, 60, 5);
            b.release();
            return a;
        });
    }

    /**
     * Photos drawn as a cartoon the generator can actually learn: flattened by bilateral filtering, with
     * dark outlines whose strength follows the flattened image's gradient. Every step is a smooth, local
     * function of the photo, so an L1 loss can pull a small network all the way to it; the chain's k-means
     * palette and one-pixel Canny lines ({@link #cartoon}) are not (a palette is chosen per image, and a line
     * one pixel off costs as much as no line), and a generator trained on them only blurs.
     */
    static FloatBatch toon(FloatBatch photos, double lineThreshold) {
        return map(photos, bgr -> toonOf(bgr, lineThreshold));
    }

    /** {@link #toon} together with where it inked its lines. */
    record ToonBatch(FloatBatch pictures, InkMaps ink) {}

    /**
     * The share of ink of each pixel of a batch of toon targets, 0 (none) to 1 (a full line), NCHW with one channel.
     */
    record InkMaps(float[] data, int batch, int height, int width) {}

    /** {@link #toon}, and the ink share of each pixel, for a loss that weighs the lines more than their few pixels. */
    static ToonBatch toonWithInk(FloatBatch photos, double lineThreshold) {
        int plane = photos.height() * photos.width();
        float[] ink = new float[photos.batch() * plane];
        float[] values = new float[plane];
        int[] next = {0};
        // map() visits the batch in order, so the n-th call's ink belongs at the n-th plane.
        FloatBatch pictures = map(photos, bgr -> {
            Toon toon = toonParts(bgr, lineThreshold);
            toon.ink().get(0, 0, values);
            System.arraycopy(values, 0, ink, next[0]++ * plane, plane);
            toon.ink().release();
            return toon.picture();
        });
        return new ToonBatch(pictures, new InkMaps(ink, photos.batch(), photos.height(), photos.width()));
    }

    /** A toon target and its ink share (CV_32F, 0..1), both the picture's size. */
    private record Toon(Mat picture, Mat ink) {}

    /** {@link #toon} for one 8-bit BGR picture (package-private so tests can look at single images). */
    static Mat toonOf(Mat bgr, double lineThreshold) {
        Toon toon = toonParts(bgr, lineThreshold);
        toon.ink().release();
        return toon.picture();
    }

    private static Toon toonParts(Mat bgr, double lineThreshold) {
        Mat a = new Mat();
        Mat b = new Mat();
        Imgproc.bilateralFilter(bgr, a, 9, 60, 7);
        Imgproc.bilateralFilter(a, b, 9, 60, 7);
        Imgproc.bilateralFilter(b, a, 9, 60, 7);
        // The strongest channel's gradient, not the gray's: a blue sky against an orange roof has nearly equal
        // luminance but is still a boundary a cartoonist would ink.
        Mat gx = new Mat();
        Mat gy = new Mat();
        Imgproc.Sobel(a, gx, CvType.CV_32F, 1, 0, 3);
        Imgproc.Sobel(a, gy, CvType.CV_32F, 0, 1, 3);
        Mat magnitude3 = new Mat();
        Core.magnitude(gx, gy, magnitude3);
        java.util.List<Mat> channels = new java.util.ArrayList<>(3);
        Core.split(magnitude3, channels);
        Mat magnitude = new Mat();
        Core.max(channels.get(0), channels.get(1), magnitude);
        Core.max(magnitude, channels.get(2), magnitude);
        channels.forEach(Mat::release);
        magnitude3.release();
        // From the threshold to 150 above it (of Sobel's 0..~1440 range on 8-bit), ink ramps from none to full:
        // weak texture stays clean, object boundaries get a dark, slightly soft line.
        Mat ink = new Mat();
        magnitude.convertTo(ink, CvType.CV_32F, 1 / LINE_RAMP, -lineThreshold / LINE_RAMP);
        Imgproc.threshold(ink, ink, 1, 1, Imgproc.THRESH_TRUNC);
        Imgproc.threshold(ink, ink, 0, 0, Imgproc.THRESH_TOZERO);
        Mat keep = new Mat();
        ink.convertTo(keep, CvType.CV_32F, -0.8, 1);
        Mat keep3 = new Mat();
        Core.merge(java.util.List.of(keep, keep, keep), keep3);
        Mat flat = new Mat();
        a.convertTo(flat, CvType.CV_32FC3);
        Core.multiply(flat, keep3, flat);
        Mat out = new Mat();
        flat.convertTo(out, CvType.CV_8UC3);
        for (Mat m : new Mat[] {a, b, gx, gy, magnitude, keep, keep3, flat}) {
            m.release();
        }
        return new Toon(out, ink);
    }

    /**
     * Photos drawn as cartoons by the post-processing chain: flattened, a dozen colours, thin dark outlines.
     * As a weak target it gives the generator the structure of a cartoon (flat regions, lines on boundaries)
     * while the adversarial term decides how they should look.
     */
    static FloatBatch cartoon(FloatBatch photos) {
        return map(photos, bgr -> {
            try (dev.toonsmith.engine.image.Image in = dev.toonsmith.engine.image.Image.wrap(bgr.clone());
                    dev.toonsmith.engine.image.Image out = dev.toonsmith.engine.post.PostProcess.apply(in, CARTOON)) {
                return out.mat().clone();
            }
        });
    }

    private static final dev.toonsmith.engine.post.PostSettings CARTOON = dev.toonsmith.engine.post.PostSettings.builder()
            .smooth(6).colors(12).edges(0.9).edgeWidth(3).build();

    private static FloatBatch map(FloatBatch batch, java.util.function.UnaryOperator<Mat> filter) {
        OpenCv.load();
        int h = batch.height();
        int w = batch.width();
        int plane = h * w;
        float[] out = new float[batch.data().length];
        float[] channel = new float[plane];
        for (int n = 0; n < batch.batch(); n++) {
            int base = n * 3 * plane;
            Mat[] planes = new Mat[3];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(batch.data(), base + c * plane, channel, 0, plane);
                Mat p = new Mat(h, w, CvType.CV_32FC1);
                p.put(0, 0, channel);
                planes[2 - c] = p;
            }
            Mat merged = new Mat();
            Core.merge(java.util.List.of(planes), merged);
            Mat bgr = new Mat();
            merged.convertTo(bgr, CvType.CV_8UC3, 127.5, 127.5);
            Mat filtered = filter.apply(bgr);
            Mat back = new Mat();
            filtered.convertTo(back, CvType.CV_32FC3, 1 / 127.5, -1);
            java.util.List<Mat> split = new java.util.ArrayList<>(3);
            Core.split(back, split);
            for (int c = 0; c < 3; c++) {
                split.get(2 - c).get(0, 0, channel);
                System.arraycopy(channel, 0, out, base + c * plane, plane);
            }
            for (Mat m : planes) {
                m.release();
            }
            split.forEach(Mat::release);
            merged.release();
            bgr.release();
            filtered.release();
            back.release();
        }
        return new FloatBatch(out, batch.batch(), h, w);
    }
}
