package dev.toonsmith.engine.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The product name of the machine's NVIDIA GPUs ("NVIDIA GeForce RTX 4070"), for people to read in the status
 * bar and logs. libtorch tells only a device index, so the name comes from the NVIDIA driver's
 * {@code /proc/driver/nvidia/gpus/<PCI bus id>/information} files (Linux), whose {@code Model:} line holds it.
 *
 * <p>The driver lists GPUs by PCI bus while CUDA numbers them fastest first, so a name is only given when every GPU
 * has the same one; otherwise, and where the files do not exist (other systems, no driver), there is none.
 */
public final class GpuModels {

    private static final Path DRIVER_FOLDER = Path.of("/proc/driver/nvidia/gpus");

    private GpuModels() {}

    /** The name shared by every GPU the driver lists, if there is one. */
    public static Optional<String> commonName() {
        return commonName(DRIVER_FOLDER);
    }

    static Optional<String> commonName(Path driverFolder) {
        if (!Files.isDirectory(driverFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> gpus = Files.list(driverFolder)) {
            List<Optional<String>> names = gpus.sorted().map(gpu -> model(gpu.resolve("information"))).toList();
            if (names.isEmpty() || names.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            long distinct = names.stream().map(Optional::get).distinct().count();
            return distinct == 1 ? names.get(0) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A name for display only: a driver folder that cannot be read means no name, never a failure.
            return Optional.empty();
        }
    }

    private static Optional<String> model(Path information) {
        try {
            for (String line : Files.readAllLines(information, StandardCharsets.UTF_8)) {
                if (line.startsWith("Model:")) {
                    String name = line.substring("Model:".length()).strip();
                    return name.isEmpty() ? Optional.empty() : Optional.of(name);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
