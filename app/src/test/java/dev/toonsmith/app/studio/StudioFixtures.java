package dev.toonsmith.app.studio;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.engine.imported.StyleImport;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.onnx.OnnxExport;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Files the studio's tests work on: a real (freshly initialised, untrained) {@code lite} style written with
 * the engine's StyleWriter (or one of another architecture, or an imported model), the repository's sample
 * photos, and broken files.
 */
public final class StudioFixtures {

    public static final String STYLE_ID = "test-lite";
    public static final String STYLE_NAME = "Test lite";

    private StudioFixtures() {}

    /** The repository's {@code sample-images/}, as surefire passes it. */
    public static Path samples() {
        return Path.of(System.getProperty("toonsmith.samples", "../sample-images")).toAbsolutePath().normalize();
    }

    public static Path sample(String name) {
        return samples().resolve(name);
    }

    /** Writes a small lite style into {@code home/styles} and returns its file. */
    public static Path installStyle(Path home, String id, String name) throws IOException {
        return installStyle(home, id, name, new LiteSpec(4, 1, true));
    }

    /**
     * Writes an untrained lite style of the given shape into {@code home/styles} and returns its file; at
     * {@link LiteSpec#defaults()} it costs what a trained default-size style costs to run.
     */
    public static Path installStyle(Path home, String id, String name, LiteSpec spec) throws IOException {
        return installStyle(home, id, name, spec, 0);
    }

    /** Likewise, drawing photos larger than {@code workingEdge} at that size (0: at any size). */
    public static Path installStyle(Path home, String id, String name, LiteSpec spec, int workingEdge) throws IOException {
        return installStyle(home, id, name, (GeneratorSpec) spec, workingEdge);
    }

    /**
     * Writes an untrained style of any of our architectures into {@code home/styles}, e.g. a tiny
     * {@code new CartoonGanSpec(4, 2)}, and returns its file.
     */
    public static Path installStyle(Path home, String id, String name, GeneratorSpec spec, int workingEdge)
            throws IOException {
        // Seeded, so that every run draws the same untrained look: a random one sometimes has no edges for the
        // outline sliders to change.
        TorchRuntime.engine().setRandomSeed(id.hashCode());
        Path file = home.resolve("styles").resolve(id + ".toon");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = spec.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StyleManifest manifest = StyleManifest.builder(id, name, spec).author("tests").license("CC0-1.0")
                    .workingEdge(workingEdge).build();
            StyleWriter.write(StyleWriter.bundle(manifest, generator, png()), file);
        }
        return file;
    }

    /**
     * Imports the engine's small test generator {@code cyclegan-resnet.onnx} (made by PyTorch) into
     * {@code home/styles} as the style {@code name}, as "Import model…" would, and returns its file.
     */
    public static Path installImportedStyle(Path home, String name) throws IOException {
        Path model = Path.of("..", "engine", "src", "test", "resources", "models", "cyclegan-resnet.onnx")
                .toAbsolutePath().normalize();
        Path file = home.resolve("styles").resolve("imported-" + Math.abs(name.hashCode()) + ".toon");
        Files.createDirectories(file.getParent());
        StyleImport.importModel(model, ModelConvention.pytorchDefault(4),
                new StyleImport.Details(null, name, "tests", "MIT", "", 0), file);
        return file;
    }

    /** A file named like a JPEG that holds no image. */
    public static Path corruptJpeg(Path folder) throws IOException {
        Path file = folder.resolve("holiday.jpg");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5, 6, 7, 8,
            (byte) 0xFF, (byte) 0xD9});
        return file;
    }

    /** A real 1x1 PNG. */
    public static Path onePixel(Path folder) throws IOException {
        Path file = folder.resolve("dot.png");
        try (Image dot = Image.wrap(new Mat(1, 1, CvType.CV_8UC3, new Scalar(10, 200, 30)))) {
            ImageWriter.write(dot, file, WriteOptions.defaults());
        }
        return file;
    }

    private static byte[] png() {
        dev.toonsmith.engine.image.OpenCv.load();
        Mat pixels = new Mat(8, 8, CvType.CV_8UC3, new Scalar(40, 120, 200));
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".png", pixels, out);
        byte[] bytes = out.toArray();
        pixels.release();
        out.release();
        return bytes;
    }

    /** The studio's configuration for a UI test: the user folder {@code home}, the test samples, CPU, FX thread. */
    public static Studio.Config config(Path home, Dialogs dialogs) {
        return new Studio.Config(new UserDirectories(home), samples(), dialogs, DevicePreference.CPU,
                home.resolve("logs/studio.log"), javafx.application.Platform::runLater);
    }

    /**
     * The bundled default style exported to ONNX into {@code folder}, as "Export as ONNX…" writes it, with the metadata
     * an import fills its form from.
     */
    public static Path exportedDefaultStyle(Path folder) throws IOException {
        Path onnx = folder.resolve("toonsmith-default.onnx");
        StyleLibrary library = StyleLibrary.load(new UserDirectories(folder.resolve("library-home")));
        OnnxExport.export(library.open("default"), onnx, "test");
        return onnx;
    }
}
