package dev.toonsmith.app.studio.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The studio process's resident memory: what a training run really costs, since libtorch's tensors live outside the
 * Java heap that {@link Runtime} reports. Read from {@code /proc} on Linux; elsewhere the heap in use stands in.
 */
final class ProcessMemory {

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE = 4096;

    private ProcessMemory() {}

    static long residentBytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }
    }
}
