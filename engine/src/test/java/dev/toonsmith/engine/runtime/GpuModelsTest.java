package dev.toonsmith.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuModelsTest {

    @TempDir
    Path driver;

    private void gpu(String busId, String model) throws IOException {
        Path folder = Files.createDirectories(driver.resolve(busId));
        Files.writeString(folder.resolve("information"), "Model: \t\t " + model + "\nIRQ:   \t\t 145\n"
                + "GPU UUID: \t GPU-0a1b2c3d\nVideo BIOS: \t 96.00.99.00.01\nBus Type: \t PCIe\n");
    }

    @Test
    void theDriversModelLineNamesTheGpu() throws IOException {
        gpu("0000:01:00.0", "NVIDIA GeForce RTX 4070");
        assertEquals(Optional.of("NVIDIA GeForce RTX 4070"), GpuModels.commonName(driver));
    }

    @Test
    void identicalGpusShareTheName() throws IOException {
        gpu("0000:01:00.0", "NVIDIA H100 80GB HBM3");
        gpu("0000:41:00.0", "NVIDIA H100 80GB HBM3");
        assertEquals(Optional.of("NVIDIA H100 80GB HBM3"), GpuModels.commonName(driver));
    }

    @Test
    void differentGpusOrNoDriverGiveNoName() throws IOException {
        // CUDA numbers GPUs fastest first, the driver by bus: with two models, the index could get the wrong name.
        assertEquals(Optional.empty(), GpuModels.commonName(driver.resolve("absent")));
        gpu("0000:01:00.0", "NVIDIA GeForce RTX 4070");
        gpu("0000:02:00.0", "NVIDIA GeForce GTX 1650");
        assertEquals(Optional.empty(), GpuModels.commonName(driver));
    }
}
