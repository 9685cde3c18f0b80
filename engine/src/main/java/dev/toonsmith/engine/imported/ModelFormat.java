package dev.toonsmith.engine.imported;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The model files Toonsmith imports, and the DJL engine that runs each. */
public enum ModelFormat {
    /** A TorchScript archive ({@code torch.jit.save}), loaded with TorchScript's loader only, never unpickled. */
    TORCHSCRIPT("PyTorch"),
    /** An ONNX graph, run by ONNX Runtime. */
    ONNX("OnnxRuntime");

    private final String engine;

    ModelFormat(String engine) {
        this.engine = engine;
    }

    /** The DJL engine's name. */
    public String engine() {
        return engine;
    }

    /**
     * The format of {@code file}, from its first bytes (a TorchScript archive is a zip; an ONNX graph is a protobuf
     * message starting with its IR version) and its extension.
     *
     * @throws ModelImportException naming the file when it is neither
     */
    public static ModelFormat of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return TORCHSCRIPT;
        }
        // ONNX ModelProto's field 1 (ir_version, varint): tag byte 0x08.
        if (head.length >= 2 && head[0] == 0x08 && name.endsWith(".onnx")) {
            return ONNX;
        }
        throw new ModelImportException(file, "is not a TorchScript archive (torch.jit.save) nor an ONNX model"
                + (name.endsWith(".pth") || name.endsWith(".ckpt") ? "; a PyTorch checkpoint must be exported with"
                        + " torch.jit.save or torch.onnx.export first" : ""));
    }
}
