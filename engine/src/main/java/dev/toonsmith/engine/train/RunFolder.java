package dev.toonsmith.engine.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.model.Architectures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a training run lives in: everything needed to follow, resume and export it.
 *
 * <pre>
 * config.json              every option, defaults included
 * metrics.jsonl            one JSON object per step
 * samples/step-NNNNNN.png  fixed photos above, the generator's versions below
 * checkpoints/step-NNNNNN/ networks, optimizer state, data position and random state
 * </pre>
 */
public final class RunFolder {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern STEP = Pattern.compile("step-(\\d{6,})");

    private final Path root;

    public RunFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    static String stepName(long step) {
        return String.format("step-%06d", step);
    }

    Path sample(long step) {
        return samples().resolve(stepName(step) + ".png");
    }

    /** Whether this folder already holds a run. */
    public boolean hasRun() {
        return Files.exists(config());
    }

    void writeConfig(TrainingOptions options) throws IOException {
        Files.createDirectories(root);
        AtomicFiles.write(config(), JSON.writeValueAsBytes(options));
    }

    /** The options the run was started with. */
    public TrainingOptions readConfig() throws IOException {
        if (!Files.exists(config())) {
            throw new IOException(root + " holds no training run (no config.json). Choose the folder of a run, or start"
                    + " a new run there.");
        }
        try {
            JsonNode tree = JSON.readTree(config().toFile());
            if (tree instanceof ObjectNode object
                    && object.get("architecture") != null && object.get("generator") instanceof ObjectNode) {
                // A run started before a layer was added to its architecture keeps the network it was started with.
                Map<String, Object> written = JSON.convertValue(object.get("generator"),
                        new TypeReference<LinkedHashMap<String, Object>>() {});
                object.set("generator", JSON.valueToTree(
                        Architectures.withOlderValues(object.get("architecture").asText(), written)));
            }
            return JSON.treeToValue(tree, TrainingOptions.class);
        } catch (JsonProcessingException e) {
            // An option out of range says which option; Jackson's wrapping around it says nothing more.
            String why = e.getCause() instanceof TrainingOptionException option ? option.getMessage() : e.getOriginalMessage();
            throw new IOException(config() + " is not a valid run configuration: " + why
                    + ". Restore it or start a new run.", e);
        }
    }

    void appendMetrics(Map<String, Object> line) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(metrics(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line));
            w.newLine();
        }
    }

    /**
     * Drops metric lines of steps at or after {@code step}: a resumed run repeats the steps after its
     * checkpoint, and must not log them twice.
     */
    void truncateMetricsFrom(long step) throws IOException {
        if (!Files.exists(metrics())) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(metrics(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (JSON.readTree(line).path("step").asLong(Long.MAX_VALUE) < step) {
                    kept.add(line);
                }
            } catch (JsonProcessingException e) {
                // A line cut short by a killed process: drop it.
            }
        }
        AtomicFiles.write(metrics(), (String.join("\n", kept) + (kept.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
    }

    /** Complete checkpoints (those whose state file was written last), oldest first. */
    public List<Path> checkpointFolders() throws IOException {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(checkpoints())) {
            return list.filter(p -> STEP.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.exists(p.resolve(Checkpoint.STATE)))
                    .sorted(Comparator.comparingLong(RunFolder::stepOf))
                    .toList();
        }
    }

    /**
     * Every complete checkpoint with when it was written and the sample grid that shows it, oldest first. A
     * checkpoint deleted while this reads (a running run keeps only its newest few) is left out.
     */
    public List<CheckpointInfo> checkpointInfos() throws IOException {
        SortedMap<Long, Path> grids = sampleGrids();
        List<CheckpointInfo> infos = new ArrayList<>();
        for (Path folder : checkpointFolders()) {
            long step = stepOf(folder);
            Optional<Instant> time = writtenAt(folder);
            if (time.isEmpty()) {
                continue;
            }
            SortedMap<Long, Path> upToStep = grids.headMap(step + 1);
            infos.add(new CheckpointInfo(step, time.get(), folder,
                    upToStep.isEmpty() ? Optional.empty() : Optional.of(upToStep.get(upToStep.lastKey()))));
        }
        return infos;
    }

    /**
     * When a checkpoint was written: its own record of it, which survives copying the run elsewhere, else its state
     * file's modification time; empty if the checkpoint is gone.
     */
    private static Optional<Instant> writtenAt(Path checkpoint) throws IOException {
        Path state = checkpoint.resolve(Checkpoint.STATE);
        try {
            JsonNode createdAt = JSON.readTree(Files.readAllBytes(state)).get("createdAt");
            if (createdAt != null && createdAt.isTextual()) {
                return Optional.of(Instant.parse(createdAt.asText()));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException | DateTimeParseException e) {
            // A damaged state file: resuming from it will say so; here its file time is the next best answer.
        }
        try {
            return Optional.of(Files.getLastModifiedTime(state).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The newest complete checkpoint. */
    public Optional<Path> latestCheckpoint() throws IOException {
        List<Path> all = checkpointFolders();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The checkpoint of {@code step}. */
    public Optional<Path> checkpoint(long step) throws IOException {
        return checkpointFolders().stream().filter(p -> stepOf(p) == step).findFirst();
    }

    /** The keys of a metrics line that are not loss terms. */
    private static final Set<String> NOT_LOSSES =
            Set.of("step", "epoch", "lr", "d_real", "d_fake", "images_per_second");

    /**
     * Every step {@code metrics.jsonl} records, in order; empty before the first step. A line that does not parse (the
     * last one, cut short when a process was killed while writing it) is left out, as a resumed run drops it.
     */
    public List<MetricsPoint> readMetrics() throws IOException {
        if (!Files.exists(metrics())) {
            return List.of();
        }
        List<MetricsPoint> points = new ArrayList<>();
        for (String line : Files.readAllLines(metrics(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                continue;
            }
            if (!node.path("step").canConvertToLong()) {
                continue;
            }
            Map<String, Double> losses = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> {
                if (!NOT_LOSSES.contains(field.getKey()) && field.getValue().isNumber()) {
                    losses.put(field.getKey(), field.getValue().asDouble());
                }
            });
            points.add(new MetricsPoint(node.get("step").asLong(), node.path("epoch").asInt(), node.path("lr").asDouble(),
                    losses, number(node.get("d_real")), number(node.get("d_fake")),
                    node.path("images_per_second").asDouble()));
        }
        return points;
    }

    private static Double number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asDouble();
    }

    /** The sample grids written so far by step, oldest first. */
    public SortedMap<Long, Path> sampleGrids() throws IOException {
        SortedMap<Long, Path> grids = new TreeMap<>();
        if (!Files.isDirectory(samples())) {
            return grids;
        }
        try (Stream<Path> list = Files.list(samples())) {
            list.filter(p -> p.getFileName().toString().matches("step-\\d{6,}\\.png"))
                    .forEach(p -> grids.put(stepOf(p), p));
        }
        return grids;
    }

    /** The newest sample grid, if any. */
    public Optional<Path> latestSample() throws IOException {
        SortedMap<Long, Path> grids = sampleGrids();
        return grids.isEmpty() ? Optional.empty() : Optional.of(grids.get(grids.lastKey()));
    }

    static long stepOf(Path folder) {
        Matcher m = STEP.matcher(folder.getFileName().toString().replace(".png", ""));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
