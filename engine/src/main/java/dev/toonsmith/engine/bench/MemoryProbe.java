package dev.toonsmith.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory, which is what the operating system charges for native tensors and
 * OpenCV images as well as the Java heap. Linux only; elsewhere the figures are unavailable (-1).
 */
final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private MemoryProbe() {}

    /** Restarts peak tracking from the current resident size, where the kernel allows it. */
    static void resetPeak() {
        try {
            // "5" resets the peak resident set size (VmHWM) of the process.
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed: the peak then covers the whole process lifetime.
        }
    }

    /** Peak resident memory in bytes since the last reset, or -1 when unknown. */
    static long peakBytes() {
        return field("VmHWM:");
    }

    /** Current resident memory in bytes, or -1 when unknown. */
    static long currentBytes() {
        return field("VmRSS:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
