package dev.toonsmith.engine.train.data;

import java.util.Random;

/**
 * Brightness, contrast and saturation factors for one sample, applied the way torchvision's ColorJitter
 * does (in that order, clamping after each), so that settings carry over from published recipes.
 */
record ColourJitter(float brightness, float contrast, float saturation) {

    // Rec. 601 luma, as torchvision uses for contrast and saturation.
    private static final float RED_LUMA = 0.299f;
    private static final float GREEN_LUMA = 0.587f;
    private static final float BLUE_LUMA = 0.114f;

    /** Each factor uniform in [1 - strength, 1 + strength]. */
    static ColourJitter random(double strength, Random random) {
        return new ColourJitter(factor(strength, random), factor(strength, random), factor(strength, random));
    }

    private static float factor(double strength, Random random) {
        return (float) (1 + strength * (2 * random.nextDouble() - 1));
    }

    /** Jitters one sample's R, G, B planes of {@code plane} values each, in [0, 1], in place. */
    void apply(float[] data, int offset, int plane) {
        int end = offset + 3 * plane;
        for (int i = offset; i < end; i++) {
            data[i] = clamp(data[i] * brightness);
        }

        double lumaSum = 0;
        for (int i = offset; i < offset + plane; i++) {
            lumaSum += luma(data, i, plane);
        }
        float meanLuma = (float) (lumaSum / plane);
        for (int i = offset; i < end; i++) {
            data[i] = clamp((data[i] - meanLuma) * contrast + meanLuma);
        }

        for (int i = offset; i < offset + plane; i++) {
            float luma = luma(data, i, plane);
            for (int c = 0; c < 3; c++) {
                int at = i + c * plane;
                data[at] = clamp((data[at] - luma) * saturation + luma);
            }
        }
    }

    private static float luma(float[] data, int redIndex, int plane) {
        return RED_LUMA * data[redIndex] + GREEN_LUMA * data[redIndex + plane]
                + BLUE_LUMA * data[redIndex + 2 * plane];
    }

    private static float clamp(float value) {
        return Math.max(0f, Math.min(1f, value));
    }
}
