package dev.toonsmith.engine.image;

/**
 * Loads OpenCV's native library once per process.
 *
 * <p>Every class that touches {@code org.opencv} calls {@link #load()} first; the native library ships
 * inside the openpnp jar and is extracted to a temporary folder, so nothing is downloaded.
 */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {}

    /** Loads the native library if this process has not done so yet. Safe to call from any thread. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCv.class) {
            if (!loaded) {
                nu.pattern.OpenCV.loadLocally();
                loaded = true;
            }
        }
    }
}
