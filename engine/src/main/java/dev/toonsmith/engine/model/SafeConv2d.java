package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.toonsmith.engine.runtime.Convolutions;

/**
 * DJL's {@link Conv2d} (the same parameters under the same names, so every style file loads as before), convolving
 * through {@link Convolutions#conv2d}, which is right on CPUs whose libtorch kernels are not.
 */
final class SafeConv2d extends Conv2d {

    private SafeConv2d(Builder builder) {
        super(builder);
    }

    /** A builder with {@link Conv2d.Builder}'s options. */
    static Builder safeBuilder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? parameterStore.getValue(bias, x.getDevice(), training) : null;
        return Convolutions.conv2d(x, w, b, stride, padding, dilation, groups);
    }

    /** Builds a {@link SafeConv2d}. */
    static final class Builder extends Conv2d.Builder {

        @Override
        public SafeConv2d build() {
            validate();
            return new SafeConv2d(this);
        }
    }
}
