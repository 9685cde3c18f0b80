package dev.toonsmith.engine.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation tag (1 to 8): how a viewer must rotate or mirror the stored pixels to show the
 * photo upright.
 *
 * <p>Cameras and phones store pixels as the sensor saw them and record the way the device was held in
 * this tag. OpenCV ignores it when asked to keep alpha and 16 bits ({@code IMREAD_UNCHANGED}), so without
 * this class portrait photos would come out lying on their side.
 */
final class ExifOrientation {

    private static final Logger log = LoggerFactory.getLogger(ExifOrientation.class);

    static final int NORMAL = 1;

    private ExifOrientation() {}

    /**
     * Reads the tag from an encoded image. Metadata is advisory: when it is missing, unreadable or out of
     * range, the pixels are taken as stored ({@link #NORMAL}) rather than failing a readable image.
     */
    static int read(byte[] encoded) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(
                    new ByteArrayInputStream(encoded), encoded.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return NORMAL;
            }
            int orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            if (orientation < 1 || orientation > 8) {
                log.debug("Ignoring out-of-range EXIF orientation {}", orientation);
                return NORMAL;
            }
            return orientation;
        } catch (Exception e) {
            // metadata-extractor throws checked and unchecked exceptions on odd metadata alike.
            log.debug("Could not read EXIF orientation, assuming upright: {}", e.toString());
            return NORMAL;
        }
    }

    /**
     * Returns the upright pixels for {@code stored} shown with the given orientation: a new matrix the
     * caller owns, or {@code stored} itself when the orientation is {@link #NORMAL}.
     */
    static Mat apply(Mat stored, int orientation) {
        if (orientation == NORMAL) {
            return stored;
        }
        Mat upright = new Mat();
        switch (orientation) {
            case 2 -> Core.flip(stored, upright, 1); // mirrored left-right
            case 3 -> Core.rotate(stored, upright, Core.ROTATE_180);
            case 4 -> Core.flip(stored, upright, 0); // mirrored top-bottom
            case 5 -> Core.transpose(stored, upright); // mirrored along the main diagonal
            case 6 -> Core.rotate(stored, upright, Core.ROTATE_90_CLOCKWISE);
            case 7 -> { // mirrored along the anti-diagonal
                Mat transposed = new Mat();
                Core.transpose(stored, transposed);
                Core.flip(transposed, upright, -1);
                transposed.release();
            }
            case 8 -> Core.rotate(stored, upright, Core.ROTATE_90_COUNTERCLOCKWISE);
            default -> {
                upright.release();
                throw new IllegalArgumentException("EXIF orientation must be 1 to 8, got " + orientation);
            }
        }
        return upright;
    }
}
