package dev.toonsmith.engine.infer;

import dev.toonsmith.engine.model.GeneratorSpec;

/**
 * What the tiler needs to know about a generator, whatever runs it.
 *
 * @param sizeMultiple height and width of the input must be multiples of this
 * @param minimumSide the smallest height or width the network accepts
 * @param receptiveRadius how far, in input pixels, an output pixel can see: tiles overlap by at least this much
 * @param bytesPerPixel a rough upper bound of the native memory one input pixel needs, for the tile size
 * @param replaysNormStatistics whether the network's instance norms can record their statistics over the whole
 *     image and replay them in every tile (our own blocks can; an imported model cannot, so its tiles are wider
 *     and it runs whole when it fits the memory budget)
 */
public record GeneratorTraits(int sizeMultiple, int minimumSide, int receptiveRadius, long bytesPerPixel,
        boolean replaysNormStatistics) {

    public GeneratorTraits {
        if (sizeMultiple < 1 || minimumSide < 1 || receptiveRadius < 0 || bytesPerPixel < 1) {
            throw new IllegalArgumentException("invalid generator traits: multiple " + sizeMultiple + ", minimum side "
                    + minimumSide + ", radius " + receptiveRadius + ", bytes per pixel " + bytesPerPixel);
        }
    }

    /** The traits of one of our own architectures. */
    public static GeneratorTraits of(GeneratorSpec spec) {
        return new GeneratorTraits(spec.sizeMultiple(), spec.minimumSide(), spec.receptiveRadius(),
                spec.inferenceBytesPerPixel(), true);
    }
}
