package dev.toonsmith.engine.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libtorch's 2-D convolution, made right on CPUs where its oneDNN kernels are wrong.
 *
 * <p>Why: on some CPUs (seen on an AMD EPYC of family 26 with AVX-512, through DJL's libtorch 2.5.1 and its oneDNN),
 * a float32 convolution whose input has more than 16 channels, not a multiple of 16, and a kernel larger than 1x1
 * returns values off by a tenth of their size, sometimes NaN: the default style's refining layer (35 channels in)
 * drew 2.5 % of its pixels in another colour than ONNX Runtime and float64 do. Multiples of 16 are right on those
 * CPUs, so such a convolution is computed as two: over the input's first multiple of 16 channels, and over the
 * rest (at most 15, which are right too), summed.
 *
 * <p>The backward pass goes wrong too, for an output gradient of 1 or 3 channels (the ink and head layers, the
 * discriminators' verdicts): training made NaN losses there. So while gradients are recorded the output channels are
 * padded too, and the extra outputs dropped.
 *
 * <p>A probe decides once per process, on a 35-channel forward convolution and a 1-channel input gradient over a
 * 64x48 picture against the same in float64 (the kernels go wrong only on pictures larger than about 30 pixels a
 * side), whether this CPU needs it: a correct CPU keeps the plain path. {@code -Dtoonsmith.conv.padChannels=always}
 * or {@code never} overrides the probe (tests use both). Thread-safe.
 */
public final class Convolutions {

    private static final Logger LOG = LoggerFactory.getLogger(Convolutions.class);

    /** The channel multiple oneDNN's kernels are right for on every CPU seen. */
    public static final int CHANNEL_MULTIPLE = 16;

    private static volatile Boolean padChannels;

    private Convolutions() {}

    /**
     * {@code Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups)}, computed in pieces the kernels get
     * right where this CPU needs it: an input of more than 16 channels, not a multiple of 16, as the sum of two
     * convolutions (its first multiple of 16 channels, and the rest); and, while gradients are recorded, an output
     * padded with zero channels to a multiple of 16 (the backward kernels go wrong for a gradient of 1 or 3 channels),
     * the extra outputs dropped. Splitting rather than padding the input costs no extra arithmetic or memory.
     * Differentiable like the plain call; {@code bias} may be null.
     */
    public static NDList conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation,
            int groups) {
        Shape kernel = weight.getShape();
        long inputs = x.getShape().get(1);
        long outputs = kernel.get(0);
        boolean spatial = groups == 1 && kernel.get(2) * kernel.get(3) > 1;
        long whole = spatial && inputs > CHANNEL_MULTIPLE ? inputs - inputs % CHANNEL_MULTIPLE : inputs;
        long missingOut = spatial && TorchRuntime.isGradMode() ? missing(outputs) : 0;
        if ((whole == inputs && missingOut == 0) || !padChannels()) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups);
        }
        try (NDManager scope = x.getManager().newSubManager()) {
            List<NDArray> made = new ArrayList<>();
            NDArray w = weight;
            NDArray b = bias;
            if (missingOut > 0) {
                w = keep(made, NDArrays.concat(new NDList(weight, scope.zeros(new Shape(missingOut, inputs,
                        kernel.get(2), kernel.get(3)), weight.getDataType(), weight.getDevice())), 0));
                if (bias != null) {
                    b = keep(made, NDArrays.concat(new NDList(bias, scope.zeros(new Shape(missingOut),
                            bias.getDataType(), bias.getDevice())), 0));
                }
            }
            NDArray out;
            if (whole < inputs) {
                // For one picture a channel range is contiguous: neither slice copies the input.
                NDArray head = keep(made, Conv2d.conv2d(keep(made, x.get(":, 0:" + whole)),
                        keep(made, w.get(":, 0:" + whole)), b, stride, padding, dilation, groups).singletonOrThrow());
                NDArray rest = keep(made, Conv2d.conv2d(keep(made, x.get(":, " + whole + ":")),
                        keep(made, w.get(":, " + whole + ":")), null, stride, padding, dilation, groups)
                        .singletonOrThrow());
                out = head.add(rest);
            } else {
                out = Conv2d.conv2d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
            }
            NDArray result = out;
            if (missingOut > 0) {
                keep(made, out);
                result = out.get(":, 0:" + outputs);
            }
            // An operation's result joins its first operand's manager: the pieces would otherwise pile up in the
            // network's manager at every step. Autograd keeps what the backward pass needs.
            for (NDArray piece : made) {
                piece.attach(scope);
            }
            result.attach(x.getManager());
            return new NDList(result);
        }
    }

    private static NDArray keep(List<NDArray> made, NDArray array) {
        made.add(array);
        return array;
    }

    /** How many zero channels make {@code channels} a multiple of 16. */
    private static long missing(long channels) {
        return (CHANNEL_MULTIPLE - channels % CHANNEL_MULTIPLE) % CHANNEL_MULTIPLE;
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
        if (error > 1e-4) {
            // Info, not a warning: nothing is left for the user to do, and every command would print it.
            LOG.info("libtorch's convolution is wrong on this CPU for channel counts that are not a multiple of {}"
                    + " (probe's relative error {}); such convolutions are computed in pieces that are right",
                    CHANNEL_MULTIPLE, error);
            return true;
        }
        LOG.info("libtorch's convolution probe: relative error {}", error);
        return false;
    }

    /**
     * The largest relative difference from float64, over the two shapes seen wrong: a forward convolution with 35
     * input channels (the refining layer) and the input gradient of one with a single output channel (the ink layer,
     * a discriminator's verdict).
     */
    static double probeError() {
        double forward = probe(35, 16, false);
        try {
            return Math.max(forward, probe(16, 1, true));
        } catch (IllegalStateException collecting) {
            // A gradient collector is open (the probe was reached from inside a training step without the engine
            // having started through TorchRuntime): the forward probe decides alone.
            LOG.debug("convolution probe without its backward half: {}", collecting.getMessage());
            return forward;
        }
    }

    /**
     * A 3x3 convolution of a 64x48 picture in float32 against float64: its output, or its input's gradient (through
     * autograd, so through the backward kernels training runs). {@link TorchRuntime#engine()} probes as libtorch
     * starts, before any training step collects gradients: DJL allows one collector at a time.
     */
    private static double probe(int in, int out, boolean gradient) {
        boolean previous = TorchRuntime.setGradMode(gradient);
        try (NDManager manager = NDManager.newBaseManager()) {
            // From java.util.Random, not the engine's generator, whose seed training runs own.
            java.util.Random random = new java.util.Random(16);
            float[] input = new float[in * 48 * 64];
            float[] weights = new float[out * in * 3 * 3];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat() * 2 - 1;
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextFloat() * 0.6f - 0.3f;
            }
            double[][] results = new double[2][];
            DataType[] types = {DataType.FLOAT32, DataType.FLOAT64};
            Shape one = new Shape(1, 1);
            for (int t = 0; t < 2; t++) {
                NDArray x = manager.create(input, new Shape(1, in, 48, 64)).toType(types[t], false);
                NDArray w = manager.create(weights, new Shape(out, in, 3, 3)).toType(types[t], false);
                if (!gradient) {
                    results[t] = Conv2d.conv2d(x, w, null, one, one, one, 1).singletonOrThrow()
                            .toType(DataType.FLOAT64, false).toDoubleArray();
                    continue;
                }
                x.setRequiresGradient(true);
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDArray y = Conv2d.conv2d(x, w, null, one, one, one, 1).singletonOrThrow();
                    collector.backward(y.mul(y).sum());
                }
                results[t] = x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
            }
            double worst = 0;
            double scale = 1e-9;
            for (int i = 0; i < results[0].length; i++) {
                double d = Math.abs(results[0][i] - results[1][i]);
                // NaN, which the broken kernels also return, counts as wrong.
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
                scale = Math.max(scale, Math.abs(results[1][i]));
            }
            return worst / scale;
        } finally {
            TorchRuntime.setGradMode(previous);
        }
    }
}
