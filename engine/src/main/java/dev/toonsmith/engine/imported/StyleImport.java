package dev.toonsmith.engine.imported;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.model.ImportedSpec;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a TorchScript or ONNX generator into a {@code .toon} style that carries the model, its pixel convention
 * and its credits: loaded and run once on a test picture first ({@link ModelCheck}), so a model that cannot be a
 * style is refused before anything is written.
 */
public final class StyleImport {

    /** Credits and naming of an imported style; a licence is required, since styles are shared as files. */
    public record Details(String id, String name, String author, String license, String description, int workingEdge) {
        public Details {
            Objects.requireNonNull(name, "name");
            if (license == null || license.isBlank()) {
                throw new IllegalArgumentException("a licence is required: the model's own (e.g. MIT, CC-BY-4.0),"
                        + " or 'unknown' if you do not know it");
            }
        }
    }

    private StyleImport() {}

    /**
     * Checks {@code model} and writes the style to {@code target} atomically.
     *
     * @return the style as written
     * @throws ModelImportException naming the model file when it cannot be a style
     */
    public static StyleBundle importModel(Path model, ModelConvention convention, Details details, Path target)
            throws IOException {
        ModelFormat format = ModelFormat.of(model);
        byte[] thumbnail;
        try (ImportedGenerator generator = ImportedGenerator.load(model, convention)) {
            ModelCheck.check(model, generator);
            thumbnail = thumbnail(generator);
        }
        ImportedSpec spec = new ImportedSpec(format == ModelFormat.ONNX ? "onnx" : "torchscript",
                convention.range().id(), convention.channels().name().toLowerCase(Locale.ROOT),
                convention.layout().name().toLowerCase(Locale.ROOT), convention.sizeMultiple());
        String id = details.id() != null ? details.id() : slug(details.name());
        StyleManifest manifest = StyleManifest.builder(id, details.name(), spec)
                .author(details.author() == null || details.author().isBlank() ? "unknown" : details.author())
                .license(details.license()).description(details.description() == null ? "" : details.description())
                .workingEdge(details.workingEdge())
                .weightsEntry(format == ModelFormat.ONNX ? "model.onnx" : "model.pt").build();
        StyleBundle bundle = StyleBundle.of(manifest, Files.readAllBytes(model), thumbnail);
        StyleWriter.write(bundle, target);
        return StyleBundle.read(target);
    }

    /** The model's drawing of a small picture of shapes, as the gallery's card. */
    private static byte[] thumbnail(ImportedGenerator generator) throws IOException {
        dev.toonsmith.engine.image.OpenCv.load();
        Mat picture = new Mat(96, 128, CvType.CV_8UC3, new Scalar(200, 170, 120));
        Imgproc.rectangle(picture, new Point(0, 64), new Point(128, 96), new Scalar(60, 140, 80), -1);
        Imgproc.circle(picture, new Point(88, 34), 18, new Scalar(40, 200, 250), -1);
        Imgproc.rectangle(picture, new Point(18, 36), new Point(54, 70), new Scalar(50, 60, 170), -1);
        try (Image photo = Image.wrap(picture);
                Stylizer stylizer = Stylizer.of(new NonClosing(generator), 0, "import");
                Image drawn = stylizer.stylize(photo, StylizeOptions.defaults())) {
            MatOfByte png = new MatOfByte();
            Imgcodecs.imencode(".png", drawn.mat(), png);
            return png.toArray();
        }
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "imported" : s.length() > StyleManifest.MAX_ID_LENGTH
                ? s.substring(0, StyleManifest.MAX_ID_LENGTH) : s;
    }

    /** Lends a generator to a stylizer without letting it close the generator. */
    private record NonClosing(ImportedGenerator inner) implements dev.toonsmith.engine.infer.Generator {
        @Override
        public dev.toonsmith.engine.infer.GeneratorTraits traits() {
            return inner.traits();
        }

        @Override
        public ai.djl.Device device() {
            return inner.device();
        }

        @Override
        public ai.djl.ndarray.NDManager newScope() {
            return inner.newScope();
        }

        @Override
        public ai.djl.ndarray.NDArray draw(ai.djl.ndarray.NDArray photo, ai.djl.ndarray.NDManager scope,
                dev.toonsmith.engine.model.NormStatistics statistics) {
            return inner.draw(photo, scope, statistics);
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            // The lender closes it.
        }
    }
}
