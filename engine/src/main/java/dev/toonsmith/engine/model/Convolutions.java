package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.toonsmith.engine.runtime.TorchRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libtorch's 2-D convolution, made right on CPUs where its oneDNN kernels are wrong.
 *
 * <p>Why: on some CPUs (seen on an AMD EPYC of family 26 with AVX-512, through DJL's libtorch 2.5.1 and its oneDNN),
 * a float32 convolution whose input has more than 16 channels, not a multiple of 16, and a kernel larger than 1x1
 * returns values off by a tenth of their size, sometimes NaN: the default style's refining layer (35 channels in)
 * drew 2.5 % of its pixels in another colour than ONNX Runtime and float64 do. Multiples of 16 are right on those
 * CPUs, so such inputs are padded with zero channels (and the weight with zero rows), which changes no sum.
 *
 * <p>A probe decides once per process, on the refining layer's shape (35 channels in, 16 out, 3x3) over a 64x48
 * picture against the same in float64 (the kernels go wrong only on pictures larger than about 30 pixels a side), whether
 * this CPU needs it: a correct CPU keeps the unpadded, cheaper path. {@code -Dtoonsmith.conv.padChannels=always} or
 * {@code never} overrides the probe (tests use both). Thread-safe.
 */
public final class Convolutions {

    private static final Logger LOG = LoggerFactory.getLogger(Convolutions.class);

    /** The channel multiple oneDNN's kernels are right for on every CPU seen. */
    static final int CHANNEL_MULTIPLE = 16;

    private static volatile Boolean padChannels;

    private Convolutions() {}

    /**
     * {@code Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups)}, with the input's channels padded to
     * a multiple of 16 where this CPU needs it. Differentiable like the plain call; {@code bias} may be null.
     */
    public static NDList conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation,
            int groups) {
        long channels = x.getShape().get(1);
        Shape kernel = weight.getShape();
        boolean affected = groups == 1 && channels > CHANNEL_MULTIPLE && channels % CHANNEL_MULTIPLE != 0
                && kernel.get(2) * kernel.get(3) > 1;
        if (!affected || !padChannels()) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups);
        }
        long missing = CHANNEL_MULTIPLE - channels % CHANNEL_MULTIPLE;
        Shape xs = x.getShape();
        try (NDManager scope = x.getManager().newSubManager();
                NDArray zeros = scope.zeros(new Shape(xs.get(0), missing, xs.get(2), xs.get(3)), x.getDataType(),
                        x.getDevice());
                NDArray noWeights = scope.zeros(new Shape(kernel.get(0), missing, kernel.get(2), kernel.get(3)),
                        weight.getDataType(), weight.getDevice());
                NDArray wideX = NDArrays.concat(new NDList(x, zeros), 1);
                NDArray wideW = NDArrays.concat(new NDList(weight, noWeights), 1)) {
            NDList out = Conv2d.conv2d(wideX, wideW, bias, stride, padding, dilation, groups);
            out.attach(x.getManager());
            return out;
        }
    }

    /** Whether convolutions with an awkward channel count are padded in this process (probing once). */
    public static boolean padChannels() {
        Boolean decided = padChannels;
        if (decided == null) {
            synchronized (Convolutions.class) {
                decided = padChannels;
                if (decided == null) {
                    decided = decide();
                    padChannels = decided;
                }
            }
        }
        return decided;
    }

    /** Sets the decision for this process, as the system property would: tests run both paths. */
    static void decide(boolean pad) {
        padChannels = pad;
    }

    private static boolean decide() {
        String forced = System.getProperty("toonsmith.conv.padChannels", "auto");
        switch (forced) {
            case "always":
                return true;
            case "never":
                return false;
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("toonsmith.conv.padChannels must be always, never or auto, got '"
                        + forced + "'");
        }
        double error = probeError();
        if (error > 1e-3) {
            LOG.warn("libtorch's convolution is wrong on this CPU for channel counts that are not a multiple of {}"
                    + " (probe error {}); such layers are padded with zero channels", CHANNEL_MULTIPLE, error);
            return true;
        }
        LOG.debug("libtorch's convolution probe: error {}", error);
        return false;
    }

    /** The largest difference between a float32 convolution with 35 input channels and the same in float64. */
    static double probeError() {
        TorchRuntime.engine();
        boolean previous = TorchRuntime.setGradMode(false);
        try (NDManager manager = NDManager.newBaseManager()) {
            // From java.util.Random, not the engine's generator, whose seed training runs own.
            java.util.Random random = new java.util.Random(16);
            float[] input = new float[35 * 48 * 64];
            float[] weights = new float[16 * 35 * 3 * 3];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat() * 2 - 1;
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextFloat() * 0.6f - 0.3f;
            }
            NDArray x = manager.create(input, new Shape(1, 35, 48, 64));
            NDArray w = manager.create(weights, new Shape(16, 35, 3, 3));
            Shape one = new Shape(1, 1);
            NDArray single = Conv2d.conv2d(x, w, null, one, one, one, 1).singletonOrThrow();
            NDArray wide = Conv2d.conv2d(x.toType(DataType.FLOAT64, true), w.toType(DataType.FLOAT64, true), null,
                    one, one, one, 1).singletonOrThrow();
            double[] a = single.toType(DataType.FLOAT64, true).toDoubleArray();
            double[] b = wide.toDoubleArray();
            double worst = 0;
            for (int i = 0; i < a.length; i++) {
                double d = Math.abs(a[i] - b[i]);
                // NaN, which the broken kernels also return, counts as wrong.
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
            }
            return worst;
        } finally {
            TorchRuntime.setGradMode(previous);
        }
    }
}
