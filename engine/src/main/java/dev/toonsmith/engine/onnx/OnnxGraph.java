package dev.toonsmith.engine.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an ONNX model: float tensors in and out with dynamic height and width, initializers (the weights) and
 * nodes, written as the bytes of an ONNX {@code ModelProto}. Field numbers are those of onnx.proto.
 */
public final class OnnxGraph {

    /** The operator set the graphs use; ONNX Runtime 1.20 runs it, and PyTorch 1.13 exports it. */
    public static final int OPSET = 17;
    /** The IR version that goes with opset 17. */
    static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final String name;
    private final List<Proto> nodes = new ArrayList<>();
    private final List<Proto> initializers = new ArrayList<>();
    private final List<Proto> inputs = new ArrayList<>();
    private final List<Proto> outputs = new ArrayList<>();
    private final java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
    private int counter;

    public OnnxGraph(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A new unique value name with this prefix. */
    public String fresh(String prefix) {
        return prefix + "_" + counter++;
    }

    /** An image input or output: float {@code [N, C, H, W]} with N, H and W dynamic. */
    public OnnxGraph input(String value, int channels) {
        inputs.add(imageValue(value, channels));
        return this;
    }

    public OnnxGraph output(String value, int channels) {
        outputs.add(imageValue(value, channels));
        return this;
    }

    private static Proto imageValue(String value, int channels) {
        Proto shape = new Proto()
                .message(1, new Proto().string(2, "N"))
                .message(1, new Proto().int64(1, channels))
                .message(1, new Proto().string(2, "H"))
                .message(1, new Proto().string(2, "W"));
        Proto tensorType = new Proto().int32(1, FLOAT).message(2, shape);
        return new Proto().string(1, value).message(2, new Proto().message(1, tensorType));
    }

    /** A float initializer (weights), stored raw little-endian. */
    public String weights(String value, long[] dims, float[] data) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count != data.length) {
            throw new IllegalArgumentException(value + ": " + data.length + " values for shape " + java.util.Arrays
                    .toString(dims));
        }
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        initializers.add(new Proto().packedInt64(1, dims).int32(2, FLOAT).string(8, value).bytes(9, raw.array()));
        return value;
    }

    /** An int64 initializer (pads, axes, shapes). */
    public String int64s(String value, long[] data) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(data);
        initializers.add(new Proto().packedInt64(1, new long[] {data.length}).int32(2, INT64).string(8, value)
                .bytes(9, raw.array()));
        return value;
    }

    /** A node attribute. */
    public record Attribute(String name, Object value) {
        public static Attribute ints(String name, long... values) {
            return new Attribute(name, values);
        }

        public static Attribute i(String name, long value) {
            return new Attribute(name, value);
        }

        public static Attribute f(String name, float value) {
            return new Attribute(name, value);
        }

        public static Attribute s(String name, String value) {
            return new Attribute(name, value);
        }

        Proto proto() {
            Proto a = new Proto().string(1, name);
            if (value instanceof long[] ints) {
                for (long v : ints) {
                    a.int64(8, v);
                }
                return a.int32(20, 7);
            }
            if (value instanceof Long v) {
                return a.int64(3, v).int32(20, 2);
            }
            if (value instanceof Float v) {
                return a.float32(2, v).int32(20, 1);
            }
            if (value instanceof String v) {
                return a.bytes(4, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)).int32(20, 3);
            }
            throw new IllegalArgumentException("attribute " + name + ": unsupported value " + value);
        }
    }

    /** Adds a node and returns its (single) output's name. */
    public String node(String op, List<String> nodeInputs, Attribute... attributes) {
        String output = fresh(op.toLowerCase(java.util.Locale.ROOT));
        node(op, nodeInputs, output, attributes);
        return output;
    }

    /** Adds a node writing {@code output}. */
    public void node(String op, List<String> nodeInputs, String output, Attribute... attributes) {
        Proto n = new Proto();
        for (String in : nodeInputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, fresh("node")).string(4, op);
        for (Attribute a : attributes) {
            n.message(5, a.proto());
        }
        nodes.add(n);
    }

    /** A key and value in the model's {@code metadata_props}, which tools show and importers read. */
    public OnnxGraph metadata(String key, String value) {
        metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The model file's bytes. */
    public byte[] toBytes(String producerVersion) {
        Proto graph = new Proto();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        Proto model = new Proto().int64(1, IR_VERSION).string(2, "Toonsmith").string(3, producerVersion)
                .message(7, graph).message(8, new Proto().string(1, "").int64(2, OPSET));
        metadata.forEach((k, v) -> model.message(14, new Proto().string(1, k).string(2, v)));
        return model.toByteArray();
    }
}
