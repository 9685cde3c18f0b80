package dev.toonsmith.engine.post;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toonsmith.engine.post.PostSettings.Adjust;
import dev.toonsmith.engine.post.PostSettings.Filter;
import dev.toonsmith.engine.post.PostSettings.OutlineMode;
import dev.toonsmith.engine.post.PostSettings.Outlines;
import dev.toonsmith.engine.post.PostSettings.Quantize;
import dev.toonsmith.engine.post.PostSettings.Rgb;
import dev.toonsmith.engine.post.PostSettings.Smooth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Preset files, format {@value #FORMAT_VERSION}:
 *
 * <pre>{@code
 * {
 *   "name": "Comic ink", "description": "...", "formatVersion": 1,
 *   "smooth":   {"filter": "bilateral", "diameter": 5, "sigmaColor": 60, "sigmaSpace": 2.5, "passes": 3},
 *   "quantize": {"colors": 10, "seed": 1},
 *   "adjust":   {"saturation": 1.3, "contrast": 1.15, "brightness": 0},
 *   "outlines": {"lowThreshold": 35, "highThreshold": 90, "width": 3, "blur": 2, "color": "#000000",
 *                "opacity": 1, "mode": "ink"}
 * }
 * }</pre>
 *
 * <p>The guided filter takes {@code "radius"} and {@code "eps"} instead of the bilateral fields. A missing
 * step is off; a present step is on unless it says {@code "enabled": false} (how a step switched
 * off in the UI keeps its values). A missing field within a step takes the value of the step's {@code OFF}
 * constant in {@link PostSettings}. Enum values are case-insensitive.
 *
 * <p>Read field by field from a JSON tree rather than by data binding, so that every refusal names the field
 * (users write these files by hand): unknown steps and fields, wrong types and out-of-range values are all
 * refused. Stateless; any thread.
 */
final class PresetJson {

    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final List<String> STEPS = List.of("smooth", "quantize", "adjust", "outlines");
    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "formatVersion", "smooth", "quantize",
            "adjust", "outlines");
    private static final List<String> SMOOTH_FIELDS =
            List.of("enabled", "filter", "diameter", "sigmaColor", "sigmaSpace", "passes", "radius", "eps");
    private static final List<String> QUANTIZE_FIELDS = List.of("enabled", "colors", "seed");
    private static final List<String> ADJUST_FIELDS = List.of("enabled", "saturation", "contrast", "brightness");
    private static final List<String> OUTLINE_FIELDS = List.of("enabled", "lowThreshold", "highThreshold", "width",
            "blur", "color", "opacity", "mode");

    /** The contents of a preset file. */
    record Contents(String name, String description, PostSettings settings) {}

    private final Path file;

    private PresetJson(Path file) {
        this.file = file;
    }

    /**
     * Parses and checks a preset file.
     *
     * @param file the file or resource name, for messages
     */
    static Contents read(byte[] json, Path file) throws PresetFormatException {
        return new PresetJson(file).read(json);
    }

    /** The preset as a file's bytes: UTF-8 JSON, indented, fields in a fixed order. */
    static byte[] write(String name, String description, PostSettings settings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("description", description);
        root.put("formatVersion", FORMAT_VERSION);
        putStep(root, "smooth", smooth(settings.smooth()), settings.smooth().enabled(),
                settings.smooth().equals(Smooth.OFF));
        putStep(root, "quantize", quantize(settings.quantize()), settings.quantize().enabled(),
                settings.quantize().equals(Quantize.OFF));
        putStep(root, "adjust", adjust(settings.adjust()), settings.adjust().enabled(),
                settings.adjust().equals(Adjust.OFF));
        putStep(root, "outlines", outlines(settings.outlines()), settings.outlines().enabled(),
                settings.outlines().equals(Outlines.OFF));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    /** Enabled steps are written; a disabled one only if it holds values to come back to. */
    private static void putStep(ObjectNode root, String step, ObjectNode fields, boolean enabled, boolean isOff) {
        if (enabled) {
            root.set(step, fields);
        } else if (!isOff) {
            ObjectNode disabled = JSON.createObjectNode();
            disabled.put("enabled", false);
            disabled.setAll(fields);
            root.set(step, disabled);
        }
    }

    private static ObjectNode smooth(Smooth s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("filter", s.filter().name().toLowerCase(Locale.ROOT));
        boolean bilateral = s.filter() == Filter.BILATERAL;
        // The other filter's values are written only when they are not the defaults, to keep files readable.
        if (bilateral || s.diameter() != Smooth.OFF.diameter()) {
            n.put("diameter", s.diameter());
        }
        if (bilateral || s.sigmaColor() != Smooth.OFF.sigmaColor()) {
            n.put("sigmaColor", s.sigmaColor());
        }
        if (bilateral || s.sigmaSpace() != Smooth.OFF.sigmaSpace()) {
            n.put("sigmaSpace", s.sigmaSpace());
        }
        if (bilateral || s.passes() != Smooth.OFF.passes()) {
            n.put("passes", s.passes());
        }
        if (!bilateral || s.radius() != Smooth.OFF.radius()) {
            n.put("radius", s.radius());
        }
        if (!bilateral || s.eps() != Smooth.OFF.eps()) {
            n.put("eps", s.eps());
        }
        return n;
    }

    private static ObjectNode quantize(Quantize q) {
        ObjectNode n = JSON.createObjectNode();
        n.put("colors", q.colors());
        n.put("seed", q.seed());
        return n;
    }

    private static ObjectNode adjust(Adjust a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("saturation", a.saturation());
        n.put("contrast", a.contrast());
        n.put("brightness", a.brightness());
        return n;
    }

    private static ObjectNode outlines(Outlines o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("lowThreshold", o.lowThreshold());
        n.put("highThreshold", o.highThreshold());
        n.put("width", o.width());
        n.put("blur", o.blur());
        n.put("color", o.color().toHex());
        n.put("opacity", o.opacity());
        n.put("mode", o.mode().name().toLowerCase(Locale.ROOT));
        return n;
    }

    private Contents read(byte[] json) throws PresetFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PresetFormatException(file, null, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PresetFormatException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PresetFormatException(file, null, "a preset must be a JSON object, not " + describe(root));
        }

        // The version comes first: a newer format may have changed everything else.
        JsonNode version = root.get("formatVersion");
        if (version == null || version.isNull()) {
            throw new PresetFormatException(file, "formatVersion", "formatVersion is missing");
        }
        int formatVersion = integer("formatVersion", version);
        if (formatVersion > FORMAT_VERSION) {
            throw new PresetFormatException(file, "formatVersion", "it uses preset format " + formatVersion
                    + " but this Toonsmith reads format " + FORMAT_VERSION + "; update Toonsmith to use it");
        }
        if (formatVersion < 1) {
            throw new PresetFormatException(file, "formatVersion",
                    "formatVersion must be at least 1, got " + formatVersion);
        }

        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new PresetFormatException(file, key, "'" + key + "' is not a step or field of a preset "
                        + "(fields: name, description, formatVersion; steps: " + String.join(", ", STEPS) + ")");
            }
        }

        String name = text("name", root.get("name"), null);
        if (name == null || name.isBlank()) {
            throw new PresetFormatException(file, "name", "name is missing or empty");
        }
        String description = text("description", root.get("description"), "");

        try {
            PostSettings settings = new PostSettings(smooth(root.get("smooth")), quantize(root.get("quantize")),
                    adjust(root.get("adjust")), outlines(root.get("outlines")));
            return new Contents(name.strip(), description, settings);
        } catch (PostSettings.InvalidField e) {
            throw new PresetFormatException(file, e.field, e.getMessage(), e);
        }
    }

    private Smooth smooth(JsonNode node) throws PresetFormatException {
        if (!present(node)) {
            return Smooth.OFF;
        }
        checkFields("smooth", node, SMOOTH_FIELDS);
        Smooth d = Smooth.OFF;
        return new Smooth(
                bool("smooth.enabled", node.get("enabled"), true),
                choice("smooth.filter", node.get("filter"), Filter.class, d.filter()),
                integer("smooth.diameter", node.get("diameter"), d.diameter()),
                number("smooth.sigmaColor", node.get("sigmaColor"), d.sigmaColor()),
                number("smooth.sigmaSpace", node.get("sigmaSpace"), d.sigmaSpace()),
                integer("smooth.passes", node.get("passes"), d.passes()),
                integer("smooth.radius", node.get("radius"), d.radius()),
                number("smooth.eps", node.get("eps"), d.eps()));
    }

    private Quantize quantize(JsonNode node) throws PresetFormatException {
        if (!present(node)) {
            return Quantize.OFF;
        }
        checkFields("quantize", node, QUANTIZE_FIELDS);
        Quantize d = Quantize.OFF;
        return new Quantize(
                bool("quantize.enabled", node.get("enabled"), true),
                integer("quantize.colors", node.get("colors"), d.colors()),
                integer("quantize.seed", node.get("seed"), d.seed()));
    }

    private Adjust adjust(JsonNode node) throws PresetFormatException {
        if (!present(node)) {
            return Adjust.OFF;
        }
        checkFields("adjust", node, ADJUST_FIELDS);
        Adjust d = Adjust.OFF;
        return new Adjust(
                bool("adjust.enabled", node.get("enabled"), true),
                number("adjust.saturation", node.get("saturation"), d.saturation()),
                number("adjust.contrast", node.get("contrast"), d.contrast()),
                number("adjust.brightness", node.get("brightness"), d.brightness()));
    }

    private Outlines outlines(JsonNode node) throws PresetFormatException {
        if (!present(node)) {
            return Outlines.OFF;
        }
        checkFields("outlines", node, OUTLINE_FIELDS);
        Outlines d = Outlines.OFF;
        return new Outlines(
                bool("outlines.enabled", node.get("enabled"), true),
                number("outlines.lowThreshold", node.get("lowThreshold"), d.lowThreshold()),
                number("outlines.highThreshold", node.get("highThreshold"), d.highThreshold()),
                integer("outlines.width", node.get("width"), d.width()),
                number("outlines.blur", node.get("blur"), d.blur()),
                colour("outlines.color", node.get("color"), d.color()),
                number("outlines.opacity", node.get("opacity"), d.opacity()),
                choice("outlines.mode", node.get("mode"), OutlineMode.class, d.mode()));
    }

    private boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private void checkFields(String step, JsonNode node, List<String> known) throws PresetFormatException {
        if (!node.isObject()) {
            throw wrongType(step, node, "an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new PresetFormatException(file, step + "." + key, step + "." + key + " is not a setting of "
                        + step + " (settings: " + String.join(", ", known) + ")");
            }
        }
    }

    private int integer(String field, JsonNode node) throws PresetFormatException {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(field, node, "a whole number");
        }
        return node.intValue();
    }

    private int integer(String field, JsonNode node, int absent) throws PresetFormatException {
        return present(node) ? integer(field, node) : absent;
    }

    private double number(String field, JsonNode node, double absent) throws PresetFormatException {
        if (!present(node)) {
            return absent;
        }
        if (!node.isNumber()) {
            throw wrongType(field, node, "a number");
        }
        return node.doubleValue();
    }

    private boolean bool(String field, JsonNode node, boolean absent) throws PresetFormatException {
        if (!present(node)) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw wrongType(field, node, "true or false");
        }
        return node.booleanValue();
    }

    private String text(String field, JsonNode node, String absent) throws PresetFormatException {
        if (!present(node)) {
            return absent;
        }
        if (!node.isTextual()) {
            throw wrongType(field, node, "a string");
        }
        return node.textValue();
    }

    private <E extends Enum<E>> E choice(String field, JsonNode node, Class<E> type, E absent)
            throws PresetFormatException {
        String value = text(field, node, null);
        if (value == null) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new PresetFormatException(file, field, field + " must be one of " + allowed + ", got " + describe(node));
    }

    private Rgb colour(String field, JsonNode node, Rgb absent) throws PresetFormatException {
        String value = text(field, node, null);
        if (value == null) {
            return absent;
        }
        try {
            return Rgb.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new PresetFormatException(file, field,
                    field + " must be a colour written #rrggbb, such as #000000 for black, got " + describe(node));
        }
    }

    private PresetFormatException wrongType(String field, JsonNode node, String expected) {
        return new PresetFormatException(file, field, field + " must be " + expected + ", got " + describe(node));
    }

    /** A short rendering of a JSON value for messages. */
    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
