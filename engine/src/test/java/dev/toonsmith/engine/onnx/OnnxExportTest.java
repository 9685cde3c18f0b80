package dev.toonsmith.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cartoongan style exported to ONNX runs in ONNX Runtime as it runs in Toonsmith, at any size. */
class OnnxExportTest {

    @TempDir
    Path work;


    @Test
    void aCartoonGanStyleExportedToOnnxDrawsAsToonsmithDoes() throws Exception {
        TorchRuntime.inferenceMode();
        CartoonGanSpec spec = new CartoonGanSpec(4, 2);
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            Block generator = spec.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StyleManifest manifest = StyleManifest.builder("tiny-cartoongan", "Tiny CartoonGAN", spec).author("tests")
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
                    assertTrue(worst <= 2.0 / 255, size[0] + "x" + size[1] + ": " + worst);
                }
            }
        }
    }

    @Test
    void anArchitectureNotExportedYetIsNamed() throws Exception {
        LiteSpec spec = new LiteSpec(4, 1, true);
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            Block generator = spec.newGenerator();
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StyleManifest manifest = StyleManifest.builder("tiny-lite", "Tiny lite", spec).author("tests")
                    .license("CC0-1.0").build();
            StyleBundle style = StyleWriter.bundle(manifest, generator, png());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> OnnxExport.export(style, work.resolve("x.onnx"), "test"));
            assertTrue(e.getMessage().contains("Tiny lite") && e.getMessage().contains("lite"), e.getMessage());
        }
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
