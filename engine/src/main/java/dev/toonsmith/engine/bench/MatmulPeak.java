package dev.toonsmith.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.toonsmith.engine.runtime.TorchRuntime;

/**
 * The device's practical fp32 peak: the best rate of a large square matrix multiply, which libtorch runs
 * through its most tuned kernels. Inference speed is reported against it.
 */
final class MatmulPeak {

    private static final int SIZE = 2048;

    private MatmulPeak() {}

    /** The best of {@code repeats} timed multiplies after one warm-up, in GFLOP/s. */
    static double measure(Device device, int repeats) {
        TorchRuntime.inferenceMode();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray a = manager.randomNormal(new Shape(SIZE, SIZE));
            NDArray b = manager.randomNormal(new Shape(SIZE, SIZE));
            double best = 0;
            for (int i = 0; i <= repeats; i++) {
                long start = System.nanoTime();
                try (NDArray c = a.matMul(b); NDArray corner = c.get(0, 0)) {
                    // Reading one value waits for the (possibly asynchronous) device to finish.
                    corner.getFloat();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (i > 0) {
                        best = Math.max(best, 2.0 * SIZE * SIZE * SIZE / seconds / 1e9);
                    }
                }
            }
            return best;
        }
    }
}
