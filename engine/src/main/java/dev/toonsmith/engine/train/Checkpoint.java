package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.toonsmith.engine.model.Tensors;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Saving and restoring everything a run needs to continue exactly: every network's parameters, every
 * optimizer's moments and step count, the strategy's extra state, where each dataset's stream is, the
 * random generators and the learning-rate guard.
 *
 * <p>A checkpoint is written into a hidden temporary folder and renamed into place, with its state file
 * written last, so a killed process leaves either a complete checkpoint or none.
 */
final class Checkpoint {

    static final String STATE = "state.json";
    private static final String EXTRA = "extra.safetensors";

    /**
     * The position of a run, beside its tensors.
     *
     * @param step the next step to run
     * @param photoBatches batches drawn from the photo stream so far
     * @param cartoonBatches batches drawn from the cartoon stream so far
     * @param learningRateScale the guard's factor on the scheduled rate
     * @param optimizerSteps each optimizer's step count
     * @param strategyRandom the strategy's random generator, serialized
     * @param createdAt when the checkpoint was written
     */
    record State(long step, long photoBatches, long cartoonBatches, double learningRateScale,
            Map<String, Long> optimizerSteps, String strategyRandom, String createdAt) {}

    private Checkpoint() {}

    static Path save(RunFolder run, TrainingStrategy strategy, State state, int keep) throws IOException {
        Files.createDirectories(run.checkpoints());
        String name = RunFolder.stepName(state.step());
        Path target = run.checkpoints().resolve(name);
        Path temp = run.checkpoints().resolve("." + name + ".tmp");
        deleteTree(temp);
        Files.createDirectories(temp);
        for (Map.Entry<String, Block> network : strategy.networks().entrySet()) {
            Files.write(temp.resolve(network.getKey() + ".safetensors"), StyleWriter.encodeWeights(network.getValue()));
        }
        for (Map.Entry<String, Adam> optimizer : strategy.optimizers().entrySet()) {
            NDList moments = optimizer.getValue().state();
            try {
                Files.write(temp.resolve("optimizer-" + optimizer.getKey() + ".safetensors"), encode(moments));
            } finally {
                moments.close();
            }
        }
        NDList extra = strategy.extraState();
        try {
            Files.write(temp.resolve(EXTRA), encode(extra));
        } finally {
            extra.close();
        }
        Files.write(temp.resolve(STATE), RunFolder.JSON.writeValueAsBytes(state));
        deleteTree(target);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        prune(run, keep);
        return target;
    }

    /** The position saved in {@code folder}. */
    static State readState(Path folder) throws IOException {
        try {
            return RunFolder.JSON.readValue(folder.resolve(STATE).toFile(), State.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(folder.resolve(STATE) + " is damaged (" + e.getOriginalMessage()
                    + "). Delete that checkpoint folder to resume from the one before.", e);
        }
    }

    /** Restores {@code strategy}'s tensors from {@code folder} and returns the run's position. */
    static State load(Path folder, TrainingStrategy strategy, NDManager manager) throws IOException {
        State state = readState(folder);
        try (NDManager scope = manager.newSubManager()) {
            for (Map.Entry<String, Block> network : strategy.networks().entrySet()) {
                Path file = folder.resolve(network.getKey() + ".safetensors");
                copyInto(network.getValue(), decode(file, scope), file);
            }
            for (Map.Entry<String, Adam> optimizer : strategy.optimizers().entrySet()) {
                Path file = folder.resolve("optimizer-" + optimizer.getKey() + ".safetensors");
                optimizer.getValue().restore(decode(file, scope), state.optimizerSteps().getOrDefault(optimizer.getKey(), 0L));
            }
            Path extra = folder.resolve(EXTRA);
            if (Files.exists(extra)) {
                NDList arrays = decode(extra, scope);
                for (NDArray a : arrays) {
                    a.attach(manager);
                }
                strategy.restoreExtraState(arrays);
            }
        }
        return state;
    }

    static String serialize(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a Random", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static Random deserialize(String text) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
            return (Random) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("the checkpoint's random state is damaged", e);
        }
    }

    static Map<String, Long> optimizerSteps(TrainingStrategy strategy) {
        Map<String, Long> steps = new LinkedHashMap<>();
        strategy.optimizers().forEach((name, adam) -> steps.put(name, adam.steps()));
        return steps;
    }

    static void copyInto(Block network, NDList saved, Path file) throws IOException {
        Map<String, NDArray> byName = new HashMap<>();
        for (NDArray a : saved) {
            byName.put(a.getName(), a);
        }
        for (Pair<String, Parameter> p : network.getParameters()) {
            NDArray value = byName.get(p.getKey());
            NDArray target = p.getValue().getArray();
            if (value == null || !value.getShape().equals(target.getShape())) {
                throw new IOException(file + " does not fit this run's network: parameter '" + p.getKey() + "' "
                        + (value == null ? "is missing" : "has shape " + value.getShape() + ", expected " + target.getShape())
                        + ". Was config.json changed after the run started?");
            }
            Tensors.assign(target, value);
        }
    }

    private static byte[] encode(NDList arrays) {
        return arrays.isEmpty() ? new byte[0] : arrays.encode(NDList.Encoding.SAFETENSORS);
    }

    private static NDList decode(Path file, NDManager manager) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 ? new NDList() : NDList.decode(manager, bytes);
    }

    private static void prune(RunFolder run, int keep) throws IOException {
        List<Path> all = run.checkpointFolders();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String now() {
        return Instant.now().toString();
    }
}
