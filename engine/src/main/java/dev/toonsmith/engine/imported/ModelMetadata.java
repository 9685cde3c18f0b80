package dev.toonsmith.engine.imported;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model file says about itself, for the import's defaults. An ONNX file Toonsmith exported carries its
 * style's convention, working edge, name, author and licence in the ONNX {@code metadata_props}, so importing it back
 * draws as the original without the user knowing those settings. Models from elsewhere get PyTorch's convention.
 *
 * @param convention the pixel convention to import with
 * @param workingEdge the working edge, 0 for every photo's own size
 * @param name the style's name, or empty
 * @param author its author, or empty
 * @param license its licence, or empty
 */
public record ModelMetadata(ModelConvention convention, int workingEdge, String name, String author, String license) {

    static final String PREFIX = "toonsmith.";

    /** The defaults for a model that says nothing: NCHW RGB in [-1, 1], multiples of 4, each photo's own size. */
    public static ModelMetadata unknown() {
        return new ModelMetadata(ModelConvention.pytorchDefault(4), 0, "", "", "");
    }

    /** The {@code metadata_props} an export writes for {@code style}. */
    public static Map<String, String> describe(StyleBundle style) {
        StyleManifest m = style.manifest();
        Map<String, String> map = new LinkedHashMap<>();
        map.put(PREFIX + "style", m.id());
        map.put(PREFIX + "name", m.name());
        map.put(PREFIX + "author", m.author());
        map.put(PREFIX + "license", m.license());
        map.put(PREFIX + "architecture", style.spec().describe());
        map.put(PREFIX + "inputRange", ModelConvention.Range.MINUS_ONE_TO_ONE.id());
        map.put(PREFIX + "channels", "rgb");
        map.put(PREFIX + "layout", "nchw");
        map.put(PREFIX + "sizeMultiple", Integer.toString(style.spec().sizeMultiple()));
        map.put(PREFIX + "workingEdge", Integer.toString(Math.max(0, m.workingEdge())));
        return map;
    }

    /**
     * The metadata of {@code model}: Toonsmith's own for an ONNX file it exported, {@link #unknown()} for anything
     * else, including a file that cannot be read (the import itself then names the problem).
     */
    public static ModelMetadata of(Path model) {
        Map<String, String> props;
        try {
            props = onnxProperties(model);
        } catch (IOException | RuntimeException e) {
            return unknown();
        }
        if (!props.containsKey(PREFIX + "style")) {
            return unknown();
        }
        try {
            ModelConvention convention = new ModelConvention(
                    ModelConvention.Range.parse(props.getOrDefault(PREFIX + "inputRange", "-1,1")),
                    ModelConvention.Channels.parse(props.getOrDefault(PREFIX + "channels", "rgb")),
                    ModelConvention.Layout.parse(props.getOrDefault(PREFIX + "layout", "nchw")),
                    Integer.parseInt(props.getOrDefault(PREFIX + "sizeMultiple", "4")));
            return new ModelMetadata(convention, Integer.parseInt(props.getOrDefault(PREFIX + "workingEdge", "0")),
                    props.getOrDefault(PREFIX + "name", ""), props.getOrDefault(PREFIX + "author", ""),
                    props.getOrDefault(PREFIX + "license", ""));
        } catch (IllegalArgumentException e) {
            return unknown();
        }
    }

    /**
     * The {@code metadata_props} of an ONNX file (ModelProto field 14: key 1, value 2), reading past the graph
     * without holding it; empty for a file that is not ONNX.
     */
    static Map<String, String> onnxProperties(Path file) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        if (ModelFormat.of(file) != ModelFormat.ONNX) {
            return props;
        }
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            while (true) {
                int tag = coded.readTag();
                if (tag == 0) {
                    return props;
                }
                if (WireFormat.getTagFieldNumber(tag) == 14
                        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    CodedInputStream entry = CodedInputStream.newInstance(coded.readByteArray());
                    String key = null;
                    String value = "";
                    for (int t = entry.readTag(); t != 0; t = entry.readTag()) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> key = entry.readStringRequireUtf8();
                            case 2 -> value = entry.readStringRequireUtf8();
                            default -> entry.skipField(t);
                        }
                    }
                    if (key != null) {
                        props.put(key, value);
                    }
                } else if (!coded.skipField(tag)) {
                    return props;
                }
            }
        }
    }
}
