package dev.toonsmith.app.studio.adjust;

import dev.toonsmith.engine.post.PostSettings;
import java.util.Objects;

/**
 * The positions of the studio's sliders, and the preset they started from: one immutable value, so undo
 * and redo are a list of these and the render is a function of one.
 *
 * @param strength style strength, 0 (the photo) to 1 (the full style)
 * @param outlines outline strength, 0 (none) to 1
 * @param outlineWidth outline width in pixels of a 1024 px image, 1 to 16
 * @param colors colour levels, 0 (no reduction) or 2 to {@value #MAX_COLORS}
 * @param smoothing 0 (off) to 10
 * @param saturation 0 (gray) to {@value #MAX_SATURATION}, 1 leaves colours as they are
 * @param preset the preset the post-processing builds on
 */
public record Adjustments(double strength, double outlines, int outlineWidth, int colors, int smoothing,
        double saturation, PresetChoice preset) {

    public static final int MAX_COLORS = 32;
    public static final double MAX_SATURATION = 2;

    public Adjustments {
        Objects.requireNonNull(preset, "preset");
        strength = clamp(strength, 0, 1);
        outlines = clamp(outlines, 0, 1);
        outlineWidth = (int) clamp(outlineWidth, 1, PostSettings.Outlines.MAX_WIDTH);
        colors = colors <= 0 ? 0 : (int) clamp(colors, PostSettings.Quantize.MIN_COLORS, MAX_COLORS);
        smoothing = (int) clamp(smoothing, 0, PostSettings.Builder.MAX_SMOOTH_AMOUNT);
        saturation = clamp(saturation, 0, MAX_SATURATION);
    }

    /** The slider positions that show {@code preset} as it is, at full style strength. */
    public static Adjustments of(PresetChoice preset) {
        PostSettings s = preset.settings();
        double outlines = s.outlines().enabled()
                ? round2(clamp((220 - s.outlines().highThreshold()) / 160, 0.05, 1)) : 0;
        int smoothing = s.smooth().enabled()
                ? (int) clamp(Math.round((s.smooth().sigmaColor() - 20) / 8), 1, PostSettings.Builder.MAX_SMOOTH_AMOUNT)
                : 0;
        int colors = s.quantize().enabled() ? s.quantize().colors() : 0;
        double saturation = s.adjust().enabled() ? s.adjust().saturation() : 1;
        return new Adjustments(1, outlines, s.outlines().width(), colors, smoothing, saturation, preset);
    }

    /**
     * The post-processing these sliders ask for: the preset's own settings, with each slider that has been
     * moved from the preset's position applied on top. An untouched preset renders exactly as shipped (its
     * ink colour, filter and thresholds survive), and a moved slider behaves as on the command line.
     */
    public PostSettings postSettings() {
        Adjustments base = of(preset);
        PostSettings.Builder builder = preset.settings().toBuilder();
        if (colors != base.colors) {
            builder.colors(colors);
        }
        if (outlines != base.outlines) {
            builder.edges(outlines);
        }
        if (outlineWidth != base.outlineWidth) {
            builder.edgeWidth(outlineWidth);
        }
        if (smoothing != base.smoothing) {
            builder.smooth(smoothing);
        }
        if (saturation != base.saturation) {
            builder.saturation(saturation);
        }
        return builder.build();
    }

    public Adjustments withStrength(double value) {
        return new Adjustments(value, outlines, outlineWidth, colors, smoothing, saturation, preset);
    }

    /** Whether only the strength differs from {@code other}, which the preview renders without the generator. */
    public boolean samePostProcessing(Adjustments other) {
        return other != null && outlines == other.outlines && outlineWidth == other.outlineWidth
                && colors == other.colors && smoothing == other.smoothing && saturation == other.saturation
                && preset.equals(other.preset);
    }

    /**
     * Whether a post-processing slider has left the preset's position, so the look is no longer the preset as
     * shipped. The style strength is not part of a preset and does not count.
     */
    public boolean modified() {
        return !samePostProcessing(of(preset));
    }

    private static double clamp(double v, double min, double max) {
        return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
