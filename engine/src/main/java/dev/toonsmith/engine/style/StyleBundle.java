package dev.toonsmith.engine.style;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.ImportedSpec;
import dev.toonsmith.engine.model.InvalidArchitectureException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A style that has been read and fully checked: its manifest is valid, this version knows its architecture,
 * its weights hold exactly the parameters of that architecture as float32, and its thumbnail is a PNG.
 *
 * <p>All checks happen when the bundle is made, so that a broken or foreign file is refused with a precise
 * message when the user picks it, not later as a native error in the middle of rendering. After that,
 * {@link #newGenerator(NDManager)} cannot fail on account of the file.
 *
 * <p>A {@code .toon} file is a zip of {@code manifest.json}, the weights ({@code generator.safetensors}: one
 * float32 tensor per DJL parameter, named by its parameter name) and {@code thumbnail.png}; see
 * {@link StyleManifest}. Bundles are immutable and can be shared between threads.
 */
public final class StyleBundle {

    /** Manifests are a few kilobytes; the bound keeps a hostile archive from exhausting memory. */
    public static final long MAX_MANIFEST_BYTES = 1L << 20;

    /** Far beyond any generator of the registered architectures (CartoonGAN at its defaults is 45 MB). */
    public static final long MAX_WEIGHTS_BYTES = 512L << 20;

    public static final long MAX_THUMBNAIL_BYTES = 8L << 20;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final String DAMAGED = ManifestReader.DAMAGED;

    private final Path file;
    private final long fileSize;
    private final StyleManifest manifest;
    private final GeneratorSpec spec;
    private final byte[] weights;
    private final byte[] thumbnailPng;
    /** The largest thumbnail side the studio will decode. */
    static final int MAX_THUMBNAIL_SIDE = 4096;
    private final long parameterCount;

    private StyleBundle(Path file, long fileSize, StyleManifest manifest, GeneratorSpec spec, byte[] weights,
            byte[] thumbnailPng, long parameterCount) {
        this.file = file;
        this.fileSize = fileSize;
        this.manifest = manifest;
        this.spec = spec;
        this.weights = weights;
        this.thumbnailPng = thumbnailPng;
        this.parameterCount = parameterCount;
    }

    /**
     * Reads and checks a {@code .toon} file.
     *
     * @throws StyleFormatException if the file is not a usable style; its message tells the user why
     * @throws IOException if the file cannot be read at all (missing, no permission)
     */
    public static StyleBundle read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw StyleFormatException.notAZip(file);
        }
        try (zip) {
            ZipEntry manifestEntry = entry(zip, StyleManifest.MANIFEST_ENTRY);
            if (manifestEntry == null) {
                throw new StyleFormatException(file, "it has no " + StyleManifest.MANIFEST_ENTRY, DAMAGED);
            }
            StyleManifest manifest = ManifestReader.read(
                    readEntry(zip, manifestEntry, MAX_MANIFEST_BYTES, file), file);
            GeneratorSpec spec = resolve(manifest, file);

            ZipEntry weightsEntry = entry(zip, manifest.weights());
            if (weightsEntry == null) {
                throw new StyleFormatException(file,
                        "it has no weights: the entry '" + manifest.weights() + "' named by the manifest is missing",
                        DAMAGED);
            }
            byte[] weights = readEntry(zip, weightsEntry, MAX_WEIGHTS_BYTES, file);
            long parameterCount = checkWeights(manifest, spec, weights, file);

            ZipEntry thumbnailEntry = entry(zip, manifest.thumbnail());
            if (thumbnailEntry == null) {
                throw new StyleFormatException(file,
                        "it has no thumbnail: the entry '" + manifest.thumbnail() + "' named by the manifest is missing",
                        DAMAGED);
            }
            byte[] thumbnail = readEntry(zip, thumbnailEntry, MAX_THUMBNAIL_BYTES, file);
            checkPng(manifest, thumbnail, file);
            return new StyleBundle(file, size, manifest, spec, weights, thumbnail, parameterCount);
        }
    }

    /**
     * A style that exists only in memory, e.g. fresh from training; checked exactly as a file would be.
     * {@link StyleWriter} saves it.
     *
     * @param weights a safetensors file's bytes; the bundle keeps this array, so do not change it afterwards
     */
    public static StyleBundle of(StyleManifest manifest, byte[] weights, byte[] thumbnailPng)
            throws StyleFormatException {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(thumbnailPng, "thumbnailPng");
        GeneratorSpec spec = resolve(manifest, null);
        long parameterCount = checkWeights(manifest, spec, weights, null);
        byte[] thumbnail = thumbnailPng.clone();
        checkPng(manifest, thumbnail, null);
        return new StyleBundle(null, -1, manifest, spec, weights, thumbnail, parameterCount);
    }

    /** The same style, now saved as {@code file}. */
    StyleBundle savedAs(Path file, long fileSize) {
        return new StyleBundle(file, fileSize, manifest, spec, weights, thumbnailPng, parameterCount);
    }

    public StyleManifest manifest() {
        return manifest;
    }

    /** The generator architecture, resolved from the manifest. */
    /** Whether this style carries a model from elsewhere (TorchScript, ONNX) rather than our own weights. */
    public boolean isImported() {
        return spec instanceof ImportedSpec;
    }

    public GeneratorSpec spec() {
        return spec;
    }

    /** The file this style was read from or saved to; null while it only exists in memory. */
    public Path file() {
        return file;
    }

    /** The size of {@link #file()} in bytes when it was read; -1 while the style only exists in memory. */
    public long fileSize() {
        return fileSize;
    }

    /** Scalars in all parameters of the generator. */
    public long parameterCount() {
        return parameterCount;
    }

    /** The weights as a safetensors file, read-only and without copying (they can be hundreds of MB). */
    public ByteBuffer weights() {
        return ByteBuffer.wrap(weights).asReadOnlyBuffer();
    }

    /** A copy of the weights as a safetensors file. */
    public byte[] weightsBytes() {
        return weights.clone();
    }

    /** The weights without a copy, for writing; callers must not change them. */
    byte[] weightsArray() {
        return weights;
    }

    /** A copy of the thumbnail PNG. */
    public byte[] thumbnailPng() {
        return thumbnailPng.clone();
    }

    /** The generator with this style's weights, on the manager's device. */
    public Block newGenerator(NDManager manager) {
        return newGenerator(manager, manager.getDevice());
    }

    /**
     * Builds the generator and loads this style's weights into it.
     *
     * <p>Every parameter array is attached to {@code manager} (closing the manager frees the generator's
     * memory) and lives on {@code device}. The block is initialized and ready for inference.
     */
    public Block newGenerator(NDManager manager, Device device) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(device, "device");
        if (isImported()) {
            throw new UnsupportedOperationException("the style '" + manifest.name() + "' is an imported model: open it"
                    + " with Stylizers.load, not as a network Toonsmith builds");
        }
        Block block = spec.newGenerator();
        Map<String, NDArray> arrays = new HashMap<>();
        boolean loaded = false;
        try {
            for (NDArray decoded : NDList.decode(manager, weights)) {
                String name = decoded.getName();
                NDArray array = decoded;
                if (!decoded.getDevice().equals(device)) {
                    array = decoded.toDevice(device, false);
                    decoded.close();
                    // Ownership must not depend on which manager the engine gives a device copy.
                    array.attach(manager);
                }
                arrays.put(name, array);
            }
            // DJL refuses setArray on a parameter whose shape is already known, and initializing a block
            // is what sets the shapes. So the loaded arrays go in first; initialize() then finds every
            // parameter set, skips the random initialization and only records the input shapes.
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray array = arrays.remove(p.getKey());
                if (array == null) {
                    throw new IllegalStateException("weights checked for " + spec.describe()
                            + " lack parameter '" + p.getKey() + "'");
                }
                p.getValue().setArray(array);
            }
            block.initialize(manager, DataType.FLOAT32, ParameterLayout.sampleInput(spec));
            loaded = true;
            return block;
        } finally {
            arrays.values().forEach(NDArray::close);
            if (!loaded) {
                for (Pair<String, Parameter> p : block.getParameters()) {
                    p.getValue().close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "StyleBundle[" + manifest.id() + ", " + spec.describe() + (file == null ? "" : ", " + file) + "]";
    }

    private static GeneratorSpec resolve(StyleManifest manifest, Path file) throws StyleFormatException {
        GeneratorSpec spec;
        try {
            spec = manifest.spec();
        } catch (InvalidArchitectureException e) {
            throw new StyleFormatException(file, e.getMessage(),
                    "the style needs a newer Toonsmith, or its manifest is damaged", e);
        }
        if (manifest.sizeMultiple() != spec.sizeMultiple()) {
            throw new StyleFormatException(file,
                    "manifest field 'sizeMultiple' is " + manifest.sizeMultiple() + " but " + spec.describe()
                            + " needs " + spec.sizeMultiple(),
                    DAMAGED);
        }
        return spec;
    }

    private static long checkWeights(StyleManifest manifest, GeneratorSpec spec, byte[] weights, Path file)
            throws StyleFormatException {
        if (weights.length > MAX_WEIGHTS_BYTES) {
            throw tooLarge(file, manifest.weights(), MAX_WEIGHTS_BYTES);
        }
        if (spec instanceof ImportedSpec imported) {
            // The model file is checked by its own engine when it is loaded, and was run once when imported.
            if (weights.length == 0) {
                throw new StyleFormatException(file, "its " + imported.format() + " model '" + manifest.weights()
                        + "' is empty", DAMAGED);
            }
            return 0;
        }
        SafetensorsHeader header = SafetensorsHeader.parse(weights, manifest.weights(), file);
        ParameterLayout.of(spec).check(header, manifest.weights(), file);
        java.util.Optional<String> broken = header.nonFiniteTensor(weights);
        if (broken.isPresent()) {
            throw new StyleFormatException(file, manifest.weights() + " holds NaN or infinite values (in '"
                    + broken.get() + "'), which would draw a blank picture",
                    "it was saved from a training run that diverged; export the style again from an earlier checkpoint");
        }
        return header.elementCount();
    }

    private static void checkPng(StyleManifest manifest, byte[] png, Path file) throws StyleFormatException {
        // The signature and a leading IHDR chunk: enough to tell a PNG from a JPEG, text or a truncated
        // download without decoding the image here.
        boolean ok = png.length >= PNG_SIGNATURE.length + 8
                && Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)
                && png[12] == 'I' && png[13] == 'H' && png[14] == 'D' && png[15] == 'R';
        if (!ok) {
            throw new StyleFormatException(file, "its thumbnail '" + manifest.thumbnail() + "' is not a PNG image",
                    DAMAGED);
        }
        if (png.length > MAX_THUMBNAIL_BYTES) {
            throw tooLarge(file, manifest.thumbnail(), MAX_THUMBNAIL_BYTES);
        }
        // From the IHDR header, before anything decodes it: a few kilobytes of PNG can hold a 30000x30000 image
        // that takes gigabytes to show.
        if (png.length < 24) {
            throw new StyleFormatException(file, "its thumbnail '" + manifest.thumbnail() + "' is truncated", DAMAGED);
        }
        long width = ByteBuffer.wrap(png, 16, 4).getInt() & 0xFFFFFFFFL;
        long height = ByteBuffer.wrap(png, 20, 4).getInt() & 0xFFFFFFFFL;
        if (width == 0 || height == 0 || width > MAX_THUMBNAIL_SIDE || height > MAX_THUMBNAIL_SIDE) {
            throw new StyleFormatException(file, "its thumbnail '" + manifest.thumbnail() + "' is " + width + "x"
                    + height + " pixels; a thumbnail is at most " + MAX_THUMBNAIL_SIDE + " pixels a side",
                    "ask the style's author for a copy with a normal thumbnail");
        }
    }

    /** A file entry (not a folder) of the archive, or null. */
    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry e = zip.getEntry(name);
        return e == null || e.isDirectory() ? null : e;
    }

    /**
     * The entry's bytes, refusing more than {@code limit}: the size in the zip directory can lie, so the
     * limit is enforced while inflating as well.
     */
    private static byte[] readEntry(ZipFile zip, ZipEntry entry, long limit, Path file) throws IOException {
        if (entry.getSize() > limit) {
            throw tooLarge(file, entry.getName(), limit);
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(entry)) {
            data = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (ZipException | EOFException e) {
            throw new StyleFormatException(file,
                    "its entry '" + entry.getName() + "' is damaged (" + e.getMessage() + ")",
                    "if the style was downloaded or copied, the copy may be incomplete; get it again", e);
        }
        if (data.length > limit) {
            throw tooLarge(file, entry.getName(), limit);
        }
        return data;
    }

    private static StyleFormatException tooLarge(Path file, String entry, long limit) {
        return new StyleFormatException(file,
                "its entry '" + entry + "' is larger than the " + (limit >> 20) + " MB a style may hold",
                "the file is damaged or not a Toonsmith style");
    }
}
