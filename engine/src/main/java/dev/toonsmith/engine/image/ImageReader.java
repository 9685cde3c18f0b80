package dev.toonsmith.engine.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes image files into {@link Image}s the engine can work on, upright and at full bit depth.
 *
 * <p>This is the one place that deals with what real photos look like: gray, gray+alpha and palette
 * files are expanded to BGR(A); 16-bit and alpha are kept; float images (32-bit TIFF) become 16-bit,
 * taking their samples to be in [0, 1] and clamping anything outside; images with signed integer samples
 * are refused, as no photo tool produces them and there is no single right way to show them. The EXIF
 * orientation of JPEG, PNG and WebP files is applied, so portrait phone photos come out standing up.
 * CMYK JPEG and TIFF files come out as RGB colour, as OpenCV converts them on decode.
 *
 * <p>Every failure is an {@link ImageFormatException} whose message names the file, says what is wrong
 * and what to do. OpenCV alone cannot give that: it reports every problem as an empty result, and it
 * quietly decodes a truncated JPEG with the missing part filled in, so truncation is checked here before
 * decoding.
 *
 * <p>Before decoding, the picture is sized from its header ({@link ImageHeader}) and refused if it has more
 * pixels than {@link ImageLimits} allow: a few megabytes of PNG can claim 900 megapixels, and OpenCV would
 * allocate them all before finding out anything else.
 *
 * <p>Files are read into memory and decoded from there ({@code imdecode}), which unlike
 * {@code imread} works with any characters in the path.
 */
public final class ImageReader {

    private static final Logger log = LoggerFactory.getLogger(ImageReader.class);

    /** Java arrays stop a little short of 2 GiB. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private ImageReader() {}

    /**
     * Reads and decodes an image file of at most {@link ImageLimits#DEFAULT} pixels.
     *
     * @return an 8- or 16-bit BGR or BGRA image, upright, that the caller owns and must close
     * @throws ImageFormatException if the file is missing, unreadable, empty, truncated, corrupt, not in a
     *     supported format, or larger than the limit ({@link ImageTooLargeException})
     */
    public static Image read(Path file) throws ImageFormatException {
        return read(file, ImageLimits.DEFAULT, 0);
    }

    /**
     * Reads and decodes an image file of at most {@code limits} pixels, sized from its header first.
     *
     * @throws ImageTooLargeException before anything is decoded, if the picture has more pixels than allowed
     */
    public static Image read(Path file, ImageLimits limits) throws ImageFormatException {
        return read(file, limits, 0);
    }

    /**
     * Reads and decodes an image file that the caller will scale down to {@code maxEdge} on its longer side. A
     * picture over {@code limits} is refused, except a sequential JPEG that libjpeg can decode at 1/2, 1/4 or 1/8
     * of its size within the limit and still at least {@code maxEdge} on its longer side: that one comes back
     * reduced (8-bit BGR, upright), in memory proportional to the reduced size. A picture within the limit is
     * decoded at full size, as {@link #read(Path)} decodes it, so the same file gives the same pixels however
     * large a limit it is read with.
     *
     * @param maxEdge the longer edge the caller wants at most, or 0 for the full size
     * @throws ImageTooLargeException before anything is decoded, if the picture has more pixels than allowed
     */
    public static Image read(Path file, ImageLimits limits, int maxEdge) throws ImageFormatException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        long start = System.nanoTime();
        byte[] bytes = readBytes(file);
        SourceFormat format = checkedFormat(file, bytes);
        int reduction = reduction(file, bytes, format, limits, maxEdge);
        OpenCv.load(); // after the checks: a refusal need not wait for the native library to load
        return decode(file, bytes, format, reduction, start);
    }

    /**
     * Refuses {@code file} as {@link #read(Path, ImageLimits, int)} would, from its header, without decoding it: a
     * command checks its picture before it spends seconds loading a style for it.
     *
     * @throws ImageFormatException for the reasons {@link #read} gives before decoding: the file is missing,
     *     unreadable, empty, truncated, in a format Toonsmith does not read, or too large
     */
    public static void checkSize(Path file, ImageLimits limits, int maxEdge) throws ImageFormatException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        byte[] bytes = readBytes(file);
        reduction(file, bytes, checkedFormat(file, bytes), limits, maxEdge);
    }

    /**
     * 1 to decode {@code file} at full size, or 2, 4 or 8 for a JPEG over the limit decoded reduced.
     *
     * @throws ImageTooLargeException if it is over the limit and cannot be decoded reduced
     */
    private static int reduction(Path file, byte[] bytes, SourceFormat format, ImageLimits limits, int maxEdge)
            throws ImageTooLargeException {
        ImageHeader header = ImageHeader.read(bytes, format);
        int reduction = 1;
        if (header == null) {
            log.debug("{}: no {} header to size it from; the decoder's own limit applies", file, format.displayName());
        } else if (!limits.allows(header.width(), header.height())) {
            reduction = reduction(header, limits, maxEdge);
            if (reduction == 0) {
                int orientation = format.needsOrientationApplied() ? ExifOrientation.read(bytes) : ExifOrientation.NORMAL;
                throw limits.tooLarge(file, header.uprightWidth(orientation), header.uprightHeight(orientation),
                        header.sequentialJpeg() && limits.allows(ceilDiv(header.width(), 8), ceilDiv(header.height(), 8)));
            }
            log.info("{} is {}x{}, over the limit of {} pixels: decoding it at 1/{} of its size", file,
                    header.width(), header.height(), limits.maxPixels(), reduction);
        }
        return reduction;
    }

    /**
     * The smallest JPEG reduction (2, 4 or 8) that brings {@code header} within {@code limits} and keeps its longer
     * edge at least {@code maxEdge}; 0 when there is none (not a sequential JPEG, no {@code maxEdge}, or too large).
     */
    private static int reduction(ImageHeader header, ImageLimits limits, int maxEdge) {
        if (!header.sequentialJpeg() || maxEdge <= 0) {
            return 0;
        }
        for (int factor = 2; factor <= 8; factor *= 2) {
            long width = ceilDiv(header.width(), factor);
            long height = ceilDiv(header.height(), factor);
            if (Math.max(width, height) < maxEdge) {
                return 0;
            }
            if (limits.allows(width, height)) {
                return factor;
            }
        }
        return 0;
    }

    private static long ceilDiv(long value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /**
     * The size {@link #read} would give {@code file}, found without decoding its pixels.
     *
     * <p>Surveying a training folder of a thousand camera photos must take seconds, not the minutes that
     * decoding them would, and a folder may hold a picture too large to decode at all. Every format Toonsmith
     * decodes states its size in a header ({@link ImageHeader}); the orientation is applied to it as {@link #read}
     * applies it to the pixels. The file is still read whole and checked for truncation as {@link #read} checks
     * it, since a file cut short is the most common broken image. Only a file whose header cannot be read (an
     * unrecognised format OpenCV may still decode) is decoded, within OpenCV's own limit.
     *
     * <p>A file that passes may still fail to decode if its compressed data is damaged in the middle, or be too
     * large to decode ({@link ImageLimits}); only {@link #read} can tell.
     *
     * @throws ImageFormatException for the same reasons as {@link #read}, with the same messages, except
     *     for damage inside the compressed data and the size limit
     */
    public static ImageDimensions readDimensions(Path file) throws ImageFormatException {
        return readDimensions(file, null);
    }

    /**
     * The size {@link #read(Path, ImageLimits)} would give {@code file}, as {@link #readDimensions(Path)} finds it,
     * refusing a picture over {@code limits} with the message that reading it would give.
     */
    public static ImageDimensions readDimensions(Path file, ImageLimits limits) throws ImageFormatException {
        Objects.requireNonNull(file, "file");
        long start = System.nanoTime();
        byte[] bytes = readBytes(file);
        SourceFormat format = checkedFormat(file, bytes);
        if (limits != null) {
            reduction(file, bytes, format, limits, 0);
        }
        ImageHeader header = ImageHeader.read(bytes, format);
        if (header != null) {
            int orientation = format.needsOrientationApplied() ? ExifOrientation.read(bytes) : ExifOrientation.NORMAL;
            long width = header.uprightWidth(orientation);
            long height = header.uprightHeight(orientation);
            if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                // No limit allows a side this long, and no int holds it.
                throw ImageLimits.DEFAULT.tooLarge(file, width, height, false);
            }
            return new ImageDimensions((int) width, (int) height);
        }
        OpenCv.load();
        try (Image image = decode(file, bytes, format, 1, start)) {
            return new ImageDimensions(image.width(), image.height());
        }
    }

    /** The file's format, once it is known to be one Toonsmith decodes and to be complete. */
    private static SourceFormat checkedFormat(Path file, byte[] bytes) throws ImageFormatException {
        SourceFormat format = SourceFormat.sniff(bytes);
        if (!format.decodable()) {
            throw failure(file, format.displayName() + " images are not supported (supported: "
                    + SourceFormat.SUPPORTED_LIST + "). Convert it to JPEG or PNG first.");
        }
        if (!format.isComplete(bytes)) {
            throw failure(file, "the file is truncated (" + format.truncationDetail()
                    + "). Re-export or re-download it.");
        }
        return format;
    }

    private static Image decode(Path file, byte[] bytes, SourceFormat format, int reduction, long start)
            throws ImageFormatException {
        Mat pixels = decode(bytes, reduction);
        try {
            if (pixels.empty()) {
                throw undecodable(file, format);
            }
            String decodedType = CvType.typeToString(pixels.type());
            pixels = replace(pixels, toEngineLayout(pixels, file));
            int orientation = format.needsOrientationApplied()
                    ? ExifOrientation.read(bytes)
                    : ExifOrientation.NORMAL;
            pixels = replace(pixels, ExifOrientation.apply(pixels, orientation));

            Image image = Image.wrap(pixels);
            pixels = null; // owned by the image now
            if (log.isDebugEnabled()) {
                log.debug("Read {} ({} bytes, {}): decoded {}, EXIF orientation {}, now {} in {} ms",
                        file, bytes.length, format.displayName(), decodedType, orientation, image,
                        (System.nanoTime() - start) / 1_000_000);
            }
            return image;
        } finally {
            if (pixels != null) {
                pixels.release();
            }
        }
    }

    /**
     * Converts a freshly decoded matrix to one of the four layouts an {@link Image} allows.
     *
     * @return {@code decoded} itself when it already fits, otherwise a new matrix the caller owns;
     *     {@code decoded} is never released here
     */
    static Mat toEngineLayout(Mat decoded, Path file) throws ImageFormatException {
        Mat unsigned = toUnsignedDepth(decoded, file);
        Mat result = null;
        try {
            result = toBgrOrBgra(unsigned, file);
            return result;
        } finally {
            if (unsigned != decoded && unsigned != result) {
                unsigned.release();
            }
        }
    }

    private static Mat toUnsignedDepth(Mat decoded, Path file) throws ImageFormatException {
        int depth = CvType.depth(decoded.type());
        if (depth == CvType.CV_8U || depth == CvType.CV_16U) {
            return decoded;
        }
        if (depth == CvType.CV_32F || depth == CvType.CV_64F || depth == CvType.CV_16F) {
            // Float images are nominally 0..1; the saturating conversion clamps HDR highlights and
            // negatives rather than wrapping them.
            Mat sixteen = new Mat();
            decoded.convertTo(sixteen, CvType.CV_16U, 65535.0);
            return sixteen;
        }
        throw failure(file, "it stores " + describeDepth(depth) + " samples, which Toonsmith cannot use. "
                + "Save it as an 8- or 16-bit image with unsigned samples, e.g. as PNG.");
    }

    private static Mat toBgrOrBgra(Mat m, Path file) throws ImageFormatException {
        switch (m.channels()) {
            case 1: {
                Mat bgr = new Mat();
                Imgproc.cvtColor(m, bgr, Imgproc.COLOR_GRAY2BGR);
                return bgr;
            }
            case 2: {
                // Gray + alpha. cvtColor has no conversion from two channels, so spread the gray by hand.
                List<Mat> planes = new ArrayList<>(2);
                Core.split(m, planes);
                Mat gray = planes.get(0);
                Mat alpha = planes.get(1);
                Mat bgra = new Mat();
                Core.merge(List.of(gray, gray, gray, alpha), bgra);
                gray.release();
                alpha.release();
                return bgra;
            }
            case 3:
            case 4:
                return m;
            default:
                throw failure(file, "it has " + m.channels() + " channels per pixel; Toonsmith reads gray, "
                        + "RGB and RGBA images. Save it as RGB or RGBA, e.g. as PNG.");
        }
    }

    private static byte[] readBytes(Path file) throws ImageFormatException {
        if (Files.isDirectory(file)) {
            throw failure(file, "it is a folder, not a file. Choose an image file.");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw failure(file, "the file is larger than 2 GB, too large to load. "
                        + "Save a smaller version of it.");
            }
            bytes = Files.readAllBytes(file);
        } catch (ImageFormatException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw failure(file, "no such file. Check that it has not been moved, renamed or deleted.", e);
        } catch (AccessDeniedException e) {
            throw failure(file, "permission denied. Check that your account may read the file.", e);
        } catch (IOException e) {
            throw failure(file, "the file could not be read (" + e.getMessage()
                    + "). Check that the disk or network share holding it is available.", e);
        }
        if (bytes.length == 0) {
            throw failure(file, "the file is empty (0 bytes). Re-export or re-download it.");
        }
        return bytes;
    }

    /** @param reduction 1, or 2, 4 or 8 for a JPEG decoded reduced (colour, orientation left to the caller) */
    private static Mat decode(byte[] bytes, int reduction) {
        MatOfByte encoded = new MatOfByte(bytes);
        int flags = switch (reduction) {
            case 1 -> Imgcodecs.IMREAD_UNCHANGED;
            case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2 | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
            case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4 | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
            case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8 | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
            default -> throw new IllegalArgumentException("no reduction by " + reduction);
        };
        try {
            return Imgcodecs.imdecode(encoded, flags);
        } catch (CvException e) {
            // Decoders report most problems as an empty result; the few that throw mean the same.
            log.debug("imdecode threw: {}", e.getMessage());
            return new Mat();
        } finally {
            encoded.release();
        }
    }

    private static ImageFormatException undecodable(Path file, SourceFormat format) {
        if (format == SourceFormat.UNKNOWN) {
            return failure(file, "not an image OpenCV can decode (supported: " + SourceFormat.SUPPORTED_LIST
                    + "). Choose an image file.");
        }
        return failure(file, "the " + format.displayName() + " data is corrupt or uses a variant OpenCV "
                + "cannot decode. Re-export or re-download it, or open it in an image editor and save a "
                + "copy as PNG or JPEG.");
    }

    private static String describeDepth(int depth) {
        return switch (depth) {
            case CvType.CV_8S -> "signed 8-bit";
            case CvType.CV_16S -> "signed 16-bit";
            case CvType.CV_32S -> "signed 32-bit";
            default -> "unusual (" + CvType.typeToString(depth) + ")";
        };
    }

    /** Swaps in the next stage's result, freeing the previous one unless the stage passed it through. */
    private static Mat replace(Mat previous, Mat next) {
        if (next != previous) {
            previous.release();
        }
        return next;
    }

    private static ImageFormatException failure(Path file, String problem) {
        return new ImageFormatException(file, "Cannot read " + FileNames.display(file) + ": " + problem);
    }

    private static ImageFormatException failure(Path file, String problem, Throwable cause) {
        return new ImageFormatException(file, "Cannot read " + FileNames.display(file) + ": " + problem, cause);
    }
}
