package dev.toonsmith.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.toonsmith.engine.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;

class InstanceNormTest {

    @Test
    void normalizesEachChannelOfEachImageByItsOwnStatistics() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm norm = new InstanceNorm(false, 0f);
            // Image 0: channel 0 = {1,2,3,4} (mean 2.5, variance 1.25), channel 1 = {10,10,10,14} (mean 11, var 3).
            // Image 1: channel 0 = {0,0,2,2} (mean 1, variance 1), channel 1 = {-1,1,-1,1} (mean 0, var 1).
            NDArray x = manager.create(new float[] {1, 2, 3, 4, 10, 10, 10, 14, 0, 0, 2, 2, -1, 1, -1, 1},
                    new Shape(2, 2, 2, 2));
            norm.initialize(manager, DataType.FLOAT32, x.getShape());
            float[] y = norm.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            double s0 = Math.sqrt(1.25);
            double s1 = Math.sqrt(3);
            float[] expected = {
                (float) (-1.5 / s0), (float) (-0.5 / s0), (float) (0.5 / s0), (float) (1.5 / s0),
                (float) (-1 / s1), (float) (-1 / s1), (float) (-1 / s1), (float) (3 / s1),
                -1, -1, 1, 1,
                -1, 1, -1, 1
            };
            assertArrayEquals(expected, y, 1e-5f);
        }
    }

    @Test
    void affineScalesAndShiftsAfterNormalizing() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm norm = new InstanceNorm(true, 0f);
            NDArray x = manager.create(new float[] {0, 0, 2, 2}, new Shape(1, 1, 2, 2));
            norm.initialize(manager, DataType.FLOAT32, x.getShape());
            norm.getParameters().get("gamma").getArray().set(new float[] {3});
            norm.getParameters().get("beta").getArray().set(new float[] {0.5f});
            float[] y = norm.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(new float[] {-2.5f, -2.5f, 3.5f, 3.5f}, y, 1e-5f);
        }
    }

    @Test
    void replayedStatisticsNormalizeAnotherInputLikeTheRecordedOne() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm norm = new InstanceNorm(false, 0f);
            NDArray whole = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            norm.initialize(manager, DataType.FLOAT32, whole.getShape());
            NormStatistics statistics = new NormStatistics();
            norm.forward(new ParameterStore(manager, false), new NDList(whole), false, statistics.asBlockParams());
            assertEquals(1, statistics.size());
            statistics.setMode(NormStatistics.Mode.REPLAY);
            // A "tile" holding only the value 4 is normalized with the whole image's mean 2.5 and variance 1.25.
            NDArray tile = manager.create(new float[] {4}, new Shape(1, 1, 1, 1));
            float[] y = norm.forward(new ParameterStore(manager, false), new NDList(tile), false,
                    statistics.asBlockParams()).singletonOrThrow().toFloatArray();
            assertArrayEquals(new float[] {(float) (1.5 / Math.sqrt(1.25))}, y, 1e-5f);
        }
    }
}
