package dev.toonsmith.engine.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts libtorch once, with its thread pools sized for this machine, and picks devices.
 *
 * <p>Everything runs from the native jars on the classpath: DJL would otherwise try to download libtorch,
 * which must never happen (the app works offline). CPU natives are the default; a build with the
 * {@code cuda} profile adds CUDA natives, which DJL uses only when the machine's driver supports them.
 */
public final class TorchRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
    private static final String ENGINE = "PyTorch";

    private static volatile Engine engine;

    private TorchRuntime() {}

    /**
     * Starts libtorch if needed and returns it. The first call takes a second or two (native libraries
     * are extracted to DJL's cache on the very first start of a version, then reused).
     */
    public static Engine engine() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (TorchRuntime.class) {
            if (engine == null) {
                int cores = Runtime.getRuntime().availableProcessors();
                // One intra-op thread per core: libtorch's default can oversubscribe small machines.
                setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(cores));
                setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
                long start = System.nanoTime();
                Engine started = Engine.getEngine(ENGINE);
                LOG.info("libtorch {} started in {} ms: {} intra-op threads, {} CUDA GPU(s)",
                        started.getVersion(), (System.nanoTime() - start) / 1_000_000,
                        JniUtils.getNumThreads(), started.getGpuCount());
                engine = started;
                // Now, before a training step can hold DJL's one gradient collector: the probe needs one.
                Convolutions.padChannels();
            }
            return engine;
        }
    }

    /**
     * The device to run on for a preference. {@link DevicePreference#AUTO} falls back to the CPU, with the
     * reason logged; {@link DevicePreference#GPU} fails when no GPU can be used.
     */
    public static Device select(DevicePreference preference) {
        Engine e = engine();
        int gpus = e.getGpuCount();
        switch (preference) {
            case CPU:
                LOG.info("running on the CPU, as asked");
                return Device.cpu();
            case GPU:
                if (gpus == 0) {
                    throw new DeviceUnavailableException("no CUDA GPU is usable: this build has "
                            + (hasCudaNatives() ? "CUDA natives but no driver/GPU answered"
                                    : "CPU natives only (build with the 'cuda' Maven profile)")
                            + ". Set the device option to cpu or auto.");
                }
                LOG.info("running on GPU 0 of {}, as asked", gpus);
                return Device.gpu();
            case AUTO:
            default:
                if (gpus > 0) {
                    LOG.info("running on GPU 0 of {} (auto)", gpus);
                    return Device.gpu();
                }
                LOG.info("running on the CPU (auto): {}",
                        hasCudaNatives() ? "CUDA natives present but no usable GPU" : "this build has CPU natives only");
                return Device.cpu();
        }
    }

    /** A display name for a device: "CPU (n threads)", or the GPU's product name (when the driver tells it) and index. */
    public static String describe(Device device) {
        if (!device.isGpu()) {
            return "CPU (" + JniUtils.getNumThreads() + " threads)";
        }
        return GpuModels.commonName().map(name -> name + " (GPU " + device.getDeviceId() + ", CUDA)")
                .orElse("GPU " + device.getDeviceId() + " (CUDA)");
    }

    /**
     * Switches autograd off for the calling thread. libtorch keeps grad mode per thread, and DJL turns it
     * off only on the thread that started the engine; an inference thread that forgets this builds an
     * autograd graph on every forward pass, wasting memory and time.
     */
    public static void inferenceMode() {
        engine();
        JniUtils.setGradMode(false);
    }

    /** Switches autograd on or off for the calling thread; returns the previous setting. */
    public static boolean setGradMode(boolean enabled) {
        engine();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return previous;
    }

    /** Whether the current thread records gradients. */
    public static boolean isGradMode() {
        engine();
        return JniUtils.isGradMode();
    }

    private static boolean hasCudaNatives() {
        return TorchRuntime.class.getClassLoader().getResource("native/lib/pytorch.properties") != null
                && System.getProperty("java.class.path", "").contains("pytorch-native-cu");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
