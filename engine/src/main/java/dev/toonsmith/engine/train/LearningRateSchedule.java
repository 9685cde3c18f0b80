package dev.toonsmith.engine.train;

import java.util.Locale;

/** How the learning rate changes over a run, as a factor of the base rate that depends only on the step. */
public enum LearningRateSchedule {
    /** The base rate throughout. */
    CONSTANT,
    /** The base rate for the first half, then a straight line down to zero at the last step (CycleGAN's). */
    LINEAR,
    /** A half cosine from the base rate down to zero. */
    COSINE;

    /** The factor at {@code step} (0-based) of {@code total} steps. */
    public double factor(long step, long total) {
        if (total <= 0) {
            return 1;
        }
        double progress = Math.min(1.0, Math.max(0.0, (double) step / total));
        return switch (this) {
            case CONSTANT -> 1;
            case LINEAR -> progress < 0.5 ? 1 : Math.max(0, (1 - progress) / 0.5);
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }

    public static LearningRateSchedule parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown learning-rate schedule '" + text + "': use constant, linear or cosine", e);
        }
    }
}
