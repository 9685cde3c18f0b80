package dev.toonsmith.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX files Toonsmith writes are read by ONNX Runtime and compute what our own engine computes. */
class OnnxGraphTest {

    @TempDir
    Path work;

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian() * 0.3f;
        }
        return v;
    }

    @Test
    void aConvolutionWithReflectionPaddingRunsInOnnxRuntimeAsInLibtorchAtAnySize() throws Exception {
        float[] weight = random(4 * 3 * 3 * 3, 1);
        float[] bias = random(4, 2);
        OnnxGraph graph = new OnnxGraph("conv");
        graph.input("image", 3);
        String w = graph.weights("w", new long[] {4, 3, 3, 3}, weight);
        String b = graph.weights("b", new long[] {4}, bias);
        String pads = graph.int64s("pads", new long[] {0, 0, 1, 1, 0, 0, 1, 1});
        String padded = graph.node("Pad", List.of("image", pads), OnnxGraph.Attribute.s("mode", "reflect"));
        String conv = graph.node("Conv", List.of(padded, w, b), OnnxGraph.Attribute.ints("kernel_shape", 3, 3));
        graph.node("Tanh", List.of(conv), "drawing");
        graph.output("drawing", 4);
        Path file = work.resolve("conv.onnx");
        Files.write(file, graph.toBytes("test"));

        TorchRuntime.inferenceMode();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime").optModelPath(file).optTranslator(new NoopTranslator()).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager torch = TorchRuntime.engine().newBaseManager()) {
            for (int[] size : new int[][] {{20, 28}, {33, 17}}) {
                float[] input = random(3 * size[0] * size[1], size[0]);
                Shape shape = new Shape(1, 3, size[0], size[1]);
                float[] onnx;
                try (NDManager local = model.getNDManager().newSubManager()) {
                    NDList out = predictor.predict(new NDList(local.create(input, shape)));
                    assertEquals(new Shape(1, 4, size[0], size[1]), out.get(0).getShape());
                    onnx = out.get(0).toFloatArray();
                }
                NDArray x = torch.create(input, shape);
                // Reflection padding by one pixel, then the convolution, in libtorch.
                NDArray top = x.get(":, :, 1:2, :");
                NDArray bottom = x.get(":, :, -2:-1, :");
                NDArray rows = top.concat(x, 2).concat(bottom, 2);
                NDArray left = rows.get(":, :, :, 1:2");
                NDArray right = rows.get(":, :, :, -2:-1");
                NDArray full = left.concat(rows, 3).concat(right, 3);
                NDArray expected = Conv2d.conv2d(full, torch.create(weight, new Shape(4, 3, 3, 3)),
                        torch.create(bias, new Shape(4))).singletonOrThrow().tanh();
                float[] reference = expected.toFloatArray();
                double worst = 0;
                for (int i = 0; i < reference.length; i++) {
                    worst = Math.max(worst, Math.abs(reference[i] - onnx[i]));
                }
                assertTrue(worst < 1e-5, size[0] + "x" + size[1] + ": " + worst);
            }
        }
    }
}
