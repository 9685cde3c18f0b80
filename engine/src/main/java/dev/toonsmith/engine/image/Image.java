package dev.toonsmith.engine.image;

import java.util.Objects;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A decoded raster image: 8- or 16-bit colour pixels, with or without alpha, held in an OpenCV
 * {@link Mat} that this object owns.
 *
 * <p>Pixels are stored in OpenCV's channel order: BGR, or BGRA when the image has alpha. Grayscale and
 * palette sources are expanded to BGR on decode, so the rest of the engine sees only these four layouts:
 * {@code CV_8UC3}, {@code CV_8UC4}, {@code CV_16UC3}, {@code CV_16UC4}. Keeping the source bit depth
 * lets a 16-bit photo leave the engine as 16 bits, and lets "strength 0" return the exact source pixels.
 *
 * <p>Not thread-safe for mutation; the pixel memory is native and is freed by {@link #close()}.
 */
public final class Image implements AutoCloseable {

    private final Mat mat;
    private boolean closed;

    private Image(Mat mat) {
        this.mat = mat;
    }

    /**
     * Takes ownership of a BGR or BGRA matrix of 8 or 16 bits per channel.
     *
     * @throws IllegalArgumentException if the matrix is empty or has another layout
     */
    public static Image wrap(Mat mat) {
        OpenCv.load();
        Objects.requireNonNull(mat, "mat");
        if (mat.empty()) {
            throw new IllegalArgumentException("an image needs at least one pixel");
        }
        int depth = CvType.depth(mat.type());
        int channels = mat.channels();
        if ((depth != CvType.CV_8U && depth != CvType.CV_16U) || (channels != 3 && channels != 4)) {
            throw new IllegalArgumentException(
                    "an image must be 8- or 16-bit BGR or BGRA, got " + CvType.typeToString(mat.type()));
        }
        return new Image(mat);
    }

    public int width() {
        return mat.cols();
    }

    public int height() {
        return mat.rows();
    }

    public boolean hasAlpha() {
        return mat.channels() == 4;
    }

    /** 8 or 16. */
    public int bitDepth() {
        return CvType.depth(mat.type()) == CvType.CV_16U ? 16 : 8;
    }

    /** The largest value a channel can hold at this bit depth: 255 or 65535. */
    public double maxValue() {
        return bitDepth() == 16 ? 65535.0 : 255.0;
    }

    /** The pixels, still owned by this image: do not close or release the returned matrix. */
    public Mat mat() {
        if (closed) {
            throw new IllegalStateException("image is closed");
        }
        return mat;
    }

    /** A deep copy that the caller owns. */
    public Image copy() {
        return new Image(mat().clone());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mat.release();
        }
    }

    @Override
    public String toString() {
        return width() + "x" + height() + " " + bitDepth() + "-bit " + (hasAlpha() ? "BGRA" : "BGR");
    }
}
