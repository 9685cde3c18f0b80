package dev.toonsmith.engine.post;

import dev.toonsmith.engine.post.PostSettings.Adjust;
import java.util.Arrays;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;

/**
 * The quantize step: repaints the image with at most k flat colours, found by k-means in CIELAB.
 *
 * <p>Two things keep it fast on 4K images. The centres are fitted on a deterministic random sample of
 * {@value #SAMPLES} pixels, which finds the same dominant colours as all of them. Every pixel is then
 * assigned through a lookup table over a {@value #BINS}-level-per-channel BGR cube, each cell mapped to the
 * centre nearest to it in LAB; a cell is 4 levels of 255 wide, far below a visible difference. The output
 * colours are exactly the centres converted back to BGR.
 *
 * <p>The palette must not depend on the image's size, or the preview would show other colours than the
 * export. So the sample is taken from the image reduced to at most the reference size (area averaging, as
 * a preview is made), at positions drawn as fractions of the width and height: the preview and the full-size
 * image are sampled at the same places of the picture, and a 1024 px preview sees nearly the same values.
 *
 * <p>Determinism does not rest on OpenCV's random generator (per thread, and shared with whatever else runs
 * on that thread): the sample positions come from {@code java.util.Random(seed)}, the starting centres are
 * chosen deterministically from the sample, and OpenCV's k-means starts from those labels with a single
 * attempt, so it draws no random numbers. The same image and seed give the same bytes on any thread; another
 * seed samples other pixels and may settle on other colours.
 *
 * <p>16-bit images are clustered and assigned through their top 8 bits, and the palette is written at 16 bits.
 * Stateless apart from an immutable table; any thread.
 */
final class ColourQuantizer {

    static final int SAMPLES = 20_000;
    static final int BINS = 64;
    private static final int BIN_SHIFT = 2;
    private static final int MAX_ITERATIONS = 20;
    /** Centre movement, in LAB units, below which k-means stops: far below a visible difference. */
    private static final double EPSILON = 0.5;
    private static final byte UNSET = -1;

    private ColourQuantizer() {}

    /**
     * @param bgr 3-channel 8- or 16-bit
     * @param paletteAdjust adjustments to apply to the palette, or null: since an adjustment depends on the
     *     colour alone, adjusting the k palette colours gives the same pixels as adjusting the quantized
     *     image afterwards, without another pass over millions of pixels
     * @return a new matrix of the input's type holding at most {@code colors} distinct colours
     */
    static Mat apply(Mat bgr, int colors, int seed, Adjust paletteAdjust) {
        boolean wide = CvType.depth(bgr.type()) == CvType.CV_16U;
        Mat narrow = wide ? new Mat() : bgr.isContinuous() ? bgr : bgr.clone();
        if (wide) {
            // 257 = 65535 / 255.
            bgr.convertTo(narrow, CvType.CV_8U, 1.0 / 257.0);
        }
        int pixels = (int) bgr.total();
        byte[] levels = new byte[pixels * 3];
        narrow.get(0, 0, levels);

        Random random = new Random(seed);
        float[] sample = sampleLab(narrow, levels, random);
        if (narrow != bgr) {
            narrow.release();
        }
        float[] centres = kmeans(sample, colors);
        int k = colors;
        CellTable table = new CellTable(centres, k);

        int max = wide ? 65535 : 255;
        int[] palette = palette(centres, k, max);
        if (paletteAdjust != null) {
            ColourAdjuster.adjust(palette, max, paletteAdjust);
        }
        Mat out = new Mat(bgr.rows(), bgr.cols(), bgr.type());
        if (wide) {
            short[] values = new short[pixels * 3];
            short[] colours = new short[k * 3];
            for (int i = 0; i < colours.length; i++) {
                colours[i] = (short) palette[i];
            }
            for (int p = 0; p < levels.length; p += 3) {
                int c = table.centreOf(cell(levels, p)) * 3;
                values[p] = colours[c];
                values[p + 1] = colours[c + 1];
                values[p + 2] = colours[c + 2];
            }
            out.put(0, 0, values);
        } else {
            byte[] colours = new byte[k * 3];
            for (int i = 0; i < colours.length; i++) {
                colours[i] = (byte) palette[i];
            }
            for (int p = 0; p < levels.length; p += 3) {
                int c = table.centreOf(cell(levels, p)) * 3;
                levels[p] = colours[c];
                levels[p + 1] = colours[c + 1];
                levels[p + 2] = colours[c + 2];
            }
            out.put(0, 0, levels);
        }
        return out;
    }

    private static int cell(byte[] bgr, int p) {
        return ((bgr[p] & 0xff) >> BIN_SHIFT) * BINS * BINS
                + ((bgr[p + 1] & 0xff) >> BIN_SHIFT) * BINS
                + ((bgr[p + 2] & 0xff) >> BIN_SHIFT);
    }

    /**
     * LAB values (L, a, b interleaved) of {@link #SAMPLES} pixels at random places of the picture, taken from
     * the image reduced to at most the reference size.
     *
     * @param narrow the 8-bit image
     * @param levels its pixels
     */
    private static float[] sampleLab(Mat narrow, byte[] levels, Random random) {
        double scale = PostProcess.scaleOf(narrow.cols(), narrow.rows());
        int width = narrow.cols();
        int height = narrow.rows();
        byte[] source = levels;
        if (scale > 1) {
            width = Math.max(1, (int) Math.round(width / scale));
            height = Math.max(1, (int) Math.round(height / scale));
            Mat reduced = new Mat();
            Imgproc.resize(narrow, reduced, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
            source = new byte[width * height * 3];
            reduced.get(0, 0, source);
            reduced.release();
        }
        float[] bgr = new float[SAMPLES * 3];
        for (int i = 0; i < SAMPLES; i++) {
            int x = (int) (random.nextDouble() * width);
            int y = (int) (random.nextDouble() * height);
            int p = (y * width + x) * 3;
            bgr[i * 3] = (source[p] & 0xff) / 255f;
            bgr[i * 3 + 1] = (source[p + 1] & 0xff) / 255f;
            bgr[i * 3 + 2] = (source[p + 2] & 0xff) / 255f;
        }
        return bgrToLab(bgr, SAMPLES);
    }

    /**
     * k centres in LAB (interleaved): farthest-first starting centres refined by OpenCV's k-means.
     *
     * <p>The start is Gonzalez's farthest-first traversal from the sample nearest the mean colour, not
     * k-means++: its random picks made a preview and its full-size image, whose samples differ only slightly,
     * land in different local optima and get visibly different palettes. Farthest-first depends smoothly on
     * the sample, and it keeps small vivid areas (eyes, a flag) their own colour, which suits cartoons.
     */
    private static float[] kmeans(float[] sample, int k) {
        int n = sample.length / 3;
        float[] start = farthestFirst(sample, n, k);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = nearest(start, k, sample[i * 3], sample[i * 3 + 1], sample[i * 3 + 2]);
        }

        Mat data = new Mat(n, 3, CvType.CV_32F);
        data.put(0, 0, sample);
        Mat bestLabels = new Mat(n, 1, CvType.CV_32S);
        bestLabels.put(0, 0, labels);
        Mat centers = new Mat();
        Core.kmeans(data, k, bestLabels,
                new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, MAX_ITERATIONS, EPSILON),
                1, Core.KMEANS_USE_INITIAL_LABELS, centers);
        float[] result = new float[k * 3];
        centers.get(0, 0, result);
        data.release();
        bestLabels.release();
        centers.release();
        return result;
    }

    private static float[] farthestFirst(float[] sample, int n, int k) {
        float[] mean = new float[3];
        double[] sum = new double[3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                sum[c] += sample[i * 3 + c];
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] = (float) (sum[c] / n);
        }
        int first = 0;
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = squaredDistance(sample, i * 3, mean, 0);
            if (distance[i] < distance[first]) {
                first = i;
            }
        }

        float[] centres = new float[k * 3];
        System.arraycopy(sample, first * 3, centres, 0, 3);
        for (int i = 0; i < n; i++) {
            distance[i] = squaredDistance(sample, i * 3, centres, 0);
        }
        for (int c = 1; c < k; c++) {
            int farthest = 0;
            for (int i = 1; i < n; i++) {
                if (distance[i] > distance[farthest]) {
                    farthest = i;
                }
            }
            // With fewer distinct colours than k this repeats a centre; k-means copes, and the palette just
            // has fewer colours.
            System.arraycopy(sample, farthest * 3, centres, c * 3, 3);
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(sample, i * 3, centres, c * 3));
            }
        }
        return centres;
    }

    /**
     * The nearest centre of each cell of the BGR cube, found the first time a pixel falls in the cell: a photo
     * occupies a small part of the cube, so this is much cheaper than filling the whole table up front.
     */
    private static final class CellTable {

        private final float[] centres;
        private final int k;
        private final byte[] nearest = new byte[BINS * BINS * BINS];

        CellTable(float[] centres, int k) {
            this.centres = centres;
            this.k = k;
            Arrays.fill(nearest, UNSET);
        }

        int centreOf(int cell) {
            byte c = nearest[cell];
            if (c == UNSET) {
                float[] lab = CubeLab.CELLS;
                c = (byte) nearest(centres, k, lab[cell * 3], lab[cell * 3 + 1], lab[cell * 3 + 2]);
                nearest[cell] = c;
            }
            return c;
        }
    }

    private static int nearest(float[] centres, int k, float l, float a, float b) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            double dl = l - centres[c * 3];
            double da = a - centres[c * 3 + 1];
            double db = b - centres[c * 3 + 2];
            double d = dl * dl + da * da + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double squaredDistance(float[] x, int i, float[] y, int j) {
        double d0 = x[i] - y[j];
        double d1 = x[i + 1] - y[j + 1];
        double d2 = x[i + 2] - y[j + 2];
        return d0 * d0 + d1 * d1 + d2 * d2;
    }

    /** BGR in 0..1 (interleaved) to LAB with OpenCV's sRGB conversion. */
    private static float[] bgrToLab(float[] bgr, int n) {
        Mat m = new Mat(1, n, CvType.CV_32FC3);
        m.put(0, 0, bgr);
        Imgproc.cvtColor(m, m, Imgproc.COLOR_BGR2Lab);
        float[] lab = new float[n * 3];
        m.get(0, 0, lab);
        m.release();
        return lab;
    }

    /**
     * LAB centres as BGR channel values of the given full scale (interleaved), clamped: a centre can fall just
     * outside the sRGB gamut.
     */
    private static int[] palette(float[] lab, int k, int max) {
        Mat m = new Mat(1, k, CvType.CV_32FC3);
        m.put(0, 0, lab);
        Imgproc.cvtColor(m, m, Imgproc.COLOR_Lab2BGR);
        float[] bgr = new float[k * 3];
        m.get(0, 0, bgr);
        m.release();
        int[] out = new int[k * 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Math.round(Math.min(1, Math.max(0, bgr[i])) * max);
        }
        return out;
    }

    /** LAB of the centre of every cell of the BGR cube: fixed, so computed once per process. */
    private static final class CubeLab {

        static final float[] CELLS = compute();

        private static float[] compute() {
            int cells = BINS * BINS * BINS;
            float[] bgr = new float[cells * 3];
            float width = 1 << BIN_SHIFT;
            for (int cell = 0; cell < cells; cell++) {
                bgr[cell * 3] = ((cell / (BINS * BINS)) * width + (width - 1) / 2) / 255f;
                bgr[cell * 3 + 1] = (((cell / BINS) % BINS) * width + (width - 1) / 2) / 255f;
                bgr[cell * 3 + 2] = ((cell % BINS) * width + (width - 1) / 2) / 255f;
            }
            return bgrToLab(bgr, cells);
        }
    }
}
