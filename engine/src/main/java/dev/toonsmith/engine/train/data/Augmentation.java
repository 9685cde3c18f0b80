package dev.toonsmith.engine.train.data;

/**
 * How {@link BatchSampler} turns a dataset image into a training sample: which part of it to crop, and
 * how much to vary it, so that a few hundred images look like many more to the networks.
 *
 * <p>Immutable; any thread may use it.
 *
 * @param cropSize the side of the square samples, in pixels
 * @param minScale smallest crop, as a fraction of the area of the image's largest square
 * @param maxScale largest crop, likewise; at most 1
 * @param minAspect narrowest crop, width over height, before it is squeezed into the square sample
 * @param maxAspect widest crop, likewise
 * @param horizontalFlip whether half of the samples are mirrored left-right
 * @param colourJitter how far brightness, contrast and saturation may each move from 1, as a fraction
 *     (0.1 means factors from 0.9 to 1.1); 0 turns jitter off
 * @param randomBackgrounds what transparent areas are laid over: a random flat colour or, 30% of the
 *     time, a random two-colour gradient when true; white, as viewers show them, when false. Clip art
 *     is mostly transparent, and the colour stored under transparent pixels is usually black: taken as
 *     is, it would teach a generator to paint black backgrounds, and always-white backgrounds teach it
 *     to bleach them.
 */
public record Augmentation(
        int cropSize,
        double minScale,
        double maxScale,
        double minAspect,
        double maxAspect,
        boolean horizontalFlip,
        double colourJitter,
        boolean randomBackgrounds) {

    public static final double DEFAULT_MIN_SCALE = 0.5;
    public static final double DEFAULT_MAX_SCALE = 1.0;
    public static final double DEFAULT_MIN_ASPECT = 3.0 / 4.0;
    public static final double DEFAULT_MAX_ASPECT = 4.0 / 3.0;
    /** Light: photos and cartoons differ in colour too, and strong jitter would hide that from the GAN. */
    public static final double DEFAULT_COLOUR_JITTER = 0.1;

    public Augmentation {
        if (cropSize < 1) {
            throw new IllegalArgumentException("cropSize must be at least 1, got " + cropSize);
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException(
                    "scales must satisfy 0 < minScale <= maxScale <= 1, got " + minScale + ".." + maxScale);
        }
        if (!(minAspect > 0 && minAspect <= maxAspect && Double.isFinite(maxAspect))) {
            throw new IllegalArgumentException(
                    "aspects must satisfy 0 < minAspect <= maxAspect, got " + minAspect + ".." + maxAspect);
        }
        if (!(colourJitter >= 0 && colourJitter <= 1)) {
            throw new IllegalArgumentException("colourJitter must be 0 to 1, got " + colourJitter);
        }
    }

    /** The usual settings for square crops of {@code cropSize} pixels. */
    public static Augmentation defaults(int cropSize) {
        return new Augmentation(cropSize, DEFAULT_MIN_SCALE, DEFAULT_MAX_SCALE, DEFAULT_MIN_ASPECT,
                DEFAULT_MAX_ASPECT, true, DEFAULT_COLOUR_JITTER, true);
    }
}
