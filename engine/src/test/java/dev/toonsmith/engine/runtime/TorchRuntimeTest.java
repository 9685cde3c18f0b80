package dev.toonsmith.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Asking for a device the machine lacks: the CLI and the studio both show the message as it is. */
class TorchRuntimeTest {

    @Test
    void askingForAGpuWithoutOneNamesTheDeviceOptionNotAFlag() {
        assumeTrue(TorchRuntime.engine().getGpuCount() == 0, "this machine has a usable GPU");
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> TorchRuntime.select(DevicePreference.GPU));
        assertTrue(e.getMessage().startsWith("no CUDA GPU is usable: this build has "), e.getMessage());
        assertTrue(e.getMessage().endsWith(". Set the device option to cpu or auto."), e.getMessage());
    }
}
