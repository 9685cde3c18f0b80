package dev.toonsmith.engine.style;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toonsmith.engine.model.Architectures;
import dev.toonsmith.engine.model.GeneratorSpec;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code manifest.json} of a style: who made it, under which license, which generator architecture its
 * weights are for, how that generator expects its input, and how it was trained.
 *
 * <p>The manifest is what lets Toonsmith refuse a style before building a network from it: the architecture
 * and hyperparameters decide which parameters the weights must hold, and {@code input} and
 * {@code sizeMultiple} are repeated from the architecture so that a future version that changes either cannot
 * be misread silently. Credits ({@code author}, {@code license}, {@code attribution}, {@code training.datasets})
 * travel with the weights because styles are shared as single files.
 *
 * <p>Required in a file: {@code formatVersion}, {@code id}, {@code name}, {@code author}, {@code license},
 * {@code architecture.name}, {@code input}, {@code sizeMultiple}, {@code createdAt}, {@code weights} and
 * {@code thumbnail}. {@code description} and {@code attribution} default to empty,
 * {@code architecture.hyperparameters} to the architecture's defaults, {@code workingEdge} to 0 and
 * {@code training} to nothing known.
 * Unknown fields are ignored, so that later versions of format 1 can add optional information.
 *
 * @param formatVersion the style format; this version writes {@link #FORMAT_VERSION}
 * @param id a stable lowercase slug, unique among installed styles
 * @param name the display name
 * @param hyperparameters as written in the file; one it leaves out is a layer added after the file was written
 *     (see {@link Architectures#asWritten})
 * @param workingEdge the longest edge, in pixels, at which the generator draws the look it was trained for
 *     (about the size of its training photos); larger photos are stylized at this size and brought back to
 *     full resolution edge-aware, so that a 12-megapixel photo gets the same cartoon as its preview instead of
 *     outlines and flat areas too small to see. 0: the generator runs at every photo's own resolution
 * @param createdAt when the style was made, to the second
 * @param weights the zip entry holding the generator's parameters as safetensors
 * @param thumbnail the zip entry holding a PNG preview
 */
public record StyleManifest(
        int formatVersion,
        String id,
        String name,
        String description,
        String author,
        String license,
        String attribution,
        Architecture architecture,
        Input input,
        int sizeMultiple,
        int workingEdge,
        Training training,
        Instant createdAt,
        String weights,
        String thumbnail) {

    /** The style format this version writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public static final String MANIFEST_ENTRY = "manifest.json";
    public static final String WEIGHTS_ENTRY = "generator.safetensors";
    public static final String THUMBNAIL_ENTRY = "thumbnail.png";

    /** The smallest working edge a style may ask for: below it, faces and text are lost before the style runs. */
    public static final int MIN_WORKING_EDGE = 128;

    /** The longest id: ids become file names and must stay short on every platform. */
    public static final int MAX_ID_LENGTH = 64;

    static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public StyleManifest {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be >= 1, got " + formatVersion);
        }
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid style id " + quote(id) + ": " + ID_RULE);
        }
        name = requireText(name, "name");
        description = description == null ? "" : description;
        author = requireText(author, "author");
        license = requireText(license, "license");
        attribution = attribution == null ? "" : attribution;
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(input, "input");
        if (sizeMultiple < 1) {
            throw new IllegalArgumentException("sizeMultiple must be >= 1, got " + sizeMultiple);
        }
        if (!isValidWorkingEdge(workingEdge)) {
            throw new IllegalArgumentException("invalid workingEdge " + workingEdge + ": " + WORKING_EDGE_RULE);
        }
        training = training == null ? Training.UNKNOWN : training;
        Objects.requireNonNull(createdAt, "createdAt");
        weights = requireText(weights, "weights");
        thumbnail = requireText(thumbnail, "thumbnail");
    }

    static final String ID_RULE = "an id is 1 to " + MAX_ID_LENGTH
            + " lowercase letters, digits and dashes, starting with a letter or digit";

    /** What {@link #isValidWorkingEdge} checks, for messages. */
    public static final String WORKING_EDGE_RULE = "it must be 0 (any size) or at least " + MIN_WORKING_EDGE + " pixels";

    /** Whether {@code edge} is a valid {@link #workingEdge()}: 0, or at least {@link #MIN_WORKING_EDGE}. */
    public static boolean isValidWorkingEdge(int edge) {
        return edge == 0 || edge >= MIN_WORKING_EDGE;
    }

    /** Whether {@code id} is a valid style id. */
    public static boolean isValidId(String id) {
        return id != null && id.length() <= MAX_ID_LENGTH && ID_PATTERN.matcher(id).matches();
    }

    /**
     * A manifest in the current format for a style of the given generator, with the standard entry names,
     * the engine's input normalization and the architecture's size multiple filled in.
     */
    public static Builder builder(String id, String name, GeneratorSpec spec) {
        return new Builder(id, name, spec);
    }

    /**
     * The generator this manifest describes.
     *
     * @throws dev.toonsmith.engine.model.InvalidArchitectureException if this version does not know the
     *     architecture or its hyperparameters
     */
    public GeneratorSpec spec() {
        return Architectures.asWritten(architecture.name(), architecture.hyperparameters());
    }

    /** The manifest as written into a style file: UTF-8 JSON, fields in a fixed order. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", formatVersion);
        root.put("id", id);
        root.put("name", name);
        root.put("description", description);
        root.put("author", author);
        root.put("license", license);
        root.put("attribution", attribution);
        ObjectNode arch = root.putObject("architecture");
        arch.put("name", architecture.name());
        arch.set("hyperparameters", JSON.valueToTree(architecture.hyperparameters()));
        ObjectNode in = root.putObject("input");
        in.put("colorOrder", input.colorOrder());
        ArrayNode range = in.putArray("range");
        addNumber(range, input.low());
        addNumber(range, input.high());
        root.put("sizeMultiple", sizeMultiple);
        if (workingEdge > 0) {
            root.put("workingEdge", workingEdge);
        }
        ObjectNode train = root.putObject("training");
        train.put("summary", training.summary());
        train.put("steps", training.steps());
        train.put("mode", training.mode());
        ArrayNode datasets = train.putArray("datasets");
        training.datasets().forEach(datasets::add);
        root.put("createdAt", createdAt.toString());
        root.put("weights", weights);
        root.put("thumbnail", thumbnail);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            // A tree of plain values always serializes; reaching this is a bug, not a user error.
            throw new UncheckedIOException(e);
        }
    }

    private static void addNumber(ArrayNode array, double value) {
        // Whole numbers are written as integers so that the file reads [-1, 1] rather than [-1.0, 1.0].
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            array.add(value);
        }
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /**
     * The generator architecture the weights are for.
     *
     * @param name a name registered in {@link Architectures}
     * @param hyperparameters its hyperparameters, JSON values (numbers, booleans, strings)
     */
    public record Architecture(String name, Map<String, Object> hyperparameters) {

        public Architecture {
            Objects.requireNonNull(name, "name");
            // Insertion order is kept so that a manifest is rewritten as it was read.
            hyperparameters = hyperparameters == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        }

        /** The architecture of a spec, with every hyperparameter spelled out. */
        public static Architecture of(GeneratorSpec spec) {
            return new Architecture(spec.architecture(), spec.hyperparameters());
        }
    }

    /**
     * How the generator expects its input pixels: channel order and the value range that 0 and 255 map to.
     * Only {@link #ENGINE} is supported; the field exists so that a style trained with another
     * normalization is refused instead of producing washed-out or inverted colors.
     */
    public record Input(String colorOrder, double low, double high) {

        /** What every generator of this engine takes: RGB scaled to [-1, 1]. */
        public static final Input ENGINE = new Input("RGB", -1, 1);

        public Input {
            Objects.requireNonNull(colorOrder, "colorOrder");
        }
    }

    /**
     * How the style was trained, for credits and for deciding whether to train it further.
     *
     * @param summary free text, may be empty
     * @param steps optimizer steps taken, 0 when unknown
     * @param mode the training mode, or null when unknown
     * @param datasets names or URLs of the data sets used, for attribution
     */
    public record Training(String summary, long steps, String mode, List<String> datasets) {

        /** Nothing known about the training, e.g. for weights converted from elsewhere. */
        public static final Training UNKNOWN = new Training("", 0, null, List.of());

        public Training {
            summary = summary == null ? "" : summary;
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
        }
    }

    /** Fills in what a new style's manifest can derive itself; see {@link #builder}. */
    public static final class Builder {

        private final String id;
        private final String name;
        private final GeneratorSpec spec;
        private String description = "";
        private String author;
        private String license;
        private String attribution = "";
        private Training training = Training.UNKNOWN;
        private Instant createdAt;
        private int workingEdge;
        private String weightsEntry = WEIGHTS_ENTRY;

        private Builder(String id, String name, GeneratorSpec spec) {
            this.id = id;
            this.name = name;
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        /** An SPDX license identifier such as {@code CC0-1.0} or {@code CC-BY-4.0}. */
        public Builder license(String license) {
            this.license = license;
            return this;
        }

        public Builder attribution(String attribution) {
            this.attribution = attribution;
            return this;
        }

        public Builder training(Training training) {
            this.training = training;
            return this;
        }

        /** See {@link StyleManifest#workingEdge()}; defaults to 0 (any size). */
        public Builder workingEdge(int workingEdge) {
            this.workingEdge = workingEdge;
            return this;
        }

        /** Defaults to now. */
        /** The zip entry of the weights or, for an imported model, the model file; default {@value #WEIGHTS_ENTRY}. */
        public Builder weightsEntry(String entry) {
            this.weightsEntry = Objects.requireNonNull(entry, "entry");
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** @throws IllegalArgumentException if the id is not a valid slug or a required text is empty */
        public StyleManifest build() {
            Instant created = createdAt != null ? createdAt : Instant.now();
            return new StyleManifest(FORMAT_VERSION, id, name, description, author, license, attribution,
                    Architecture.of(spec), Input.ENGINE, spec.sizeMultiple(), workingEdge, training,
                    created.truncatedTo(ChronoUnit.SECONDS), weightsEntry, THUMBNAIL_ENTRY);
        }
    }
}
