package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generator a new run starts from instead of random weights (fine-tuning): a style's, or a run's newest
 * checkpoint's. The run takes that generator's architecture and hyperparameters with its weights, since weights
 * only fit the network they were trained in; everything else (losses, data, steps) is the new run's own.
 *
 * @param spec the generator's architecture and hyperparameters
 * @param weights its weights as a safetensors file
 * @param description what it is, for messages ("the style Toonsmith Default", "step 500 of run default")
 */
record StartingPoint(GeneratorSpec spec, byte[] weights, String description) {

    private static final String OPTION = "start-from";

    /**
     * Reads a {@code .toon} style file or a run folder.
     *
     * @throws TrainingOptionException naming the option when the path is neither, or holds no generator yet
     */
    static StartingPoint read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new TrainingOptionException(OPTION, "names " + path + ", which does not exist. Give a style file"
                    + " (.toon) or the folder of a run.");
        }
        if (Files.isDirectory(path)) {
            RunFolder run = new RunFolder(path);
            if (!run.hasRun()) {
                throw new TrainingOptionException(OPTION, "names " + path + ", a folder that holds no run. Give a"
                        + " style file (.toon) or the folder of a run.");
            }
            Optional<Path> checkpoint = run.latestCheckpoint();
            if (checkpoint.isEmpty()) {
                throw new TrainingOptionException(OPTION, "names the run " + path + ", which has no checkpoint yet."
                        + " Train it to its first checkpoint, or start from a style.");
            }
            return new StartingPoint(run.readConfig().generatorSpec(),
                    Files.readAllBytes(checkpoint.get().resolve("generator.safetensors")),
                    "step " + RunFolder.stepOf(checkpoint.get()) + " of the run " + path.getFileName());
        }
        try {
            StyleBundle style = StyleBundle.read(path);
            if (style.isImported()) {
                throw new TrainingOptionException(OPTION, "names " + path + ", an imported model: only Toonsmith's own"
                        + " styles can be fine-tuned. Start from one of those, or from scratch.");
            }
            return new StartingPoint(style.spec(), style.weightsBytes(), "the style " + style.manifest().name());
        } catch (StyleFormatException e) {
            throw new TrainingOptionException(OPTION, "cannot use " + path + ": " + e.getMessage());
        }
    }

    /** {@code options} with this generator's architecture and hyperparameters, and the path made absolute. */
    TrainingOptions adoptedBy(TrainingOptions options, Path path) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("architecture", spec.architecture());
        changes.put("generator", spec.hyperparameters());
        changes.put("startFrom", path.toAbsolutePath().normalize().toString());
        return TrainingOptionsCodec.with(options, changes);
    }

    /** Puts these weights into {@code generator}, a network of this {@link #spec()}. */
    void loadInto(Block generator, NDManager manager) throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            Checkpoint.copyInto(generator, NDList.decode(scope, weights), Path.of(description));
        }
    }
}
