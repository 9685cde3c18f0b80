package dev.toonsmith.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import dev.toonsmith.engine.testing.PaletteNearTies;
import dev.toonsmith.engine.testing.PixelAgreement;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.toonsmith.engine.model.GeneratorSpec;
import java.util.stream.Stream;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.engine.imported.StyleImport;
import dev.toonsmith.engine.imported.Stylizers;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.nio.file.Files;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.junit.jupiter.api.io.TempDir;

/** Our styles exported to ONNX run in ONNX Runtime as they run in Toonsmith, at any size, and import back. */
class OnnxExportTest {

    @TempDir
    Path work;


    static Stream<GeneratorSpec> networks() {
        return Stream.of(
                new CartoonGanSpec(4, 2),
                // The lite body, detail branch, refining layer and ink, with the flattening.
                new LiteSpec(4, 2, true, true, 1, true, 2, 0),
                // Without the detail branch and ink, two refining layers, drawing through tanh.
                new LiteSpec(4, 1, false, false, 2, false, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void aStyleExportedToOnnxDrawsAsToonsmithDoes(GeneratorSpec spec) throws Exception {
        TorchRuntime.inferenceMode();
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            Block generator = spec.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StyleManifest manifest = StyleManifest.builder("tiny", "Tiny " + spec.architecture(), spec).author("tests")
                    .license("CC0-1.0").build();
            StyleBundle style = StyleWriter.write(StyleWriter.bundle(manifest, generator, png()),
                    work.resolve("tiny.toon"));
            Path onnx = work.resolve("tiny.onnx");
            OnnxExport.export(style, onnx, "test");

            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optEngine("OnnxRuntime").optModelPath(onnx).optTranslator(new NoopTranslator()).build();
            try (ZooModel<NDList, NDList> model = criteria.loadModel();
                    Predictor<NDList, NDList> predictor = model.newPredictor()) {
                for (int[] size : new int[][] {{36, 44}, {52, 28}}) {
                    Random r = new Random(size[0]);
                    float[] input = new float[3 * size[0] * size[1]];
                    for (int i = 0; i < input.length; i++) {
                        input[i] = r.nextFloat() * 2 - 1;
                    }
                    Shape shape = new Shape(1, 3, size[0], size[1]);
                    float[] ours = generator.forward(new ParameterStore(manager, false),
                            new NDList(manager.create(input, shape)), false).singletonOrThrow().toFloatArray();
                    float[] theirs;
                    try (NDManager local = model.getNDManager().newSubManager()) {
                        NDList out = predictor.predict(new NDList(local.create(input, shape)));
                        assertEquals(shape, out.get(0).getShape());
                        theirs = out.get(0).toFloatArray();
                    }
                    double worst = 0;
                    for (int i = 0; i < ours.length; i++) {
                        worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
                    }
                    // Within 1/255 of a [-1, 1] picture's range, i.e. 2/255 in these units.
                    assertTrue(worst <= 2.0 / 255, spec + " at " + size[0] + "x" + size[1] + ": " + worst);
                }
            }
        }
    }

    @Test
    void theDefaultStyleExportedToOnnxDrawsAsStylizeDoesAndImportsBack() throws Exception {
        TorchRuntime.inferenceMode();
        // The bundled default, as the library hands it to every command.
        StyleBundle style = StyleLibrary.load(new UserDirectories(work.resolve("home"))).open("default");
        assertTrue(style.spec() instanceof LiteSpec lite && lite.flatten() > 0 && lite.palette() > 0,
                "the default style should use the flattening and the palette: " + style.spec());
        Path onnx = work.resolve("default.onnx");
        OnnxExport.export(style, onnx, "test");

        // The exported file imports back as a style of its own, run by ONNX Runtime.
        Path imported = work.resolve("default-onnx.toon");
        StyleImport.importModel(onnx, ModelConvention.pytorchDefault(4),
                new StyleImport.Details(null, "Default via ONNX", "tests", "CC0-1.0", "", 0), imported);
        try (Stylizer ours = Stylizers.load(style, DevicePreference.CPU);
                Stylizer theirs = Stylizers.load(StyleBundle.read(imported), DevicePreference.CPU);
                PaletteNearTies ties = PaletteNearTies.of(style)) {
            for (int edge : new int[] {320, 512}) {
                try (Image photo = photo("cat.jpg", edge);
                        Image a = ours.stylize(photo, StylizeOptions.defaults());
                        Image b = theirs.stylize(photo, StylizeOptions.defaults())) {
                    assertEquals(a.width(), b.width());
                    assertEquals(a.height(), b.height());
                    // Within one level, except where the palette's two nearest colours are a near-tie that the
                    // engines' kernels (picked by the CPU) may break either way.
                    Mat nearTies = ties.mask(photo);
                    PixelAgreement agreement = PixelAgreement.compare(a.mat(), b.mat(), nearTies, ties.reach());
                    nearTies.release();
                    agreement.assertAgrees(edge + " px: the ONNX drawing");
                }
            }
        }
    }

    /** A sample photo scaled so its longer side is {@code edge}. */
    private static Image photo(String name, int edge) throws Exception {
        try (Image full = ImageReader.read(Path.of("..", "sample-images", name))) {
            double scale = (double) edge / Math.max(full.width(), full.height());
            Mat resized = new Mat();
            Imgproc.resize(full.mat(), resized, new Size(Math.round(full.width() * scale),
                    Math.round(full.height() * scale)), 0, 0, Imgproc.INTER_AREA);
            return Image.wrap(resized);
        }
    }

    @Test
    void anImportedStyleIsNotExportedAndIsNamed() throws Exception {
        Path imported = work.resolve("cyclegan.toon");
        StyleBundle style = StyleImport.importModel(
                Path.of("src/test/resources/models/cyclegan-resnet.onnx"),
                ModelConvention.pytorchDefault(4),
                new StyleImport.Details(null, "Someone's CycleGAN", "tests", "CC0-1.0", "", 0), imported);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> OnnxExport.export(style, work.resolve("x.onnx"), "test"));
        assertTrue(e.getMessage().contains("Someone's CycleGAN") && e.getMessage().contains("imported"),
                e.getMessage());
        assertFalse(Files.exists(work.resolve("x.onnx")));
    }

    private static byte[] png() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
