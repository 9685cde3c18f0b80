package dev.toonsmith.engine.image;

import dev.toonsmith.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves {@link Image}s to files, never leaving a half-written file behind and never overwriting the
 * photo the user started from.
 *
 * <p>The image is encoded in memory first, then written to a hidden temporary file next to the target
 * and moved over it in one step. If anything fails, including the app being killed mid-write, the target
 * is either untouched or complete: a user re-saving over yesterday's result never ends up with neither.
 *
 * <p>The format comes from the target's extension ({@link OutputFormat}). An image holding more than the
 * format can store is converted on the way out, and the {@link Image} itself is left as it was: 16-bit
 * becomes 8-bit for JPEG, WebP and BMP; alpha is flattened onto white for JPEG and BMP, which is what a
 * transparent cartoon looks like on a page. PNG and TIFF keep 16 bits and alpha exactly.
 */
public final class ImageWriter {

    private static final Logger log = LoggerFactory.getLogger(ImageWriter.class);

    private ImageWriter() {}

    /**
     * Encodes {@code image} in the format named by {@code target}'s extension and replaces {@code target}
     * with it atomically.
     *
     * @throws IllegalArgumentException if the extension is not one of {@link OutputFormat}'s
     * @throws IOException if the folder does not exist, the target is a folder, encoding fails, or the
     *     file cannot be written; the target is then left as it was
     */
    public static void write(Image image, Path target, WriteOptions options) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        OpenCv.load();
        long start = System.nanoTime();

        OutputFormat format = OutputFormat.forPath(target).orElseThrow(() -> new IllegalArgumentException(
                "Cannot write " + FileNames.display(target) + ": unknown file type. Use one of "
                        + OutputFormat.supportedExtensions() + "."));
        if (Files.isDirectory(target)) {
            throw new IOException("Cannot write " + FileNames.display(target)
                    + ": a folder of that name exists. Choose another file name.");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + FileNames.display(target) + ": the folder " + folder
                    + " does not exist. Choose an existing folder.");
        }

        byte[] encoded = encode(image, format, options, target);
        AtomicFiles.write(target, encoded);
        log.debug("Wrote {} as {} ({} bytes, quality {}) from {} in {} ms", target, format, encoded.length,
                options.quality(), image, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Like {@link #write(Image, Path, WriteOptions)}, but first refuses a target that is the same file as
     * {@code sourceToProtect} (see {@link #requireNotSource}).
     */
    public static void write(Image image, Path target, WriteOptions options, Path sourceToProtect)
            throws IOException {
        requireNotSource(sourceToProtect, target);
        write(image, target, options);
    }

    /**
     * Throws if writing to {@code target} would replace {@code source}. Existing files are compared with
     * {@link Files#isSameFile}, which sees through symbolic links, hard links and differently spelled paths;
     * otherwise the normalised absolute paths are compared.
     *
     * @throws IOException with a message for the user if both name the same file
     */
    public static void requireNotSource(Path source, Path target) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        boolean same = Files.exists(source) && Files.exists(target)
                ? Files.isSameFile(source, target)
                : source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
        if (same) {
            throw new IOException("Refusing to overwrite the source image " + FileNames.display(source)
                    + ": choose another output name.");
        }
    }

    private static byte[] encode(Image image, OutputFormat format, WriteOptions options, Path target)
            throws IOException {
        Mat fitted = fitToFormat(image, format);
        MatOfInt params = encoderParams(format, options);
        MatOfByte encoded = new MatOfByte();
        try {
            boolean ok = Imgcodecs.imencode("." + format.extensions().get(0), fitted, encoded, params);
            if (!ok || encoded.empty()) {
                throw encodingFailed(target, format, null);
            }
            return encoded.toArray();
        } catch (CvException e) {
            throw encodingFailed(target, format, e);
        } finally {
            if (fitted != image.mat()) {
                fitted.release();
            }
            params.release();
            encoded.release();
        }
    }

    private static IOException encodingFailed(Path target, OutputFormat format, CvException cause) {
        String reason = cause == null ? "" : " (" + cause.getMessage().strip().lines().findFirst().orElse("")
                + ")";
        return new IOException("Cannot write " + FileNames.display(target) + ": OpenCV could not encode the "
                + "image as " + format + reason + ". Try another format, or a smaller image.", cause);
    }

    private static MatOfInt encoderParams(OutputFormat format, WriteOptions options) {
        return switch (format) {
            case JPEG -> new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, options.quality());
            case WEBP -> new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, options.quality());
            default -> new MatOfInt();
        };
    }

    /**
     * The pixels reduced to what the format can store: the image's own matrix when nothing needs to
     * change, otherwise a new one the caller must release.
     */
    private static Mat fitToFormat(Image image, OutputFormat format) {
        Mat source = image.mat();
        boolean toEightBit = image.bitDepth() == 16 && !format.holds16Bit();
        int outDepth = toEightBit ? CvType.CV_8U : CvType.depth(source.type());
        double scale = toEightBit ? 255.0 / 65535.0 : 1.0;
        if (image.hasAlpha() && !format.holdsAlpha()) {
            return flattenOntoWhite(source, image.maxValue(), outDepth, scale);
        }
        if (toEightBit) {
            Mat eight = new Mat();
            source.convertTo(eight, outDepth, scale); // rounds to nearest
            return eight;
        }
        return source;
    }

    /**
     * Composites BGRA over opaque white, in floating point so that the only rounding is the final one
     * (which also does any 16-to-8-bit {@code scale}).
     */
    private static Mat flattenOntoWhite(Mat bgra, double maxValue, int outDepth, double scale) {
        List<Mat> planes = new ArrayList<>(4);
        Mat floats = new Mat();
        bgra.convertTo(floats, CvType.CV_32F);
        Core.split(floats, planes);
        floats.release();

        Mat alpha = new Mat();
        planes.get(3).convertTo(alpha, CvType.CV_32F, 1.0 / maxValue); // 0..1
        Mat white = new Mat();
        alpha.convertTo(white, CvType.CV_32F, -maxValue, maxValue); // white's share: max * (1 - alpha)
        List<Mat> colour = planes.subList(0, 3);
        for (Mat channel : colour) {
            Core.multiply(channel, alpha, channel);
            Core.add(channel, white, channel);
        }
        Mat composited = new Mat();
        Core.merge(colour, composited);
        Mat out = new Mat();
        composited.convertTo(out, outDepth, scale);

        composited.release();
        alpha.release();
        white.release();
        planes.forEach(Mat::release);
        return out;
    }
}
