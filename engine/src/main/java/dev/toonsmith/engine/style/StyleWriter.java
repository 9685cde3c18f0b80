package dev.toonsmith.engine.style;

import dev.toonsmith.engine.io.AtomicFiles;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns a trained generator into a style and saves styles as {@code .toon} files.
 *
 * <p>Files are written to a temporary file next to the target and then moved over it, so that a crash,
 * a full disk or a concurrent library scan never sees half a style, and an existing style is only replaced
 * by a complete one.
 */
public final class StyleWriter {

    /** The file name extension of styles. */
    public static final String EXTENSION = ".toon";

    private StyleWriter() {}

    /**
     * The generator's parameters as a safetensors file: one float32 tensor per parameter, named by its
     * hierarchical DJL parameter name, which is what {@link StyleBundle#newGenerator} matches on.
     *
     * @param generator an initialized generator
     */
    public static byte[] encodeWeights(Block generator) {
        NDList tensors = new NDList();
        try {
            for (Pair<String, Parameter> p : generator.getParameters()) {
                NDArray array = p.getValue().getArray();
                // A copy carries the file name: renaming the live array would change what the training
                // code and DJL's own messages call the parameter.
                NDArray copy = array.duplicate();
                copy.setName(p.getKey());
                tensors.add(copy);
            }
            return tensors.encode(NDList.Encoding.SAFETENSORS);
        } finally {
            tensors.close();
        }
    }

    /**
     * A style of the given generator, checked as if read from a file: the manifest's architecture must be
     * the generator's, with the same hyperparameters.
     */
    public static StyleBundle bundle(StyleManifest manifest, Block generator, byte[] thumbnailPng)
            throws StyleFormatException {
        return StyleBundle.of(manifest, encodeWeights(generator), thumbnailPng);
    }

    /**
     * Saves the style as {@code folder/ID.toon}, replacing a style of that file name.
     *
     * @return the style as saved, with its file and size
     */
    public static StyleBundle writeToFolder(StyleBundle bundle, Path folder) throws IOException {
        return write(bundle, folder.resolve(bundle.manifest().id() + EXTENSION));
    }

    /**
     * Saves the style as {@code file} atomically, creating missing parent folders and replacing an
     * existing file.
     *
     * @return the style as saved, with its file and size
     */
    public static StyleBundle write(StyleBundle bundle, Path file) throws IOException {
        Objects.requireNonNull(bundle, "bundle");
        Path target = file.toAbsolutePath();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StyleManifest m = bundle.manifest();
            deflated(zip, StyleManifest.MANIFEST_ENTRY, m.toJson(), m);
            // Float weights and PNG data barely compress; storing them saves seconds on large styles.
            stored(zip, m.weights(), bundle.weightsArray(), m);
            stored(zip, m.thumbnail(), bundle.thumbnailPng(), m);
        }
        AtomicFiles.write(target, bytes.toByteArray());
        return bundle.savedAs(target, Files.size(target));
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] data, StyleManifest m)
            throws IOException {
        ZipEntry entry = newEntry(name, m);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data, StyleManifest m) throws IOException {
        ZipEntry entry = newEntry(name, m);
        entry.setMethod(ZipEntry.STORED);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /** Entries are dated with the style's creation, so that saving the same style twice gives the same bytes. */
    private static ZipEntry newEntry(String name, StyleManifest m) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(m.createdAt().toEpochMilli());
        return entry;
    }
}
