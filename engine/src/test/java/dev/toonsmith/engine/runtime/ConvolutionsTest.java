package dev.toonsmith.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.toonsmith.engine.model.ConvUnit;
import dev.toonsmith.engine.model.ReflectionPad;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A convolution is the same sum on every CPU: the default style's refining layer takes 35 channels, a count for which
 * libtorch's oneDNN kernels return wrong values (and NaN) on some AVX-512 CPUs.
 */
class ConvolutionsTest {

    private final boolean decided = Convolutions.padChannels();

    @AfterEach
    void restore() {
        Convolutions.decide(decided);
    }

    @Test
    void aRefiningLayerOf35ChannelsComputesWhatFloat64Does() {
        TorchRuntime.inferenceMode();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (boolean pad : new boolean[] {decided, true}) {
                Convolutions.decide(pad);
                for (int channels : new int[] {35, 19, 32, 3}) {
                    Block conv = ConvUnit.builder(16, 3).optNorm(false).optNonlinearity(ConvUnit.Nonlinearity.NONE)
                            .build();
                    conv.initialize(manager, DataType.FLOAT32, new Shape(1, channels, 60, 80));
                    NDArray x = random(manager, new Shape(1, channels, 60, 80), channels);
                    NDArray ours = conv.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow();
                    // The same layer by hand, in float64: reflection padding by one, then the sum.
                    NDArray weight = conv.getParameters().valueAt(0).getArray();
                    NDArray bias = conv.getParameters().valueAt(1).getArray();
                    NDArray padded = new ReflectionPad(1).forward(new ParameterStore(manager, false),
                            new NDList(x.toType(DataType.FLOAT64, true)), false).singletonOrThrow();
                    NDArray reference = Conv2d.conv2d(padded, weight.toType(DataType.FLOAT64, true),
                            bias.toType(DataType.FLOAT64, true)).singletonOrThrow();
                    double worst = ours.toType(DataType.FLOAT64, true).sub(reference).abs().max().getDouble();
                    assertTrue(worst < 1e-4, channels + " channels in, padded " + pad + ": off by " + worst);
                }
            }
        }
    }

    @Test
    void theGradientThroughAOneChannelLayerIsWhatFloat64Gives() {
        TorchRuntime.engine();
        boolean previous = TorchRuntime.setGradMode(true);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (boolean pad : new boolean[] {decided, true}) {
                Convolutions.decide(pad);
                double[][] gradients = new double[2][];
                DataType[] types = {DataType.FLOAT32, DataType.FLOAT64};
                for (int t = 0; t < 2; t++) {
                    // The ink layer's shape: 16 channels in, one out; training takes the gradient of its input.
                    NDArray x = random(manager, new Shape(1, 16, 60, 80), 1).toType(types[t], false);
                    NDArray w = random(manager, new Shape(1, 16, 3, 3), 2).mul(0.1).toType(types[t], false);
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        Shape one = new Shape(1, 1);
                        NDArray y = Convolutions.conv2d(x, w, null, one, one, one, 1).singletonOrThrow();
                        collector.backward(y.mul(y).sum());
                    }
                    gradients[t] = x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                }
                double worst = 0;
                for (int i = 0; i < gradients[0].length; i++) {
                    worst = Math.max(worst, Math.abs(gradients[0][i] - gradients[1][i]));
                }
                assertTrue(worst < 1e-3, "padded " + pad + ": the gradient is off by " + worst);
            }
        } finally {
            TorchRuntime.setGradMode(previous);
        }
    }

    private static NDArray random(NDManager manager, Shape shape, long seed) {
        Random random = new Random(seed);
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 6 - 3;
        }
        return manager.create(values, shape);
    }
}
