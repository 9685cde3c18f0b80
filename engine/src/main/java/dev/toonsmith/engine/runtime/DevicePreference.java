package dev.toonsmith.engine.runtime;

import java.util.Locale;

/** Where the user wants networks to run. */
public enum DevicePreference {
    /** The first CUDA GPU when the natives and a driver are present, else the CPU. */
    AUTO,
    /** Always the CPU. */
    CPU,
    /** A CUDA GPU, or a clear error when there is none. */
    GPU;

    /** Parses {@code auto}, {@code cpu} or {@code gpu} in any case. */
    public static DevicePreference parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu or gpu", e);
        }
    }
}
