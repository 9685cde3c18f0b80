package dev.toonsmith.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.toonsmith.engine.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;

class ReflectionPadTest {

    @Test
    void mirrorsWithoutRepeatingTheBorderPixel() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // 1 2 3
            // 4 5 6
            // 7 8 9
            NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
            NDArray y = new ReflectionPad(2).forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            assertEquals(new Shape(1, 1, 7, 7), y.getShape());
            float[] expected = {
                9, 8, 7, 8, 9, 8, 7,
                6, 5, 4, 5, 6, 5, 4,
                3, 2, 1, 2, 3, 2, 1,
                6, 5, 4, 5, 6, 5, 4,
                9, 8, 7, 8, 9, 8, 7,
                6, 5, 4, 5, 6, 5, 4,
                3, 2, 1, 2, 3, 2, 1
            };
            assertArrayEquals(expected, y.toFloatArray());
        }
    }

    @Test
    void padsEveryChannelAndImageAlike() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 10, 20, 100, 200, 1000, 2000}, new Shape(2, 2, 1, 2));
            NDArray y = new ReflectionPad(1).forward(new ParameterStore(manager, false),
                    new NDList(x.tile(new long[] {1, 1, 2, 1})), false).singletonOrThrow();
            assertEquals(new Shape(2, 2, 4, 4), y.getShape());
            assertArrayEquals(new float[] {2, 1, 2, 1}, y.get("1, 1, 0, :").div(1000).toFloatArray());
        }
    }

    @Test
    void refusesPaddingAsLargeAsTheImage() {
        TorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.zeros(new Shape(1, 1, 2, 2));
            assertThrows(IllegalArgumentException.class,
                    () -> new ReflectionPad(2).forward(new ParameterStore(manager, false), new NDList(x), false));
        }
    }
}
