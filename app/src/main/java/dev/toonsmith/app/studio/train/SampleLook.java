package dev.toonsmith.app.studio.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A sample grid's generated pictures in a few numbers, so that a run's later grids can be compared with its first:
 * their mean colour (CIE Lab a* and b*), a coarse colour histogram, and how much the pictures differ from one another
 * next to how much their photos do. Plain Java (no JavaFX, no OpenCV): it runs on a background thread and in unit
 * tests alike.
 *
 * @param meanA mean a* of the generated row (green − to magenta +)
 * @param meanB mean b* of the generated row (blue − to yellow +)
 * @param histogram share of the generated row's pixels in each of {@link #BINS} RGB bins (sums to 1)
 * @param spread mean distance between the generated pictures' coarse Lab layouts
 * @param photoSpread the same for the photos above them
 */
public record SampleLook(double meanA, double meanB, double[] histogram, double spread, double photoSpread) {

    /** Levels per RGB channel in the histogram. */
    static final int LEVELS = 4;
    static final int BINS = LEVELS * LEVELS * LEVELS;
    /** Cells per side of a picture's coarse layout: enough to see a sky above a field, too few to see noise. */
    private static final int CELLS = 4;

    /** Reads a grid as the run writes it: square photos in the top row, the generator's pictures of them below. */
    public static SampleLook read(Path grid) throws IOException {
        BufferedImage image = ImageIO.read(grid.toFile());
        if (image == null) {
            throw new IOException(grid + " is not an image the sample check can read");
        }
        return of(image);
    }

    public static SampleLook of(BufferedImage grid) {
        int edge = grid.getHeight() / 2;
        if (edge < CELLS || grid.getWidth() < edge) {
            throw new IllegalArgumentException("a sample grid has two rows of square pictures; this one is "
                    + grid.getWidth() + "x" + grid.getHeight() + " px");
        }
        int tiles = grid.getWidth() / edge;
        double[] histogram = new double[BINS];
        double sumA = 0;
        double sumB = 0;
        double[][] generated = new double[tiles][];
        double[][] photos = new double[tiles][];
        double[] lab = new double[3];
        for (int t = 0; t < tiles; t++) {
            photos[t] = layout(grid, t * edge, 0, edge, lab);
            double[] cells = new double[CELLS * CELLS * 3];
            int[] counts = new int[CELLS * CELLS];
            for (int y = 0; y < edge; y++) {
                for (int x = 0; x < edge; x++) {
                    int rgb = grid.getRGB(t * edge + x, edge + y);
                    int r = rgb >> 16 & 0xff;
                    int g = rgb >> 8 & 0xff;
                    int b = rgb & 0xff;
                    histogram[(r * LEVELS / 256 * LEVELS + g * LEVELS / 256) * LEVELS + b * LEVELS / 256]++;
                    toLab(r, g, b, lab);
                    sumA += lab[1];
                    sumB += lab[2];
                    int cell = y * CELLS / edge * CELLS + x * CELLS / edge;
                    counts[cell]++;
                    for (int c = 0; c < 3; c++) {
                        cells[cell * 3 + c] += lab[c];
                    }
                }
            }
            generated[t] = average(cells, counts);
        }
        double pixels = (double) tiles * edge * edge;
        for (int i = 0; i < BINS; i++) {
            histogram[i] /= pixels;
        }
        return new SampleLook(sumA / pixels, sumB / pixels, histogram, spread(generated), spread(photos));
    }

    /** How far this grid's mean colour has moved from {@code earlier}'s, in Lab units (a*, b* plane). */
    double colourShift(SampleLook earlier) {
        return Math.hypot(meanA - earlier.meanA, meanB - earlier.meanB);
    }

    /** Half the L1 distance of the two histograms: 0 for the same colours, 1 for none in common. */
    double histogramDistance(SampleLook earlier) {
        double d = 0;
        for (int i = 0; i < BINS; i++) {
            d += Math.abs(histogram[i] - earlier.histogram[i]);
        }
        return d / 2;
    }

    /** The largest share of the generated pictures' pixels in one colour bin: near 1 for blank pictures. */
    double dominantShare() {
        double most = 0;
        for (double share : histogram) {
            most = Math.max(most, share);
        }
        return most;
    }

    /** How varied the generated pictures are next to their photos: near 1 when each keeps its own photo's layout. */
    double variety() {
        return photoSpread <= 1e-9 ? 1 : spread / photoSpread;
    }

    private static double[] layout(BufferedImage grid, int left, int top, int edge, double[] lab) {
        double[] cells = new double[CELLS * CELLS * 3];
        int[] counts = new int[CELLS * CELLS];
        for (int y = 0; y < edge; y++) {
            for (int x = 0; x < edge; x++) {
                int rgb = grid.getRGB(left + x, top + y);
                toLab(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, lab);
                int cell = y * CELLS / edge * CELLS + x * CELLS / edge;
                counts[cell]++;
                for (int c = 0; c < 3; c++) {
                    cells[cell * 3 + c] += lab[c];
                }
            }
        }
        return average(cells, counts);
    }

    private static double[] average(double[] cells, int[] counts) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] /= Math.max(1, counts[i / 3]);
        }
        return cells;
    }

    /** Mean Euclidean distance between every two layouts, per cell. */
    private static double spread(double[][] layouts) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < layouts.length; i++) {
            for (int j = i + 1; j < layouts.length; j++) {
                double d = 0;
                for (int k = 0; k < layouts[i].length; k++) {
                    double diff = layouts[i][k] - layouts[j][k];
                    d += diff * diff;
                }
                sum += Math.sqrt(d / (CELLS * CELLS));
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /** sRGB (D65) to CIE Lab. */
    static void toLab(int r, int g, int b, double[] lab) {
        double rl = linear(r);
        double gl = linear(g);
        double bl = linear(b);
        double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
        double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        lab[0] = 116 * fy - 16;
        lab[1] = 500 * (fx - fy);
        lab[2] = 200 * (fy - fz);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
