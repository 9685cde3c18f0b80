package dev.toonsmith.engine.bench;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.OpenCv;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A photo-like image made from nothing, for timing post-processing without shipping a photo in the engine.
 *
 * <p>Post-processing costs depend on the picture: k-means takes longer on many colours, Canny and the
 * outline drawing on how many edges there are, the guided filter carrying smoothing to full size on detail.
 * Random noise would be a worst case nothing like a photo and a flat image a best case, so this draws what
 * photos have: soft lighting gradients, overlapping objects with anti-aliased edges and their own shading,
 * mid-scale texture (foliage, fabric), a little lens blur and per-pixel sensor grain. Structures scale with
 * the image and grain does not, as in a photo taken at that resolution.
 *
 * <p>Deterministic: the same size and seed give the same pixels. Any thread; it seeds and uses the calling
 * thread's OpenCV random generator.
 */
final class SyntheticPhoto {

    private static final int OBJECTS = 160;
    private static final double TEXTURE_CELLS = 170;
    private static final double TEXTURE_SIGMA = 14;
    private static final double GRAIN_SIGMA = 3;

    private SyntheticPhoto() {}

    /** A new 8-bit BGR image of this size, which the caller owns. */
    static Image create(int width, int height, int seed) {
        OpenCv.load();
        Random random = new Random(seed);
        Core.setRNGSeed(seed);
        Size size = new Size(width, height);
        double longEdge = Math.max(width, height);

        // Lighting and background: a few colours on a coarse grid, interpolated into broad gradients.
        Mat picture = smoothField(new Size(4, 3), size, CvType.CV_8UC3, 40, 220);
        for (int i = 0; i < OBJECTS; i++) {
            drawObject(picture, random, width, height, longEdge);
        }
        Mat light = new Mat();
        picture.convertTo(light, CvType.CV_32FC3);
        picture.release();

        // Shading across objects, as sunlight and shadow fall on a scene: multiply by a broad 0.65..1.15 field.
        Mat shade = smoothField(new Size(5, 4), size, CvType.CV_32FC1, 0.65, 1.15);
        Mat shade3 = new Mat();
        Core.merge(List.of(shade, shade, shade), shade3);
        Core.multiply(light, shade3, light);
        shade.release();
        shade3.release();

        // Texture with features of 1/170 of the long edge (6 px at 1024), like leaves or cloth, then lens blur.
        double cell = longEdge / TEXTURE_CELLS;
        Mat texture = new Mat(new Size(Math.max(2, Math.round(width / cell)), Math.max(2, Math.round(height / cell))),
                CvType.CV_32FC3);
        Core.randn(texture, 0, TEXTURE_SIGMA);
        Mat textureFull = new Mat();
        Imgproc.resize(texture, textureFull, size, 0, 0, Imgproc.INTER_CUBIC);
        // Only where the scene is textured: photos mix busy areas with plain ones such as sky and walls.
        Mat where = smoothField(new Size(6, 5), size, CvType.CV_32FC1, -1, 2);
        Imgproc.threshold(where, where, 0, 0, Imgproc.THRESH_TOZERO);
        Mat where3 = new Mat();
        Core.merge(List.of(where, where, where), where3);
        Core.multiply(textureFull, where3, textureFull);
        Core.add(light, textureFull, light);
        texture.release();
        textureFull.release();
        where.release();
        where3.release();
        Imgproc.GaussianBlur(light, light, new Size(0, 0), 0.8);

        Mat grain = new Mat(size, CvType.CV_32FC3);
        Core.randn(grain, 0, GRAIN_SIGMA);
        Core.add(light, grain, light);
        grain.release();

        Mat out = new Mat();
        light.convertTo(out, CvType.CV_8UC3);
        light.release();
        return Image.wrap(out);
    }

    /** Uniform random values on a tiny grid, scaled smoothly up to {@code size}. */
    private static Mat smoothField(Size grid, Size size, int type, double low, double high) {
        Mat coarse = new Mat(grid, type);
        Core.randu(coarse, low, high);
        Mat field = new Mat();
        Imgproc.resize(coarse, field, size, 0, 0, Imgproc.INTER_CUBIC);
        coarse.release();
        return field;
    }

    /** One filled ellipse or polygon of a random colour, from a few percent to a quarter of the long edge. */
    private static void drawObject(Mat picture, Random random, int width, int height, double longEdge) {
        Scalar colour = new Scalar(random.nextInt(256), random.nextInt(256), random.nextInt(256));
        Point centre = new Point(random.nextDouble() * width, random.nextDouble() * height);
        double radius = longEdge * (0.01 + 0.12 * random.nextDouble() * random.nextDouble());
        if (random.nextBoolean()) {
            Size axes = new Size(radius, radius * (0.3 + 0.7 * random.nextDouble()));
            Imgproc.ellipse(picture, centre, axes, random.nextDouble() * 180, 0, 360, colour, Imgproc.FILLED,
                    Imgproc.LINE_AA);
            return;
        }
        Point[] corners = new Point[3 + random.nextInt(4)];
        for (int c = 0; c < corners.length; c++) {
            double angle = 2 * Math.PI * (c + 0.6 * random.nextDouble()) / corners.length;
            double r = radius * (0.6 + 0.4 * random.nextDouble());
            corners[c] = new Point(centre.x + r * Math.cos(angle), centre.y + r * Math.sin(angle));
        }
        MatOfPoint polygon = new MatOfPoint(corners);
        Imgproc.fillPoly(picture, List.of(polygon), colour, Imgproc.LINE_AA);
        polygon.release();
    }
}
