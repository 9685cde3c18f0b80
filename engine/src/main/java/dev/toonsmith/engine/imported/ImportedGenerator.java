package dev.toonsmith.engine.imported;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.toonsmith.engine.infer.Generator;
import dev.toonsmith.engine.infer.GeneratorTraits;
import dev.toonsmith.engine.model.NormStatistics;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A generator brought from elsewhere, a TorchScript or ONNX file, behind the same {@link Generator} seam as our
 * own: it converts the stylizer's NCHW RGB [-1, 1] tensors to the model's {@link ModelConvention} and back.
 *
 * <p>Its internals are unknown, so its instance norms cannot replay statistics across tiles: it runs whole when the
 * picture fits the memory budget, and otherwise in tiles with twice the context (see {@link GeneratorTraits}).
 * Thread-safe: each draw uses its own predictor.
 */
public final class ImportedGenerator implements Generator {

    /** How far an unknown network sees: a ResNet generator's 7x7 stems and 3x3 blocks reach about this far. */
    static final int RECEPTIVE_RADIUS = 64;
    /** The least native memory per input pixel assumed for any model (a small CycleGAN's float32 feature maps). */
    static final long MIN_BYTES_PER_PIXEL = 1024;

    private final Path file;
    private final ModelFormat format;
    private final ModelConvention convention;
    private final ZooModel<NDList, NDList> model;
    private final NDManager scopes;
    private final GeneratorTraits traits;

    private ImportedGenerator(Path file, ModelFormat format, ModelConvention convention, ZooModel<NDList, NDList> model) {
        this.file = file;
        this.format = format;
        this.convention = convention;
        this.model = model;
        this.scopes = TorchRuntime.engine().newBaseManager(Device.cpu());
        this.traits = new GeneratorTraits(convention.sizeMultiple(), Math.max(16, convention.sizeMultiple()),
                RECEPTIVE_RADIUS, bytesPerPixel(sizeOf(file)), false);
    }

    /**
     * Native memory one input pixel needs, estimated from the model file's size, for the tile size: a convolutional
     * generator's parameters grow with the square of its width and its feature maps with the width, so the memory per
     * pixel grows with the square root of the parameter count. Calibrated on CartoonGAN (64 channels, 10.2 M float32
     * parameters), which ONNX Runtime ran whole at 1 MP with a peak of 3.66 GB, about 3,500 B per pixel; 1.25 times
     * the square root leaves a margin (3,990 B for it).
     */
    static long bytesPerPixel(long modelBytes) {
        double parameters = Math.max(0, modelBytes) / 4.0;
        return Math.max(MIN_BYTES_PER_PIXEL, Math.round(1.25 * Math.sqrt(parameters)));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Loads {@code file} with its format's loader (TorchScript's own for {@code .pt}, never a pickle; ONNX Runtime
     * for {@code .onnx}).
     *
     * @throws ModelImportException naming the file when it is not a model, is truncated, or cannot be loaded
     */
    public static ImportedGenerator load(Path file, ModelConvention convention) throws IOException {
        Objects.requireNonNull(convention, "convention");
        if (!Files.isRegularFile(file)) {
            throw new ModelImportException(file, "does not exist or is not a file");
        }
        ModelFormat format = ModelFormat.of(file);
        TorchRuntime.engine();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optEngine(format.engine()).optModelPath(file).optTranslator(new NoopTranslator()).build();
        try {
            return new ImportedGenerator(file, format, convention, criteria.loadModel());
        } catch (MalformedModelException | ModelNotFoundException | RuntimeException e) {
            throw new ModelImportException(file, "cannot be loaded as " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + firstLine(e) + "); it may be truncated or damaged", e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public ModelFormat format() {
        return format;
    }

    public ModelConvention convention() {
        return convention;
    }

    @Override
    public GeneratorTraits traits() {
        return traits;
    }

    @Override
    public Device device() {
        return scopes.getDevice();
    }

    @Override
    public NDManager newScope() {
        return scopes.newSubManager();
    }

    @Override
    public NDArray draw(NDArray photo, NDManager scope, NormStatistics statistics) {
        Shape shape = photo.getShape();
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] in = toModel(photo.toFloatArray(), h, w);
        Shape modelShape = convention.layout() == ModelConvention.Layout.NCHW ? new Shape(1, 3, h, w)
                : new Shape(1, h, w, 3);
        try (NDManager local = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDList out = predictor.predict(new NDList(local.create(in, modelShape)));
            if (out.isEmpty()) {
                throw new ModelOutputException(file, "gives no output");
            }
            NDArray y = out.get(0);
            long[] s = y.getShape().getShape();
            boolean nchw = convention.layout() == ModelConvention.Layout.NCHW;
            if (s.length != 4) {
                throw new ModelOutputException(file, "gives an output of rank " + s.length + " (shape " + y.getShape()
                        + "), not a batch of images (rank 4)");
            }
            long channels = nchw ? s[1] : s[3];
            long oh = nchw ? s[2] : s[1];
            long ow = nchw ? s[3] : s[2];
            if (channels != 3) {
                throw new ModelOutputException(file, "gives " + channels + " channel" + (channels == 1 ? "" : "s")
                        + " (shape " + y.getShape() + "), not 3; check the layout (" + convention.layout() + ")");
            }
            if (oh != h || ow != w) {
                throw new ModelOutputException(file, "gives " + ow + "x" + oh + " pixels for " + w + "x" + h
                        + "; only models that keep the picture's size can be styles");
            }
            float[] drawn = fromModel(y.toFloatArray(), h, w);
            return scope.create(drawn, new Shape(1, 3, h, w));
        } catch (TranslateException e) {
            throw new ModelOutputException(file, "failed on a " + w + "x" + h + " picture (" + firstLine(e) + ")");
        }
    }

    /** NCHW RGB [-1, 1] to the model's convention. */
    private float[] toModel(float[] nchwRgb, int h, int w) {
        return convert(nchwRgb, h, w, true);
    }

    /** The model's convention back to NCHW RGB [-1, 1]. */
    private float[] fromModel(float[] values, int h, int w) {
        return convert(values, h, w, false);
    }

    private float[] convert(float[] src, int h, int w, boolean toModel) {
        int plane = h * w;
        boolean bgr = convention.channels() == ModelConvention.Channels.BGR;
        boolean nhwc = convention.layout() == ModelConvention.Layout.NHWC;
        boolean zeroOne = convention.range() == ModelConvention.Range.ZERO_TO_ONE;
        float[] dst = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            int modelChannel = bgr ? 2 - c : c;
            for (int i = 0; i < plane; i++) {
                int ours = c * plane + i;
                int theirs = nhwc ? i * 3 + modelChannel : modelChannel * plane + i;
                if (toModel) {
                    float v = src[ours];
                    dst[theirs] = zeroOne ? (v + 1) / 2 : v;
                } else {
                    float v = src[theirs];
                    dst[ours] = zeroOne ? v * 2 - 1 : v;
                }
            }
        }
        return dst;
    }

    @Override
    public String describe() {
        return format.name().toLowerCase(java.util.Locale.ROOT) + " model " + file.getFileName() + " ("
                + convention.layout() + " " + convention.channels() + " " + convention.range().id() + ")";
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Frees the model; a second call does nothing (a stylizer and its lender may both close it). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
            scopes.close();
        }
    }

    /** An imported model whose output cannot be a picture: the file and the problem named. */
    public static final class ModelOutputException extends IllegalStateException {
        public ModelOutputException(Path file, String problem) {
            super("The model " + file.getFileName() + " " + problem + ".");
        }
    }
}
