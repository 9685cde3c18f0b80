package dev.toonsmith.engine.style;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensor table of a safetensors file, read and checked without the native engine.
 *
 * <p>DJL's decoder trusts the header: a bad length or offset there ends in an out-of-memory error or an
 * index exception deep in native code. Reading the header first lets a damaged style be refused with a
 * message, and lets shapes be compared with the architecture before any tensor is allocated.
 *
 * <p>Layout: an unsigned little-endian 64-bit header length N, N bytes of UTF-8 JSON mapping each tensor
 * name to {@code {dtype, shape, data_offsets: [begin, end]}} (offsets relative to the data after the header),
 * an optional {@code __metadata__} object of strings, then the data.
 */
final class SafetensorsHeader {

    /** A header longer than this is not a header; the reference implementation uses the same bound. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    static final String METADATA = "__metadata__";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final String ADVICE = "the weights are damaged; ask the style's author for a new copy";

    /** One tensor's entry in the header. */
    record Tensor(String name, String dtype, Shape shape, long begin, long end) {}

    private final Map<String, Tensor> tensors;
    private final long dataStart;

    private SafetensorsHeader(Map<String, Tensor> tensors, long dataStart) {
        this.tensors = Collections.unmodifiableMap(tensors);
        this.dataStart = dataStart;
    }

    /**
     * The first floating-point tensor of {@code bytes} (the file this header was parsed from) that holds a NaN or
     * an infinity, or empty. Such weights draw a white or black picture, never a cartoon.
     */
    java.util.Optional<String> nonFiniteTensor(byte[] bytes) {
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors.values()) {
            long from = dataStart + t.begin();
            long to = dataStart + t.end();
            switch (t.dtype()) {
                case "F32" -> {
                    for (long i = from; i + 4 <= to; i += 4) {
                        if (!Float.isFinite(data.getFloat((int) i))) {
                            return java.util.Optional.of(t.name());
                        }
                    }
                }
                case "F64" -> {
                    for (long i = from; i + 8 <= to; i += 8) {
                        if (!Double.isFinite(data.getDouble((int) i))) {
                            return java.util.Optional.of(t.name());
                        }
                    }
                }
                case "F16", "BF16" -> {
                    // Both keep their exponent in the bits under 0x7C00 (F16) or 0x7F80 (BF16); all ones is NaN or inf.
                    int mask = t.dtype().equals("F16") ? 0x7C00 : 0x7F80;
                    for (long i = from; i + 2 <= to; i += 2) {
                        if ((data.getShort((int) i) & mask) == mask) {
                            return java.util.Optional.of(t.name());
                        }
                    }
                }
                default -> {
                    // Integer tensors are always finite.
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Tensors by name, in file order. */
    Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The number of scalars in all tensors. */
    long elementCount() {
        long total = 0;
        for (Tensor t : tensors.values()) {
            total += t.shape().size();
        }
        return total;
    }

    /**
     * Parses and checks the header of {@code bytes}, a whole safetensors file.
     *
     * @param entry the name of the weights entry in the style, for messages
     * @param file the style file, for messages; null for a style in memory
     */
    static SafetensorsHeader parse(byte[] bytes, String entry, Path file) throws StyleFormatException {
        if (bytes.length < 8) {
            throw new StyleFormatException(file,
                    entry + " is not a safetensors file: it has only " + bytes.length + " bytes", ADVICE);
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long available = bytes.length - 8L;
        if (headerLength <= 0 || headerLength > available || headerLength > MAX_HEADER_BYTES) {
            throw new StyleFormatException(file,
                    entry + " has a bad safetensors header length " + Long.toUnsignedString(headerLength)
                            + " (the file has " + bytes.length + " bytes)",
                    ADVICE);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes, 8, (int) headerLength);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at column " + at.getColumnNr();
            throw new StyleFormatException(file,
                    entry + " has a safetensors header that is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    ADVICE, e);
        } catch (IOException e) {
            throw new StyleFormatException(file, entry + " has an unreadable safetensors header: " + e, ADVICE, e);
        }
        if (root == null || !root.isObject()) {
            throw bad(file, entry, "its header is " + ManifestReader.describe(root) + ", not a JSON object");
        }
        long dataLength = available - headerLength;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA)) {
                if (!field.getValue().isObject()) {
                    throw bad(file, entry, "its " + METADATA + " is not a JSON object");
                }
                continue;
            }
            Tensor t = tensor(field.getKey(), field.getValue(), dataLength, entry, file);
            tensors.put(t.name(), t);
        }
        return new SafetensorsHeader(tensors, 8 + headerLength);
    }

    private static Tensor tensor(String name, JsonNode node, long dataLength, String entry, Path file)
            throws StyleFormatException {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw bad(file, entry, where + " is described by " + ManifestReader.describe(node) + ", not an object");
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw bad(file, entry, where + " has no dtype");
        }
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw bad(file, entry, where + " has no shape");
        }
        long[] dims = new long[shapeNode.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
                throw bad(file, entry, where + " has an invalid shape " + ManifestReader.describe(shapeNode));
            }
            dims[i] = d.longValue();
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()
                || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
            throw bad(file, entry, where + " has invalid data_offsets " + ManifestReader.describe(offsets));
        }
        long begin = offsets.get(0).longValue();
        long end = offsets.get(1).longValue();
        if (begin < 0 || end < begin || end > dataLength) {
            throw bad(file, entry, where + " has data_offsets [" + begin + ", " + end
                    + "] outside the " + dataLength + " bytes of tensor data");
        }
        int elementSize = elementSize(dtype.textValue());
        if (elementSize > 0 && byteSize(dims, elementSize) != end - begin) {
            throw bad(file, entry, where + " of dtype " + dtype.textValue() + " and shape "
                    + ManifestReader.describe(shapeNode) + " does not fit its " + (end - begin) + " bytes of data");
        }
        return new Tensor(name, dtype.textValue(), new Shape(dims), begin, end);
    }

    /** The bytes a tensor of this shape takes, or -1 when that does not even fit a long. */
    private static long byteSize(long[] dims, int elementSize) {
        try {
            long bytes = elementSize;
            for (long d : dims) {
                bytes = Math.multiplyExact(bytes, d);
            }
            return bytes;
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** Bytes per element of the safetensors dtypes; 0 for names this reader does not know. */
    static int elementSize(String dtype) {
        switch (dtype) {
            case "BOOL": case "U8": case "I8": case "F8_E4M3": case "F8_E5M2":
                return 1;
            case "F16": case "BF16": case "I16": case "U16":
                return 2;
            case "F32": case "I32": case "U32":
                return 4;
            case "F64": case "I64": case "U64":
                return 8;
            default:
                return 0;
        }
    }

    private static StyleFormatException bad(Path file, String entry, String problem) {
        return new StyleFormatException(file, entry + " is not valid safetensors: " + problem, ADVICE);
    }
}
