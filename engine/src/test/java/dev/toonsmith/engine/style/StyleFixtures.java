package dev.toonsmith.engine.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toonsmith.engine.model.GeneratorSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small generators, thumbnails and hand-made archives for the style tests. */
final class StyleFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private StyleFixtures() {}

    /** A generator with fresh random weights, attached to {@code manager}. */
    static Block generator(GeneratorSpec spec, NDManager manager) {
        Block block = spec.newGenerator();
        block.initialize(manager, DataType.FLOAT32, ParameterLayout.sampleInput(spec));
        return block;
    }

    static StyleManifest manifest(GeneratorSpec spec, String id, String name) {
        return StyleManifest.builder(id, name, spec)
                .description("A test style.")
                .author("Test Author")
                .license("CC0-1.0")
                .attribution("Made in a unit test")
                .training(new StyleManifest.Training("a few steps", 12, "cartoon", List.of("test-photos")))
                .createdAt(Instant.parse("2024-05-01T12:00:00Z"))
                .build();
    }

    /** A style of a fresh generator of {@code spec}. */
    static StyleBundle bundle(GeneratorSpec spec, String id, String name) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            return StyleWriter.bundle(manifest(spec, id, name), generator(spec, manager), png());
        }
    }

    /** Weights of a fresh generator of {@code spec} as safetensors. */
    static byte[] weights(GeneratorSpec spec) {
        return weights(spec, p -> true, Function.identity());
    }

    /**
     * Weights of a fresh generator with only the parameters {@code keep} accepts, each passed through
     * {@code change} (which must return a new array or the one given).
     */
    static byte[] weights(GeneratorSpec spec, Predicate<String> keep, Function<NDArray, NDArray> change) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = generator(spec, manager);
            NDList list = new NDList();
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (keep.test(p.getKey())) {
                    NDArray a = change.apply(p.getValue().getArray().duplicate());
                    a.setName(p.getKey());
                    list.add(a);
                }
            }
            return list.encode(NDList.Encoding.SAFETENSORS);
        }
    }

    /** A hand-written safetensors file: header JSON then data. */
    static byte[] safetensors(String headerJson, int dataBytes) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(header.length).put(header);
        return buffer.array();
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 0x80);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest of {@code manifest} as an editable JSON tree. */
    static ObjectNode json(StyleManifest manifest) {
        try {
            return (ObjectNode) JSON.readTree(manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a standard style, as a mutable map to edit before {@link #zip}. */
    static Map<String, byte[]> entries(byte[] manifestJson, byte[] weights, byte[] thumbnail) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(StyleManifest.MANIFEST_ENTRY, manifestJson);
        entries.put(StyleManifest.WEIGHTS_ENTRY, weights);
        entries.put(StyleManifest.THUMBNAIL_ENTRY, thumbnail);
        return entries;
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
