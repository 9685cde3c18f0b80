package dev.toonsmith.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model fixtures under {@code /models} (made by {@code make-models.py} with PyTorch) load through DJL's
 * PyTorch and OnnxRuntime engines, in one JVM, and give PyTorch's own outputs for the test inputs.
 */
class ImportedModelFixturesTest {

    private static final Logger LOG = LoggerFactory.getLogger(ImportedModelFixturesTest.class);

    /** PyTorch's output was stored as float32; the engines may differ in summation order only. */
    private static final double TOLERANCE = 2.0 / 255.0;

    @BeforeAll
    static void startTorch() {
        TorchRuntime.engine();
    }

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(
                    ImportedModelFixturesTest.class.getResource("/models/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An 8-bit PNG read by the engine's reader (BGR) as 1x3xHxW float RGB in -1..1: pixel/255*2-1. */
    static float[] inputTensor(String png, int height, int width) throws Exception {
        try (Image image = ImageReader.read(fixture(png))) {
            assertEquals(width, image.width());
            assertEquals(height, image.height());
            assertEquals(8, image.bitDepth());
            assertEquals(3, image.mat().channels());
            byte[] bgr = new byte[height * width * 3];
            image.mat().get(0, 0, bgr);
            float[] chw = new float[3 * height * width];
            int plane = height * width;
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    int value = bgr[i * 3 + (2 - c)] & 0xFF; // RGB channel c is BGR channel 2 - c
                    chw[c * plane + i] = value / 255.0f * 2.0f - 1.0f;
                }
            }
            return chw;
        }
    }

    static float[] expectedOutput(int height, int width) throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("test-output-" + height + "x" + width + ".f32"));
        assertEquals(3 * height * width * 4, bytes.length);
        float[] out = new float[3 * height * width];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static String pngFor(int height, int width) {
        return height == 64 && width == 96 ? "test-input.png" : "test-input-" + height + "x" + width + ".png";
    }

    static ZooModel<NDList, NDList> load(String engine, String file) throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine(engine)
                .optModelPath(fixture(file))
                .optTranslator(new NoopTranslator())
                .build();
        return criteria.loadModel();
    }

    /** Runs a model on one input and returns its single output's shape and values. */
    static NDArrayResult run(ZooModel<NDList, NDList> model, float[] input, Shape shape) throws Exception {
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray x = manager.create(input, shape);
            NDList out = predictor.predict(new NDList(x));
            assertEquals(1, out.size(), "outputs");
            NDArray y = out.singletonOrThrow();
            NDArrayResult result = new NDArrayResult(y.getShape(), y.toFloatArray());
            out.close();
            return result;
        }
    }

    record NDArrayResult(Shape shape, float[] values) {}

    static double maxAbsDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (!(d <= max)) { // NaN counts as a failure
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return max;
    }

    @ParameterizedTest(name = "{0} on {1}x{2}")
    @CsvSource({
        "PyTorch, 64, 96, cyclegan-resnet.torchscript.pt",
        "PyTorch, 80, 48, cyclegan-resnet.torchscript.pt",
        "OnnxRuntime, 64, 96, cyclegan-resnet.onnx",
        "OnnxRuntime, 80, 48, cyclegan-resnet.onnx",
    })
    void generatorGivesPyTorchsOutput(String engine, int height, int width, String file) throws Exception {
        TorchRuntime.inferenceMode();
        float[] input = inputTensor(pngFor(height, width), height, width);
        float[] expected = expectedOutput(height, width);
        try (ZooModel<NDList, NDList> model = load(engine, file)) {
            NDArrayResult out = run(model, input, new Shape(1, 3, height, width));
            assertEquals(new Shape(1, 3, height, width), out.shape());
            double max = maxAbsDifference(expected, out.values());
            LOG.info("{} {} {}x{}: max |difference| from PyTorch's output {} (limit {})",
                    engine, file, height, width, max, TOLERANCE);
            assertTrue(max <= TOLERANCE, engine + " differs from PyTorch by " + max);
        }
    }

    @Test
    void pytorchStaysTheDefaultEngineWithOnnxRuntimeOnTheClasspath() {
        assertTrue(Engine.hasEngine("OnnxRuntime"), "OnnxRuntime engine on the classpath");
        assertEquals("PyTorch", Engine.getDefaultEngineName());
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
    }

    @Test
    void oneChannelModelLoadsAndGivesOneChannel() throws Exception {
        TorchRuntime.inferenceMode();
        try (ZooModel<NDList, NDList> model = load("PyTorch", "one-channel.torchscript.pt")) {
            NDArrayResult out = run(model, new float[3 * 32 * 32], new Shape(1, 3, 32, 32));
            assertEquals(new Shape(1, 1, 32, 32), out.shape());
        }
    }

    @Test
    void nanModelLoadsAndGivesNaN() throws Exception {
        TorchRuntime.inferenceMode();
        try (ZooModel<NDList, NDList> model = load("PyTorch", "nan-output.torchscript.pt")) {
            NDArrayResult out = run(model, new float[3 * 32 * 32], new Shape(1, 3, 32, 32));
            assertArrayEquals(new long[] {1, 3, 32, 32}, out.shape().getShape());
            for (float v : out.values()) {
                assertTrue(Float.isNaN(v));
            }
        }
    }

    @Test
    void brokenFilesFailToLoad() {
        Exception truncated = assertThrows(Exception.class, () -> load("OnnxRuntime", "truncated.onnx").close());
        LOG.info("truncated.onnx: {}", truncated.toString());
        Exception text = assertThrows(Exception.class, () -> load("PyTorch", "not-a-model.pt").close());
        LOG.info("not-a-model.pt: {}", text.toString());
    }
}
