package dev.toonsmith.engine.train;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's TorchScript feature extractor behind the perceptual content loss (for instance VGG19's layers up
 * to relu4_1, exported with {@code torch.jit.trace}). Nothing is downloaded or bundled: the file is the user's,
 * is not copied into checkpoints, and a run reloads it from the path in its {@code config.json}.
 *
 * <p>The extractor receives RGB images in [-1, 1], NCHW, the range the generator works in, and normalizes for
 * itself if its weights expect something else (VGG: ImageNet mean and deviation on [0, 1]). It may return one
 * tensor or several (a tuple, list or dict of floating-point tensors).
 *
 * <p>Its weights are frozen: they never require gradients and no optimizer holds them, while gradients flow
 * through it to the generator. It runs in evaluation mode (no dropout, batch norm on running statistics).
 */
public final class FeatureExtractor implements AutoCloseable {

    private static final String EXPORT_HINT = "Export the extractor with torch.jit.trace or torch.jit.script and"
            + " save it with torch.jit.save (see the README's section on the perceptual content loss).";
    private static final String GIVE_FILE = "Give the perceptual option the TorchScript file of your feature extractor.";

    private final Path file;
    private final PtSymbolBlock module;

    private FeatureExtractor(Path file, PtSymbolBlock module) {
        this.file = file;
        this.module = module;
    }

    /**
     * Checks that {@code file} can serve as a feature extractor for crops of {@code size} pixels: it exists,
     * loads as a TorchScript module, and turns a 1x3xSIZExSIZE image into floating-point tensors. Runs once on
     * the CPU, without keeping anything.
     *
     * @throws FeatureExtractorException naming the file, what is wrong and what to do
     */
    public static void check(Path file, int size) throws FeatureExtractorException {
        try (NDManager manager = TorchRuntime.engine().newBaseManager(Device.cpu());
                FeatureExtractor extractor = load(file, manager)) {
            NDList features;
            try {
                features = extractor.features(manager.zeros(new Shape(1, 3, size, size)));
            } catch (EngineException e) {
                throw new FeatureExtractorException(extractor.file + " loads as TorchScript but fails on a 1x3x" + size
                        + "x" + size + " RGB image in [-1, 1]: " + lastLine(e.getMessage()) + ".",
                        "Its forward must take one NCHW batch of RGB images.", e);
            } catch (UnsupportedOperationException e) {
                // DJL turns tensors, and tuples, lists and flat dicts of them, into arrays; nothing else.
                throw new FeatureExtractorException(extractor.file + " returns something other than tensors ("
                        + lastLine(e.getMessage()) + ").", "Its forward must return feature maps: one tensor, or a tuple or list"
                        + " of them.", e);
            }
            if (features.isEmpty()) {
                throw new FeatureExtractorException(extractor.file + " returns no tensor.", "Its forward must return"
                        + " feature maps: one tensor, or a tuple or list of them.");
            }
            for (NDArray f : features) {
                if (!f.getDataType().isFloating()) {
                    throw new FeatureExtractorException(extractor.file + " returns " + f.getDataType() + " values where"
                            + " feature maps of floating-point numbers are needed.", "Return the activations themselves.");
                }
            }
        }
    }

    /**
     * Loads {@code file} onto {@code manager}'s device, frozen and in evaluation mode. The module lives as long
     * as the manager, or until closed.
     */
    static FeatureExtractor load(Path file, NDManager manager) throws FeatureExtractorException {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.exists(f)) {
            throw new FeatureExtractorException(f + " does not exist.", GIVE_FILE + " " + EXPORT_HINT);
        }
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
            throw new FeatureExtractorException(f + " is not a readable file.", GIVE_FILE);
        }
        TorchRuntime.engine();
        PtSymbolBlock module;
        try {
            // trainParam=true: otherwise DJL loads the weights as inference tensors, which autograd refuses to
            // keep for the backward pass, so no gradient could flow through the extractor to the generator.
            module = JniUtils.loadModule((PtNDManager) manager, f, true, new String[0], new String[0], true);
        } catch (EngineException e) {
            throw new FeatureExtractorException(whyNotTorchScript(f, e.getMessage()), EXPORT_HINT, e);
        }
        JniUtils.enableInferenceMode(module);
        for (Pair<String, Parameter> p : module.getParameters()) {
            p.getValue().getArray().setRequiresGradient(false);
        }
        return new FeatureExtractor(f, module);
    }

    /** The extractor's weights, by TorchScript name (for tests: they must never change). */
    NDList weights() {
        NDList weights = new NDList();
        for (Pair<String, Parameter> p : module.getParameters()) {
            weights.add(p.getValue().getArray());
        }
        return weights;
    }

    /**
     * The feature maps of {@code images} (RGB in [-1, 1], NCHW), in the images' memory scope. Inside a gradient
     * collector the result stays connected to {@code images}, so gradients reach whatever produced them.
     */
    NDList features(NDArray images) {
        // Straight to the module, not through Block.forward: PtSymbolBlock runs training=false under a no-grad
        // guard, which would cut the generator off from this loss, and training=true would switch the module to
        // training mode. With isTrain=true on a module kept in eval mode, autograd follows the thread's grad mode.
        return IValueUtils.forward(module, new NDList(images), true);
    }

    @Override
    public void close() {
        module.close();
    }

    private static String whyNotTorchScript(Path file, String engineMessage) {
        String detail = engineMessage == null ? "" : engineMessage;
        String what;
        if (detail.contains("not a ZIP archive") || detail.contains("central directory")) {
            what = "it is not the zip archive torch.jit.save writes";
        } else if (detail.contains("constants.pkl")) {
            what = "it looks like torch.save output (weights or a pickled model), which holds no TorchScript code";
        } else {
            what = "libtorch says: " + lastLine(detail);
        }
        return file + " is not a TorchScript module (torch.jit.save output): " + what + ".";
    }

    /** The line of a libtorch message that says what went wrong: the last one, after any TorchScript traceback. */
    private static String lastLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String[] lines = message.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("Exception raised from") && !line.startsWith("frame #")) {
                return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
            }
        }
        return lines[0].strip();
    }
}
