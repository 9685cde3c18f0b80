package dev.toonsmith.engine.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.LiteSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StyleBundleTest {

    @TempDir
    Path dir;

    static Stream<Arguments> specs() {
        return Stream.of(Arguments.of(new LiteSpec(4, 1, true)), Arguments.of(new CartoonGanSpec(4, 1)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void writeReadAndLoadKeepsEveryParameterBitForBit(GeneratorSpec spec) throws Exception {
        try (NDManager original = NDManager.newBaseManager(); NDManager loaded = NDManager.newBaseManager()) {
            Block generator = StyleFixtures.generator(spec, original);
            StyleManifest manifest = StyleFixtures.manifest(spec, "round-trip", "Round Trip");
            byte[] png = StyleFixtures.png();

            StyleBundle saved = StyleWriter.write(StyleWriter.bundle(manifest, generator, png), dir.resolve("rt.toon"));
            StyleBundle read = StyleBundle.read(dir.resolve("rt.toon"));

            assertEquals(manifest, read.manifest());
            assertEquals(spec, read.spec());
            assertEquals(dir.resolve("rt.toon").toAbsolutePath(), read.file());
            assertEquals(Files.size(read.file()), read.fileSize());
            assertEquals(saved.fileSize(), read.fileSize());
            assertArrayEquals(png, read.thumbnailPng());

            Block copy = read.newGenerator(loaded);
            PairList<String, Parameter> expected = generator.getParameters();
            PairList<String, Parameter> actual = copy.getParameters();
            assertEquals(expected.keys(), actual.keys());
            long scalars = 0;
            for (int i = 0; i < expected.size(); i++) {
                NDArray a = expected.valueAt(i).getArray();
                NDArray b = actual.valueAt(i).getArray();
                assertEquals(a.getShape(), b.getShape(), expected.keyAt(i));
                assertArrayEquals(rawBits(a), rawBits(b), expected.keyAt(i));
                assertSame(loaded, b.getManager(), "loaded arrays must belong to the given manager");
                scalars += a.size();
            }
            assertEquals(scalars, read.parameterCount());
            assertEquals(scalars, saved.parameterCount());
        }
    }

    @Test
    void loadedGeneratorComputesWhatTheOriginalComputes() throws Exception {
        GeneratorSpec spec = new LiteSpec(4, 1, false);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = StyleFixtures.generator(spec, manager);
            StyleBundle bundle = StyleWriter.bundle(
                    StyleFixtures.manifest(spec, "same", "Same"), generator, StyleFixtures.png());
            Block copy = bundle.newGenerator(manager);

            NDArray photo = manager.randomUniform(-1, 1, new Shape(1, 3, 16, 16));
            NDArray a = generator.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            NDArray b = copy.forward(new ParameterStore(manager, false), new NDList(photo), false).singletonOrThrow();
            assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        }
    }

    @Test
    void weightsWrittenByOtherToolsLoad() throws Exception {
        // Python's safetensors adds __metadata__ and pads the header with spaces to a multiple of 8 bytes.
        GeneratorSpec spec = new LiteSpec(4, 0, true);
        byte[] ours = StyleFixtures.weights(spec);
        int headerLength = (int) ByteBuffer.wrap(ours, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        ObjectNode header = (ObjectNode) StyleFixtures.JSON.readTree(new String(ours, 8, headerLength, StandardCharsets.UTF_8));
        header.putObject("__metadata__").put("format", "pt");
        String json = StyleFixtures.JSON.writeValueAsString(header);
        json += " ".repeat((8 - json.length() % 8) % 8);
        byte[] data = Arrays.copyOfRange(ours, 8 + headerLength, ours.length);
        byte[] theirs = StyleFixtures.safetensors(json, data.length);
        System.arraycopy(data, 0, theirs, theirs.length - data.length, data.length);

        StyleBundle bundle = StyleBundle.of(StyleFixtures.manifest(spec, "python", "Python"), theirs, StyleFixtures.png());
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = bundle.newGenerator(manager);
            NDList expected = NDList.decode(manager, ours);
            for (NDArray e : expected) {
                assertArrayEquals(rawBits(e), rawBits(block.getParameters().get(e.getName()).getArray()), e.getName());
            }
        }
    }

    @Test
    void closingTheManagerReleasesTheLoadedWeights() throws Exception {
        StyleBundle bundle = StyleFixtures.bundle(new LiteSpec(4, 0, true), "release", "Release");
        List<NDArray> arrays = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Pair<String, Parameter> p : bundle.newGenerator(manager).getParameters()) {
                arrays.add(p.getValue().getArray());
            }
        }
        assertFalse(arrays.isEmpty());
        assertTrue(arrays.stream().allMatch(NDArray::isReleased));
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        StyleBundle first = StyleFixtures.bundle(new LiteSpec(4, 0, true), "first", "First");
        StyleBundle second = StyleFixtures.bundle(new LiteSpec(4, 1, true), "second", "Second");
        Path target = dir.resolve("styles").resolve("style.toon");

        StyleWriter.write(first, target);
        StyleWriter.write(second, target);

        assertEquals("second", StyleBundle.read(target).manifest().id());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target.toAbsolutePath()), files.map(Path::toAbsolutePath).toList());
        }
    }

    @Test
    void writeToFolderNamesTheFileAfterTheId() throws Exception {
        StyleBundle bundle = StyleFixtures.bundle(new LiteSpec(4, 0, true), "ink-wash", "Ink Wash");
        StyleBundle saved = StyleWriter.writeToFolder(bundle, dir);
        assertEquals(dir.resolve("ink-wash.toon").toAbsolutePath(), saved.file());
        assertTrue(Files.isRegularFile(saved.file()));
    }

    @Test
    void savingTheSameStyleTwiceGivesTheSameBytes() throws Exception {
        StyleBundle bundle = StyleFixtures.bundle(new LiteSpec(4, 0, true), "stable", "Stable");
        StyleWriter.write(bundle, dir.resolve("a.toon"));
        StyleWriter.write(bundle, dir.resolve("b.toon"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.toon")), Files.readAllBytes(dir.resolve("b.toon")));
    }

    @Test
    void inMemoryBundleHasNoFileAndReadOnlyWeights() throws Exception {
        StyleBundle bundle = StyleFixtures.bundle(new LiteSpec(4, 0, true), "memory", "Memory");
        assertNull(bundle.file());
        assertEquals(-1, bundle.fileSize());
        ByteBuffer weights = bundle.weights();
        assertTrue(weights.isReadOnly());
        assertArrayEquals(bundle.weightsBytes(), bytes(weights));
    }

    @Test
    void bundlingAGeneratorUnderAnotherArchitectureIsRefused() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = StyleFixtures.generator(new LiteSpec(4, 1, true), manager);
            StyleManifest wrong = StyleFixtures.manifest(new LiteSpec(8, 1, true), "wrong", "Wrong");
            StyleFormatException e = assertThrows(StyleFormatException.class,
                    () -> StyleWriter.bundle(wrong, generator, StyleFixtures.png()));
            assertNull(e.file());
            assertTrue(e.getMessage().startsWith("Style (not saved yet): "), e.getMessage());
            assertTrue(e.getMessage().contains("has shape (4, 3, 7, 7) in the weights but the architecture needs (8, 3, 7, 7)"),
                    e.getMessage());
        }
    }

    @Test
    void manifestSurvivesJsonRoundTrip() throws Exception {
        StyleManifest manifest = StyleFixtures.manifest(new CartoonGanSpec(4, 1), "json", "JSON");
        assertEquals(manifest, ManifestReader.read(manifest.toJson(), null));
        String json = new String(manifest.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"range\" : [ -1, 1 ]"), json);
        assertTrue(json.contains("\"createdAt\" : \"2024-05-01T12:00:00Z\""), json);
    }

    @Test
    void manifestBuilderRefusesBadIds() {
        LiteSpec spec = new LiteSpec(4, 0, true);
        for (String id : new String[] {"Upper", "-lead", "", "with space", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> StyleManifest.builder(id, "N", spec).author("a").license("CC0-1.0").build(), id);
        }
        assertTrue(StyleManifest.isValidId("x".repeat(64)));
    }

    private static int[] rawBits(NDArray array) {
        float[] values = array.toFloatArray();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
