package dev.toonsmith.engine.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The generators' building brick: optional padding, a 2-D convolution, optional instance norm and an
 * optional activation, in that order.
 */
public final class ConvUnit extends Chain {

    /** How the border is filled before the convolution. */
    public enum Padding {
        /** Mirror the picture ({@link ReflectionPad}): no dark frame around stylized photos. */
        REFLECT,
        /** Zeros, inside the convolution. */
        ZERO,
        /** No padding: the output shrinks by the kernel size minus one. */
        NONE
    }

    /** The non-linearity after the convolution. */
    public enum Nonlinearity {
        NONE,
        RELU,
        LEAKY_RELU,
        TANH,
        SIGMOID
    }

    private ConvUnit() {}

    /** Starts a unit with {@code filters} output channels and a square {@code kernel}. */
    public static Builder builder(int filters, int kernel) {
        return new Builder(filters, kernel);
    }

    /** Builds a {@link ConvUnit}; defaults: stride 1, one group, reflection padding, norm and ReLU on. */
    public static final class Builder {
        private final int filters;
        private final int kernel;
        private int stride = 1;
        private int groups = 1;
        private Padding padding = Padding.REFLECT;
        private boolean norm = true;
        private Nonlinearity nonlinearity = Nonlinearity.RELU;

        private Builder(int filters, int kernel) {
            this.filters = filters;
            this.kernel = kernel;
        }

        public Builder optStride(int stride) {
            this.stride = stride;
            return this;
        }

        /** Groups of the convolution; equal to the input channels for a depthwise convolution. */
        public Builder optGroups(int groups) {
            this.groups = groups;
            return this;
        }

        public Builder optPadding(Padding padding) {
            this.padding = padding;
            return this;
        }

        public Builder optNorm(boolean norm) {
            this.norm = norm;
            return this;
        }

        public Builder optNonlinearity(Nonlinearity nonlinearity) {
            this.nonlinearity = nonlinearity;
            return this;
        }

        public ConvUnit build() {
            if (filters <= 0 || kernel <= 0 || stride <= 0 || groups <= 0) {
                throw new IllegalArgumentException("filters, kernel, stride and groups must be positive");
            }
            if (filters % groups != 0) {
                throw new IllegalArgumentException("filters " + filters + " not divisible by groups " + groups);
            }
            ConvUnit unit = new ConvUnit();
            int half = kernel / 2;
            if (padding == Padding.REFLECT && half > 0) {
                unit.append("pad", new ReflectionPad(half));
            }
            int convPadding = padding == Padding.ZERO ? half : 0;
            unit.append(
                    "conv",
                    SafeConv2d.safeBuilder()
                            .setFilters(filters)
                            .setKernelShape(new Shape(kernel, kernel))
                            .optStride(new Shape(stride, stride))
                            .optPadding(new Shape(convPadding, convPadding))
                            .optGroups(groups)
                            // A bias before instance norm is cancelled by the mean subtraction.
                            .optBias(!norm)
                            .build());
            if (norm) {
                unit.append("norm", new InstanceNorm());
            }
            switch (nonlinearity) {
                case RELU -> unit.append("act", Activation.reluBlock());
                case LEAKY_RELU -> unit.append("act", Activation.leakyReluBlock(0.2f));
                case TANH -> unit.append("act", Activation.tanhBlock());
                case SIGMOID -> unit.append("act", Activation.sigmoidBlock());
                case NONE -> { }
            }
            return unit;
        }
    }
}
