package dev.toonsmith.engine.imported;

import java.util.Locale;

/**
 * How an imported model wants its pixels: the value range, the channel order, the layout, and the size multiple
 * its strided layers need. Toonsmith's own generators take NCHW RGB in [-1, 1]; a model from elsewhere says
 * otherwise, and {@link ImportedGenerator} converts on the way in and out.
 *
 * @param range the input and output value range
 * @param channels the channel order
 * @param layout the tensor layout
 * @param sizeMultiple height and width must be multiples of this (4 for two stride-2 layers)
 */
public record ModelConvention(Range range, Channels channels, Layout layout, int sizeMultiple) {

    /** The value range of pixels in and out. */
    public enum Range {
        MINUS_ONE_TO_ONE("-1,1"), ZERO_TO_ONE("0,1");

        private final String id;

        Range(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Range parse(String value) {
            String v = value.replace(" ", "").replace("..", ",");
            for (Range r : values()) {
                if (r.id.equals(v)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("input range '" + value + "' is not -1,1 or 0,1");
        }
    }

    /** The channel order. */
    public enum Channels {
        RGB, BGR;

        public static Channels parse(String value) {
            return Channels.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The tensor layout. */
    public enum Layout {
        NCHW, NHWC;

        public static Layout parse(String value) {
            return Layout.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    public ModelConvention {
        if (range == null || channels == null || layout == null) {
            throw new IllegalArgumentException("range, channels and layout are required");
        }
        if (sizeMultiple < 1 || sizeMultiple > 256) {
            throw new IllegalArgumentException("size multiple must be 1 to 256, got " + sizeMultiple);
        }
    }

    /** PyTorch's usual convention for image-to-image generators: NCHW RGB in [-1, 1]. */
    public static ModelConvention pytorchDefault(int sizeMultiple) {
        return new ModelConvention(Range.MINUS_ONE_TO_ONE, Channels.RGB, Layout.NCHW, sizeMultiple);
    }
}
