package dev.toonsmith.engine.train.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Builds small training folders out of real test photos and synthetic images. */
final class TrainingImages {

    private TrainingImages() {}

    /** Copies a test photo from src/test/resources/photos to {@code target}, creating its folder. */
    static Path copyPhoto(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(TestImages.photo(name), target);
    }

    /** Writes a matrix with OpenCV, creating the folder. */
    static Path write(Mat pixels, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        assertTrue(Imgcodecs.imwrite(target.toString(), pixels), "write " + target);
        pixels.release();
        return target;
    }

    /** One colour all over; {@code bgr} as OpenCV orders it. */
    static Mat solid(int width, int height, double... bgr) {
        return new Mat(height, width, CvType.CV_8UC3, new Scalar(bgr));
    }

    /**
     * A cut-out: an opaque red square in the middle third, and everything else fully
     * transparent with black hidden under it, as clip art usually stores it.
     */
    static Mat cutOut(int size) {
        Mat bgra = new Mat(size, size, CvType.CV_8UC4, new Scalar(0, 0, 0, 0));
        bgra.submat(new Rect(size / 3, size / 3, size / 3, size / 3)).setTo(new Scalar(0, 0, 255, 255));
        return bgra;
    }
}
