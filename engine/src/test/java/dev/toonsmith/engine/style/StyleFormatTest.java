package dev.toonsmith.engine.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.LiteSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way a style file can be broken gets its own message. */
class StyleFormatTest {

    private static final LiteSpec SPEC = new LiteSpec(4, 1, true);
    private static final String FIRST_PARAMETER = "01body_01in_02conv_weight";

    @TempDir
    Path dir;

    @Test
    void notAZip() throws Exception {
        Path file = Files.writeString(dir.resolve("photo.toon"), "this is a text file, not a style");
        StyleFormatException e = refused(file);
        assertEquals(file + " is not a Toonsmith style: it is not a zip archive. "
                + "Choose a .toon file exported by Toonsmith.", e.getMessage());
        assertEquals("it is not a zip archive", e.problem());
    }

    @Test
    void emptyFileIsNotAZip() throws Exception {
        Path file = Files.write(dir.resolve("empty.toon"), new byte[0]);
        assertMessage(file, "is not a Toonsmith style: it is not a zip archive");
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError() {
        Exception e = assertThrows(NoSuchFileException.class,
                () -> StyleBundle.read(dir.resolve("absent.toon")));
        assertTrue(e.getMessage().contains("absent.toon"));
    }

    @Test
    void noManifest() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.remove(StyleManifest.MANIFEST_ENTRY);
        assertMessage(zip(entries), "it has no manifest.json");
    }

    @Test
    void manifestIsNotJson() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.MANIFEST_ENTRY, "{\n  \"id\": \"x\",\n  oops\n}".getBytes(StandardCharsets.UTF_8));
        assertMessage(zip(entries), "manifest.json is not valid JSON at line 3, column");
    }

    @Test
    void manifestIsNotAnObject() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.MANIFEST_ENTRY, "[1, 2]".getBytes(StandardCharsets.UTF_8));
        assertMessage(zip(entries), "manifest.json must hold a JSON object, not [1,2]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"formatVersion", "id", "name", "author", "license", "architecture", "architecture.name",
            "input", "input.colorOrder", "input.range", "sizeMultiple", "createdAt", "weights", "thumbnail"})
    void missingRequiredField(String path) throws Exception {
        Path file = withManifest(json -> {
            int dot = path.lastIndexOf('.');
            ObjectNode parent = dot < 0 ? json : (ObjectNode) json.get(path.substring(0, dot));
            parent.remove(path.substring(dot + 1));
        });
        StyleFormatException e = assertMessage(file, "manifest field '" + path + "' is missing");
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith("Style " + file + ": "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"description", "attribution", "training"})
    void optionalFieldsMayBeAbsent(String field) throws Exception {
        StyleBundle bundle = StyleBundle.read(withManifest(json -> json.remove(field)));
        assertEquals("round", bundle.manifest().id());
    }

    @Test
    void nullCountsAsMissing() throws Exception {
        assertMessage(withManifest(json -> ((ObjectNode) json.get("architecture")).putNull("name")),
                "manifest field 'architecture.name' is missing");
    }

    @Test
    void fieldOfTheWrongType() throws Exception {
        assertMessage(withManifest(json -> json.put("sizeMultiple", "four")),
                "manifest field 'sizeMultiple' must be a whole number, not \"four\"");
        assertMessage(withManifest(json -> json.put("name", 3)), "manifest field 'name' must be a string, not 3");
        assertMessage(withManifest(json -> ((ObjectNode) json.get("training")).put("steps", 1.5)),
                "manifest field 'training.steps' must be a whole number, not 1.5");
        assertMessage(withManifest(json -> ((ObjectNode) json.get("training")).putArray("datasets").add(7)),
                "manifest field 'training.datasets[0]' must be a string, not 7");
    }

    @Test
    void invalidValues() throws Exception {
        assertMessage(withManifest(json -> json.put("id", "Not A Slug")),
                "manifest field 'id' is invalid (\"Not A Slug\"): an id is 1 to 64 lowercase letters");
        assertMessage(withManifest(json -> json.put("name", "  ")), "manifest field 'name' is empty");
        assertMessage(withManifest(json -> json.put("createdAt", "yesterday")),
                "manifest field 'createdAt' is invalid (\"yesterday\"): it must be an ISO-8601 instant");
        assertMessage(withManifest(json -> json.put("weights", "../evil.safetensors")),
                "manifest field 'weights' is invalid");
        assertMessage(withManifest(json -> json.put("formatVersion", 0)),
                "manifest field 'formatVersion' is invalid (0)");
        assertMessage(withManifest(json -> json.put("workingEdge", 32)),
                "manifest field 'workingEdge' is invalid (32): it must be 0 (any size) or at least 128 pixels");
    }

    @Test
    void workingEdgeIsReadAndDefaultsToAnySize() throws Exception {
        assertEquals(1024, StyleBundle.read(withManifest(json -> json.put("workingEdge", 1024))).manifest().workingEdge());
        assertEquals(0, StyleBundle.read(withManifest(json -> json.remove("workingEdge"))).manifest().workingEdge());
        StyleManifest written = StyleManifest.builder("edge", "Edge", SPEC).author("a").license("CC0-1.0")
                .workingEdge(768).build();
        assertTrue(new String(written.toJson(), java.nio.charset.StandardCharsets.UTF_8).contains("\"workingEdge\" : 768"));
    }

    @Test
    void newerFormatVersion() throws Exception {
        // A newer format may change anything else too: the version must be what the user hears about.
        Path file = withManifest(json -> {
            json.put("formatVersion", 2);
            json.remove("architecture");
        });
        StyleFormatException e = assertMessage(file,
                "it uses style format 2; this Toonsmith reads format 1 or older. Update Toonsmith");
        assertEquals(file, e.file());
    }

    @Test
    void unknownArchitecture() throws Exception {
        assertMessage(withManifest(json -> ((ObjectNode) json.get("architecture")).put("name", "nope")),
                "unknown architecture 'nope' (this version knows lite, cartoongan)");
    }

    @Test
    void unknownHyperparameter() throws Exception {
        assertMessage(withManifest(json -> ((ObjectNode) json.get("architecture").get("hyperparameters")).put("depth", 3)),
                "lite has no hyperparameter [depth]");
    }

    @Test
    void sizeMultipleMustMatchTheArchitecture() throws Exception {
        assertMessage(withManifest(json -> json.put("sizeMultiple", 8)),
                "manifest field 'sizeMultiple' is 8 but lite(width=4, residualBlocks=1, residual=true, detail=true, refine=1, ink=true, flatten=0, palette=0) needs 4");
    }

    @Test
    void unsupportedInputNormalization() throws Exception {
        assertMessage(withManifest(json -> ((ObjectNode) json.get("input")).put("colorOrder", "BGR")),
                "manifest field 'input.colorOrder' is \"BGR\" but this Toonsmith only supports \"RGB\"");
        assertMessage(withManifest(json -> ((ObjectNode) json.get("input")).putArray("range").add(0).add(1)),
                "manifest field 'input.range' is [0,1] but this Toonsmith only supports [-1, 1]");
        assertMessage(withManifest(json -> ((ObjectNode) json.get("input")).put("range", "-1..1")),
                "manifest field 'input.range' must be an array of two numbers");
    }

    @Test
    void unknownFieldsAndOffsetTimesAreAccepted() throws Exception {
        StyleBundle bundle = StyleBundle.read(withManifest(json -> {
            json.put("futureField", true);
            json.put("createdAt", "2024-05-01T14:00:00+02:00");
        }));
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), bundle.manifest().createdAt());
    }

    @Test
    void missingWeights() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.remove(StyleManifest.WEIGHTS_ENTRY);
        assertMessage(zip(entries),
                "it has no weights: the entry 'generator.safetensors' named by the manifest is missing");
    }

    @Test
    void weightsOfAWiderGenerator() throws Exception {
        // Weights of width 4 under a manifest that says width 8: same names, other shapes.
        StyleManifest wide = StyleFixtures.manifest(new LiteSpec(8, 1, true), "round", "Round");
        Path file = zip(StyleFixtures.entries(wide.toJson(), StyleFixtures.weights(SPEC), StyleFixtures.png()));
        assertMessage(file, "generator.safetensors does not fit lite(width=8, residualBlocks=1, residual=true, detail=true, refine=1, ink=true, flatten=0, palette=0): "
                + "parameter '" + FIRST_PARAMETER + "' has shape (4, 3, 7, 7) in the weights but the architecture needs (8, 3, 7, 7)");
    }

    @Test
    void weightsMissingAParameter() throws Exception {
        byte[] weights = StyleFixtures.weights(SPEC, name -> !name.equals("04head_02conv_bias"), a -> a);
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.WEIGHTS_ENTRY, weights);
        assertMessage(zip(entries), "does not fit lite(width=4, residualBlocks=1, residual=true, detail=true, refine=1, ink=true, flatten=0, palette=0): "
                + "1 parameter is missing (04head_02conv_bias)");
    }

    @Test
    void weightsHoldingNaNAreRefusedAtLoadNotDrawnAsAWhitePicture() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.WEIGHTS_ENTRY, StyleFixtures.weights(SPEC, name -> true, a -> a.mul(Float.NaN)));
        assertMessage(zip(entries), "generator.safetensors holds NaN or infinite values (in '");
        entries.put(StyleManifest.WEIGHTS_ENTRY, StyleFixtures.weights(SPEC, name -> true,
                a -> a.add(Float.POSITIVE_INFINITY)));
        assertMessage(zip(entries), "holds NaN or infinite values");
    }

    @Test
    void finiteWeightsThatDrawNaNAreAnErrorNamingTheStyle() throws Exception {
        // Weights so large that the activations overflow: the file is fine, the drawing is not.
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.WEIGHTS_ENTRY, StyleFixtures.weights(SPEC, name -> true, a -> a.mul(1e30f)));
        StyleBundle bundle = StyleBundle.read(zip(entries));
        try (dev.toonsmith.engine.infer.Stylizer stylizer = dev.toonsmith.engine.infer.Stylizer.load(bundle,
                dev.toonsmith.engine.runtime.DevicePreference.CPU);
                dev.toonsmith.engine.image.Image photo = dev.toonsmith.engine.image.Image.wrap(
                        new org.opencv.core.Mat(40, 48, org.opencv.core.CvType.CV_8UC3,
                                new org.opencv.core.Scalar(30, 120, 200)))) {
            dev.toonsmith.engine.infer.NonFiniteOutputException e = assertThrows(
                    dev.toonsmith.engine.infer.NonFiniteOutputException.class,
                    () -> stylizer.stylize(photo, dev.toonsmith.engine.infer.StylizeOptions.defaults()));
            assertTrue(e.getMessage().contains("'Round'") && e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void aHugeThumbnailIsRefusedFromItsHeaderBeforeAnythingDecodesIt() throws Exception {
        byte[] png = StyleFixtures.png();
        // IHDR's width and height, big-endian, at bytes 16 and 20: a 30000x30000 image in a few bytes.
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(30000).putInt(30000);
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.THUMBNAIL_ENTRY, png);
        assertMessage(zip(entries), "is 30000x30000 pixels; a thumbnail is at most 4096 pixels a side");
    }

    @Test
    void weightsOfAnotherArchitecture() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.WEIGHTS_ENTRY, StyleFixtures.weights(new CartoonGanSpec(4, 1)));
        StyleFormatException e = refused(zip(entries));
        assertTrue(e.getMessage().contains("parameters are missing (" + FIRST_PARAMETER), e.getMessage());
        assertTrue(e.getMessage().contains("parameters are unexpected (01in_02conv_weight"), e.getMessage());
        assertTrue(e.getMessage().contains(" more)"), e.getMessage());
    }

    @Test
    void weightsInHalfPrecision() throws Exception {
        byte[] weights = StyleFixtures.weights(SPEC, name -> true, a -> a.toType(DataType.FLOAT16, false));
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.WEIGHTS_ENTRY, weights);
        assertMessage(zip(entries), "parameter '" + FIRST_PARAMETER + "' is stored as F16 but Toonsmith needs F32 (float32)");
    }

    @Test
    void safetensorsHeaderLengthBeyondTheFile() throws Exception {
        byte[] weights = StyleFixtures.weights(SPEC);
        weights[6] = 1; // a header length of about 2^48 bytes
        assertWeightsMessage(weights, "generator.safetensors has a bad safetensors header length");
    }

    @Test
    void safetensorsTooShort() throws Exception {
        assertWeightsMessage(new byte[] {1, 2, 3}, "generator.safetensors is not a safetensors file: it has only 3 bytes");
    }

    @Test
    void safetensorsHeaderNotJson() throws Exception {
        assertWeightsMessage(StyleFixtures.safetensors("{\"a\": {\"dtype\": ", 0),
                "generator.safetensors has a safetensors header that is not valid JSON at column");
    }

    @Test
    void safetensorsDuplicateTensorName() throws Exception {
        String t = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        assertWeightsMessage(StyleFixtures.safetensors("{\"a\":" + t + ",\"a\":" + t + "}", 4),
                "Duplicate field 'a'");
    }

    @Test
    void safetensorsOffsetsOutsideTheData() throws Exception {
        assertWeightsMessage(
                StyleFixtures.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8),
                "tensor 'a' has data_offsets [0, 16] outside the 8 bytes of tensor data");
    }

    @Test
    void safetensorsShapeDisagreesWithOffsets() throws Exception {
        assertWeightsMessage(
                StyleFixtures.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", 16),
                "tensor 'a' of dtype F32 and shape [3] does not fit its 16 bytes of data");
    }

    @Test
    void safetensorsMetadataIsAllowed() throws Exception {
        // A file with a __metadata__ block parses; it then fails only on the missing parameters.
        StyleFormatException e = weightsRefused(StyleFixtures.safetensors(
                "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4));
        assertTrue(e.getMessage().contains("1 parameter is unexpected (a)"), e.getMessage());
    }

    @Test
    void missingThumbnail() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.remove(StyleManifest.THUMBNAIL_ENTRY);
        assertMessage(zip(entries), "it has no thumbnail: the entry 'thumbnail.png' named by the manifest is missing");
    }

    @Test
    void thumbnailThatIsNotAPng() throws Exception {
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.THUMBNAIL_ENTRY, StyleFixtures.jpeg());
        assertMessage(zip(entries), "its thumbnail 'thumbnail.png' is not a PNG image");
    }

    @Test
    void oversizedManifestIsRefusedWithoutReadingItAll() throws Exception {
        Map<String, byte[]> entries = standard();
        byte[] huge = new byte[(int) StyleBundle.MAX_MANIFEST_BYTES + 10];
        Arrays.fill(huge, (byte) ' ');
        entries.put(StyleManifest.MANIFEST_ENTRY, huge);
        assertMessage(zip(entries), "its entry 'manifest.json' is larger than the 1 MB a style may hold");
    }

    // --- helpers ---

    private Map<String, byte[]> standard() {
        return StyleFixtures.entries(StyleFixtures.manifest(SPEC, "round", "Round").toJson(),
                StyleFixtures.weights(SPEC), StyleFixtures.png());
    }

    private int zips;

    private Path zip(Map<String, byte[]> entries) throws Exception {
        return StyleFixtures.zip(dir.resolve("style" + zips++ + ".toon"), entries);
    }

    private Path withManifest(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode json = StyleFixtures.json(StyleFixtures.manifest(SPEC, "round", "Round"));
        edit.accept(json);
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.MANIFEST_ENTRY, StyleFixtures.bytes(json));
        return zip(entries);
    }

    private StyleFormatException weightsRefused(byte[] weights) throws Exception {
        Map<String, byte[]> entries = standard();
        entries.put(StyleManifest.WEIGHTS_ENTRY, weights);
        return refused(zip(entries));
    }

    private void assertWeightsMessage(byte[] weights, String expected) throws Exception {
        StyleFormatException e = weightsRefused(weights);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    private static StyleFormatException refused(Path file) {
        StyleFormatException e = assertThrows(StyleFormatException.class, () -> StyleBundle.read(file));
        assertEquals(file, e.file());
        return e;
    }

    private static StyleFormatException assertMessage(Path file, String expected) {
        StyleFormatException e = refused(file);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
        return e;
    }
}
