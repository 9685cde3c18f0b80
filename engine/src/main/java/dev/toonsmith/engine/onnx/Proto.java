package dev.toonsmith.engine.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protobuf message being written, field by field, with {@link CodedOutputStream}: ONNX's messages are few and
 * small, so field numbers from the ONNX specification (onnx.proto) serve better than generated classes, which
 * would need protoc in the build or vendored sources.
 */
final class Proto {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    Proto int64(int field, long value) {
        return write(() -> out.writeInt64(field, value));
    }

    Proto int32(int field, int value) {
        return write(() -> out.writeInt32(field, value));
    }

    Proto float32(int field, float value) {
        return write(() -> out.writeFloat(field, value));
    }

    Proto string(int field, String value) {
        return write(() -> out.writeString(field, value));
    }

    Proto bytes(int field, byte[] value) {
        return write(() -> out.writeByteArray(field, value));
    }

    Proto message(int field, Proto value) {
        return bytes(field, value.toByteArray());
    }

    /** A repeated int64 field, packed as proto3 does by default. */
    Proto packedInt64(int field, long[] values) {
        return write(() -> {
            int size = 0;
            for (long v : values) {
                size += CodedOutputStream.computeInt64SizeNoTag(v);
            }
            out.writeTag(field, 2);
            out.writeUInt32NoTag(size);
            for (long v : values) {
                out.writeInt64NoTag(v);
            }
        });
    }

    byte[] toByteArray() {
        return write(out::flush).bytes.toByteArray();
    }

    private interface Step {
        void run() throws IOException;
    }

    private Proto write(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            // Writing to memory cannot fail; a failure here is a bug.
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
