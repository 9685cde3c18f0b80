package dev.toonsmith.app.studio;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.image.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Small real training folders: the repository's sample photos shrunk, and drawn cartoons of flat shapes. */
public final class TrainingFixtures {

    public static final List<String> PHOTOS = List.of("astronaut.jpg", "cat.jpg", "city.jpg", "coffee.jpg", "countryside.jpg",
            "grace-hopper.jpg", "mountains.jpg", "rocket-launch.jpg");

    private TrainingFixtures() {}

    /** The eight sample photos with their short side shrunk to {@code edge}. */
    public static Path photos(Path root, int edge) throws IOException {
        OpenCv.load();
        Path folder = Files.createDirectories(root.resolve("photos"));
        for (String name : PHOTOS) {
            try (Image photo = ImageReader.read(StudioFixtures.sample(name))) {
                double scale = (double) edge / Math.min(photo.width(), photo.height());
                Mat small = new Mat();
                Imgproc.resize(photo.mat(), small, new Size(Math.round(photo.width() * scale),
                        Math.round(photo.height() * scale)), 0, 0, Imgproc.INTER_AREA);
                try (Image out = Image.wrap(small)) {
                    ImageWriter.write(out, folder.resolve(name.replace(".jpg", ".png")), WriteOptions.defaults());
                }
            }
        }
        return folder;
    }

    /** {@code count} cartoons: flat-coloured shapes with black outlines on a flat background. */
    public static Path cartoons(Path root, int edge, int count) throws IOException {
        OpenCv.load();
        Path folder = Files.createDirectories(root.resolve("cartoons"));
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            Mat m = new Mat(edge, edge, CvType.CV_8UC3, colour(random));
            for (int s = 0; s < 3; s++) {
                Point centre = new Point(random.nextInt(edge), random.nextInt(edge));
                int radius = edge / 8 + random.nextInt(edge / 4);
                Imgproc.circle(m, centre, radius, colour(random), -1);
                Imgproc.circle(m, centre, radius, new Scalar(20, 20, 20), 2);
            }
            try (Image out = Image.wrap(m)) {
                ImageWriter.write(out, folder.resolve("cartoon-" + i + ".png"), WriteOptions.defaults());
            }
        }
        return folder;
    }

    private static Scalar colour(Random random) {
        return new Scalar(40 + random.nextInt(200), 40 + random.nextInt(200), 40 + random.nextInt(200));
    }

}
