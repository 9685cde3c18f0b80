package dev.toonsmith.engine.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
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
 * <p>Files are read into memory and decoded from there ({@code imdecode}), which unlike
 * {@code imread} works with any characters in the path.
 */
public final class ImageReader {

    private static final Logger log = LoggerFactory.getLogger(ImageReader.class);

    /** Java arrays stop a little short of 2 GiB. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    /** The ImageIO format that reads each container's header, for those Java reads. */
    private static final Map<SourceFormat, String> HEADER_READERS =
            Map.of(SourceFormat.JPEG, "jpeg", SourceFormat.PNG, "png", SourceFormat.BMP, "bmp");

    private ImageReader() {}

    /**
     * Reads and decodes an image file.
     *
     * @return an 8- or 16-bit BGR or BGRA image, upright, that the caller owns and must close
     * @throws ImageFormatException if the file is missing, unreadable, empty, truncated, corrupt or not
     *     in a supported format
     */
    public static Image read(Path file) throws ImageFormatException {
        Objects.requireNonNull(file, "file");
        OpenCv.load();
        long start = System.nanoTime();
        byte[] bytes = readBytes(file);
        SourceFormat format = checkedFormat(file, bytes);
        return decode(file, bytes, format, start);
    }

    /**
     * The size {@link #read} would give {@code file}, found without decoding its pixels where that is possible.
     *
     * <p>Surveying a training folder of a thousand camera photos must take seconds, not the minutes that
     * decoding them would. JPEG, PNG and BMP state their size in a header, which {@code javax.imageio} reads;
     * the EXIF orientation is applied to it as {@link #read} applies it to the pixels. The file is still read
     * whole and checked for truncation as {@link #read} checks it, since a file cut short is the most common
     * broken image. Formats whose header Java cannot read (WebP, TIFF) are decoded.
     *
     * <p>A file that passes may still fail to decode if its compressed data is damaged in the middle; only
     * {@link #read} can tell.
     *
     * @throws ImageFormatException for the same reasons as {@link #read}, with the same messages, except
     *     for damage inside the compressed data of a header-read file
     */
    public static ImageDimensions readDimensions(Path file) throws ImageFormatException {
        Objects.requireNonNull(file, "file");
        long start = System.nanoTime();
        byte[] bytes = readBytes(file);
        SourceFormat format = checkedFormat(file, bytes);
        ImageDimensions stored = headerDimensions(bytes, format);
        if (stored != null) {
            int orientation = format.needsOrientationApplied() ? ExifOrientation.read(bytes) : ExifOrientation.NORMAL;
            // Orientations 5 to 8 turn the picture a quarter turn (after mirroring or not).
            return orientation >= 5 ? new ImageDimensions(stored.height(), stored.width()) : stored;
        }
        OpenCv.load();
        try (Image image = decode(file, bytes, format, start)) {
            return new ImageDimensions(image.width(), image.height());
        }
    }

    /** The stored size from the header, or null when Java cannot read it: the decoder then has the last word. */
    private static ImageDimensions headerDimensions(byte[] bytes, SourceFormat format) {
        String name = HEADER_READERS.get(format);
        if (name == null) {
            return null;
        }
        Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        if (!readers.hasNext()) {
            return null;
        }
        javax.imageio.ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            return width > 0 && height > 0 ? new ImageDimensions(width, height) : null;
        } catch (IOException | RuntimeException e) {
            // An unusual variant (12-bit or arithmetic-coded JPEG, say): OpenCV may still read it, or say why not.
            log.debug("javax.imageio could not read the {} header: {}", format.displayName(), e.toString());
            return null;
        } finally {
            reader.dispose();
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

    private static Image decode(Path file, byte[] bytes, SourceFormat format, long start)
            throws ImageFormatException {
        Mat pixels = decode(bytes);
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

    private static Mat decode(byte[] bytes) {
        MatOfByte encoded = new MatOfByte(bytes);
        try {
            return Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_UNCHANGED);
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
