package dev.toonsmith.engine.style;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code manifest.json} field by field from a JSON tree rather than by data binding, so that every
 * refusal names the exact field (such as {@code architecture.name}) and says what was expected: users see
 * these messages when they open a style someone sent them.
 */
final class ManifestReader {

    static final String DAMAGED = "the style is damaged or was not made by Toonsmith; ask its author for a new copy";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path file;

    private ManifestReader(Path file) {
        this.file = file;
    }

    /**
     * Parses and checks a manifest on its own (the architecture is checked against the weights elsewhere).
     *
     * @param file the style file, only for messages; null for a style in memory
     */
    static StyleManifest read(byte[] json, Path file) throws StyleFormatException {
        return new ManifestReader(file).read(json);
    }

    private StyleManifest read(byte[] json) throws StyleFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new StyleFormatException(file,
                    StyleManifest.MANIFEST_ENTRY + " is not valid JSON" + where + ": " + e.getOriginalMessage(), DAMAGED, e);
        } catch (IOException e) {
            throw new StyleFormatException(file, StyleManifest.MANIFEST_ENTRY + " cannot be read: " + e.getMessage(), DAMAGED, e);
        }
        if (root == null || !root.isObject()) {
            throw new StyleFormatException(file,
                    StyleManifest.MANIFEST_ENTRY + " must hold a JSON object, not " + describe(root), DAMAGED);
        }

        // The version comes first: a newer format may have renamed every other field, and "update Toonsmith"
        // is then the only useful message.
        int formatVersion = integer(root, "formatVersion");
        if (formatVersion > StyleManifest.FORMAT_VERSION) {
            throw new StyleFormatException(file,
                    "it uses style format " + formatVersion + "; this Toonsmith reads format "
                            + StyleManifest.FORMAT_VERSION + " or older",
                    "update Toonsmith to use this style");
        }
        if (formatVersion < 1) {
            throw invalid("formatVersion", root.get("formatVersion"), "format versions start at 1");
        }

        String id = text(root, "id");
        if (!StyleManifest.isValidId(id)) {
            throw invalid("id", root.get("id"), StyleManifest.ID_RULE);
        }
        String name = nonBlank(root, "name");
        String description = optionalText(root, "description", "");
        String author = nonBlank(root, "author");
        String license = nonBlank(root, "license");
        String attribution = optionalText(root, "attribution", "");

        JsonNode arch = object(root, "architecture");
        String architectureName = nonBlank(arch, "architecture.name");
        Map<String, Object> hyperparameters = Map.of();
        JsonNode h = arch.get("hyperparameters");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) {
                throw wrongType("architecture.hyperparameters", h, "an object");
            }
            hyperparameters = JSON.convertValue(h, new TypeReference<LinkedHashMap<String, Object>>() {});
        }

        StyleManifest.Input input = input(object(root, "input"));
        int sizeMultiple = integer(root, "sizeMultiple");
        if (sizeMultiple < 1) {
            throw invalid("sizeMultiple", root.get("sizeMultiple"), "it must be at least 1");
        }
        int workingEdge = 0;
        if (root.hasNonNull("workingEdge")) {
            workingEdge = integer(root, "workingEdge");
            if (!StyleManifest.isValidWorkingEdge(workingEdge)) {
                throw invalid("workingEdge", root.get("workingEdge"), StyleManifest.WORKING_EDGE_RULE);
            }
        }
        StyleManifest.Training training = training(root);
        Instant createdAt = instant(root, "createdAt");
        String weights = entryName(root, "weights");
        String thumbnail = entryName(root, "thumbnail");

        return new StyleManifest(formatVersion, id, name, description, author, license, attribution,
                new StyleManifest.Architecture(architectureName, hyperparameters), input, sizeMultiple, workingEdge, training,
                createdAt, weights, thumbnail);
    }

    private StyleManifest.Input input(JsonNode in) throws StyleFormatException {
        String colorOrder = text(in, "input.colorOrder");
        StyleManifest.Input engine = StyleManifest.Input.ENGINE;
        if (!engine.colorOrder().equals(colorOrder)) {
            throw unsupported("input.colorOrder", in.get("colorOrder"), "\"" + engine.colorOrder() + "\"");
        }
        JsonNode range = require(in, "input.range");
        if (!range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()) {
            throw wrongType("input.range", range, "an array of two numbers such as [-1, 1]");
        }
        if (range.get(0).doubleValue() != engine.low() || range.get(1).doubleValue() != engine.high()) {
            throw unsupported("input.range", range, "[-1, 1]");
        }
        return engine;
    }

    private StyleManifest.Training training(JsonNode root) throws StyleFormatException {
        JsonNode t = root.get("training");
        if (t == null || t.isNull()) {
            return StyleManifest.Training.UNKNOWN;
        }
        if (!t.isObject()) {
            throw wrongType("training", t, "an object");
        }
        String summary = optionalText(t, "training.summary", "");
        long steps = 0;
        JsonNode s = t.get("steps");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                throw wrongType("training.steps", s, "a whole number");
            }
            steps = s.longValue();
            if (steps < 0) {
                throw invalid("training.steps", s, "it cannot be negative");
            }
        }
        String mode = optionalText(t, "training.mode", null);
        List<String> datasets = new ArrayList<>();
        JsonNode d = t.get("datasets");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                throw wrongType("training.datasets", d, "an array of strings");
            }
            for (int i = 0; i < d.size(); i++) {
                if (!d.get(i).isTextual()) {
                    throw wrongType("training.datasets[" + i + "]", d.get(i), "a string");
                }
                datasets.add(d.get(i).textValue());
            }
        }
        return new StyleManifest.Training(summary, steps, mode, datasets);
    }

    private Instant instant(JsonNode parent, String path) throws StyleFormatException {
        String value = text(parent, path);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                // Instant.parse only takes UTC ("Z"); tools in other time zones write an offset.
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw invalid(path, parent.get(leaf(path)),
                        "it must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
            }
        }
    }

    /** An entry of the zip: a plain name, so that a manifest cannot point outside the style. */
    private String entryName(JsonNode parent, String path) throws StyleFormatException {
        String value = nonBlank(parent, path);
        if (value.contains("/") || value.contains("\\") || value.equals(".") || value.equals("..")) {
            throw invalid(path, parent.get(leaf(path)), "it must name a file at the top of the style archive");
        }
        return value;
    }

    private JsonNode require(JsonNode parent, String path) throws StyleFormatException {
        JsonNode node = parent.get(leaf(path));
        if (node == null || node.isNull()) {
            throw new StyleFormatException(file, "manifest field '" + path + "' is missing", DAMAGED);
        }
        return node;
    }

    private JsonNode object(JsonNode parent, String path) throws StyleFormatException {
        JsonNode node = require(parent, path);
        if (!node.isObject()) {
            throw wrongType(path, node, "an object");
        }
        return node;
    }

    private String text(JsonNode parent, String path) throws StyleFormatException {
        JsonNode node = require(parent, path);
        if (!node.isTextual()) {
            throw wrongType(path, node, "a string");
        }
        return node.textValue();
    }

    private String nonBlank(JsonNode parent, String path) throws StyleFormatException {
        String value = text(parent, path);
        if (value.isBlank()) {
            throw new StyleFormatException(file, "manifest field '" + path + "' is empty", DAMAGED);
        }
        return value;
    }

    private String optionalText(JsonNode parent, String path, String defaultValue) throws StyleFormatException {
        JsonNode node = parent.get(leaf(path));
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isTextual()) {
            throw wrongType(path, node, "a string");
        }
        return node.textValue();
    }

    private int integer(JsonNode parent, String path) throws StyleFormatException {
        JsonNode node = require(parent, path);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(path, node, "a whole number");
        }
        return node.intValue();
    }

    private StyleFormatException wrongType(String path, JsonNode node, String expected) {
        return new StyleFormatException(file,
                "manifest field '" + path + "' must be " + expected + ", not " + describe(node), DAMAGED);
    }

    private StyleFormatException invalid(String path, JsonNode node, String rule) {
        return new StyleFormatException(file,
                "manifest field '" + path + "' is invalid (" + describe(node) + "): " + rule, DAMAGED);
    }

    private StyleFormatException unsupported(String path, JsonNode node, String supported) {
        return new StyleFormatException(file,
                "manifest field '" + path + "' is " + describe(node) + " but this Toonsmith only supports " + supported,
                "the style was made for another program or a newer Toonsmith; update Toonsmith or ask its author");
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** A short rendering of a JSON value for messages; long values are cut so that messages stay readable. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
