package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.toonsmith.engine.runtime.Convolutions;

/**
 * A 2-D convolution whose weight can be divided by its largest singular value (spectral normalization,
 * Miyato et al. 2018), which bounds how sharply the discriminator can change its verdict and is the most
 * reliable single trick against GAN collapse. The singular value is tracked by one step of power iteration
 * per training forward pass; the iteration vector {@code u} is saved with the weights but never trained.
 *
 * <p>The PyTorch engine has no spectral norm, and DJL's {@code Conv2d} cannot convolve with a modified
 * weight, so this block owns its weight and bias and calls the convolution operator itself.
 */
public final class SpectralConv2d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean spectral;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter u;

    /**
     * @param spectral false for a plain convolution (same parameters, no normalization)
     */
    public SpectralConv2d(int filters, int kernel, int stride, int padding, boolean spectral) {
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.spectral = spectral;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        this.u = spectral
                ? addParameter(Parameter.builder().setName("u").setType(Parameter.Type.OTHER)
                        .optInitializer(new NormalInitializer(1f)).optRequiresGrad(false).build())
                : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = parameterStore.getValue(bias, x.getDevice(), training);
        NDArray effective = spectral ? normalized(w, parameterStore, x, training) : w;
        NDList out = Convolutions.conv2d(x, effective, b, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), 1);
        if (effective != w) {
            effective.close();
        }
        return out;
    }

    private NDArray normalized(NDArray w, ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray uArray = parameterStore.getValue(u, x.getDevice(), training);
        // Everything here is computed from parameters: scope it to the data's manager, or it leaks per pass.
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray matrix = Arrays.scopedTo(w.reshape(filters, -1), scope);
            NDArray fixed = matrix.stopGradient();
            NDArray column = Arrays.scopedTo(uArray.reshape(filters, 1), scope);
            NDArray v = unit(fixed.transpose().matMul(column));
            NDArray nextU = unit(fixed.matMul(v));
            NDArray sigma = nextU.transpose().matMul(matrix.matMul(v));
            if (training) {
                // The power-iteration state moves on only while training, as in PyTorch's spectral_norm.
                Tensors.assign(uArray, nextU.reshape(filters));
            }
            NDArray effective = w.div(sigma.reshape(1, 1, 1, 1));
            effective.attach(x.getManager());
            return effective;
        }
    }

    private static NDArray unit(NDArray vector) {
        return vector.div(vector.norm().add(1e-12f));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long inChannels = inputShapes[0].get(1);
        weight.setShape(new Shape(filters, inChannels, kernel, kernel));
        bias.setShape(new Shape(filters));
        if (u != null) {
            u.setShape(new Shape(filters));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }

    @Override
    public String toString() {
        return (spectral ? "SpectralConv2d" : "Conv2d") + "(" + filters + ", k=" + kernel + ", s=" + stride + ")";
    }
}
