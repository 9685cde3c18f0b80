package dev.toonsmith.engine.post;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link PostProcess} does to a stylized image: four independent steps, each off unless enabled, always
 * run in the order smooth, quantize, adjust, outlines.
 *
 * <p>Each step keeps its parameters while it is switched off, so that a slider dragged to "off" and back, or
 * a preset toggled in the UI, comes back with the same look (the ink colour of a preset, its k-means seed).
 *
 * <p><b>Units.</b> Lengths in pixels (bilateral diameter and spatial sigma, guided-filter radius, outline width
 * and blur) are <em>reference pixels</em>: pixels of the image when its longer edge is
 * {@value PostProcess#REFERENCE_LONG_EDGE} px. {@link PostProcess} multiplies them by
 * {@code longEdge / 1024}, so a 512 px preview and a 4K export of the same picture get lines and smoothing
 * of the same size relative to the picture. Canny thresholds are also meant at the reference size (the
 * gradient is rescaled to match). Colour values (bilateral sigma colour, thresholds) are in 8-bit units
 * (0..255) whatever the image's depth.
 *
 * <p>Every value is checked on construction; an out-of-range value throws an
 * {@link IllegalArgumentException} whose message names the field as it is spelled in a preset file, e.g.
 * {@code quantize.colors must be between 2 and 64, got 300}. Immutable and safe to share between threads.
 *
 * @param smooth edge-preserving smoothing, the first step; outlines are detected on its result
 * @param quantize reduction to a few flat colours
 * @param adjust saturation, contrast and brightness of the (quantized) colours
 * @param outlines ink lines, drawn last so that they stay crisp
 */
public record PostSettings(Smooth smooth, Quantize quantize, Adjust adjust, Outlines outlines) {

    /** Every step off: {@link PostProcess#apply} returns a copy of its input. */
    public static final PostSettings NONE = new PostSettings(Smooth.OFF, Quantize.OFF, Adjust.OFF, Outlines.OFF);

    public PostSettings {
        Objects.requireNonNull(smooth, "smooth");
        Objects.requireNonNull(quantize, "quantize");
        Objects.requireNonNull(adjust, "adjust");
        Objects.requireNonNull(outlines, "outlines");
    }

    /** Whether any step would change the image. */
    public boolean anyEnabled() {
        return smooth.enabled() || quantize.enabled() || adjust.enabled() || outlines.enabled();
    }

    /**
     * The enabled steps in a few words, in the order they run, for listings and status lines: e.g.
     * {@code smooth, 10 colours, colour adjust, outlines 3px}, or {@code no steps}. Widths are reference pixels.
     */
    public String summary() {
        List<String> steps = new ArrayList<>();
        if (smooth.enabled()) {
            steps.add(smooth.filter() == Filter.GUIDED ? "guided smooth" : "smooth");
        }
        if (quantize.enabled()) {
            steps.add(quantize.colors() + " colours");
        }
        if (adjust.enabled() && !adjust.neutral()) {
            steps.add("colour adjust");
        }
        if (outlines.enabled()) {
            steps.add((outlines.mode() == OutlineMode.BLEND ? "soft outlines " : "outlines ") + outlines.width() + "px");
        }
        return steps.isEmpty() ? "no steps" : String.join(", ", steps);
    }

    public PostSettings withSmooth(Smooth smooth) {
        return new PostSettings(smooth, quantize, adjust, outlines);
    }

    public PostSettings withQuantize(Quantize quantize) {
        return new PostSettings(smooth, quantize, adjust, outlines);
    }

    public PostSettings withAdjust(Adjust adjust) {
        return new PostSettings(smooth, quantize, adjust, outlines);
    }

    public PostSettings withOutlines(Outlines outlines) {
        return new PostSettings(smooth, quantize, adjust, outlines);
    }

    /** A builder for the UI's and CLI's simple controls, starting from every step off. */
    public static Builder builder() {
        return new Builder(NONE);
    }

    /** A builder for the simple controls that starts from these settings (e.g. a preset) and keeps the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Which edge-preserving filter {@link Smooth} uses. */
    public enum Filter {
        /**
         * OpenCV's bilateral filter: flattens texture strongly and keeps edges very sharp; the classic
         * cartoon filter. Its cost grows with the square of the diameter.
         */
        BILATERAL,
        /**
         * He et al.'s guided filter, guided by the image itself, channel by channel: softer than bilateral,
         * and its cost does not depend on the radius.
         */
        GUIDED
    }

    /**
     * Edge-preserving smoothing. The parameters of the filter not chosen are kept (and saved) but unused.
     *
     * @param diameter bilateral: neighbourhood diameter in reference pixels, odd, 3..15
     * @param sigmaColor bilateral: how different (in 8-bit units) two colours may be and still be averaged,
     *     1..250; larger flattens more
     * @param sigmaSpace bilateral: spatial sigma in reference pixels, 0.5..50
     * @param passes bilateral: how many times the filter runs, 1..8; repeated small filters flatten regions
     *     more cheaply than one large one
     * @param radius guided: window radius in reference pixels, 1..32
     * @param eps guided: regularisation, in squared fractions of full scale, 1e-6..1; variations smaller than
     *     about {@code sqrt(eps)} of full scale are smoothed away, larger ones kept
     */
    public record Smooth(boolean enabled, Filter filter, int diameter, double sigmaColor, double sigmaSpace,
            int passes, int radius, double eps) {

        public static final int MIN_DIAMETER = 3;
        public static final int MAX_DIAMETER = 15;
        public static final int MAX_PASSES = 8;
        public static final int MAX_RADIUS = 32;

        /** Off, holding the defaults the simple controls start from. */
        public static final Smooth OFF = new Smooth(false, Filter.BILATERAL, 5, 60, 2.5, 2, 6, 0.005);

        public Smooth {
            Objects.requireNonNull(filter, "smooth.filter");
            Check.range("smooth.diameter", diameter, MIN_DIAMETER, MAX_DIAMETER);
            if (diameter % 2 == 0) {
                throw new InvalidField("smooth.diameter", "smooth.diameter must be odd, got " + diameter);
            }
            Check.range("smooth.sigmaColor", sigmaColor, 1, 250);
            Check.range("smooth.sigmaSpace", sigmaSpace, 0.5, 50);
            Check.range("smooth.passes", passes, 1, MAX_PASSES);
            Check.range("smooth.radius", radius, 1, MAX_RADIUS);
            Check.range("smooth.eps", eps, 1e-6, 1);
        }

        /** Bilateral smoothing, on. */
        public static Smooth bilateral(int diameter, double sigmaColor, double sigmaSpace, int passes) {
            return new Smooth(true, Filter.BILATERAL, diameter, sigmaColor, sigmaSpace, passes, OFF.radius, OFF.eps);
        }

        /** Guided-filter smoothing, on. */
        public static Smooth guided(int radius, double eps) {
            return new Smooth(true, Filter.GUIDED, OFF.diameter, OFF.sigmaColor, OFF.sigmaSpace, OFF.passes,
                    radius, eps);
        }

        public Smooth withEnabled(boolean enabled) {
            return new Smooth(enabled, filter, diameter, sigmaColor, sigmaSpace, passes, radius, eps);
        }
    }

    /**
     * Reduction to at most {@code colors} flat colours by k-means clustering in CIELAB, where distances follow
     * perceived colour differences.
     *
     * @param colors the number of colours, 2..64
     * @param seed picks the pixels the colours are fitted on; the same seed and image always give the same
     *     colours, another seed may give slightly different ones
     */
    public record Quantize(boolean enabled, int colors, int seed) {

        public static final int MIN_COLORS = 2;
        public static final int MAX_COLORS = 64;

        public static final Quantize OFF = new Quantize(false, 8, 1);

        public Quantize {
            Check.range("quantize.colors", colors, MIN_COLORS, MAX_COLORS);
        }

        /** {@code colors} colours with the default seed, on. */
        public static Quantize colors(int colors) {
            return new Quantize(true, colors, OFF.seed);
        }

        public Quantize withEnabled(boolean enabled) {
            return new Quantize(enabled, colors, seed);
        }
    }

    /**
     * Colour adjustments. All three at their neutral value leave the colours as they are.
     *
     * @param saturation multiplier of HSV saturation, 0..3; 1 is unchanged, 0 is gray
     * @param contrast multiplier of the distance from mid-gray, 0..3; 1 is unchanged
     * @param brightness added to every channel, as a fraction of full scale, -1..1; 0 is unchanged
     */
    public record Adjust(boolean enabled, double saturation, double contrast, double brightness) {

        public static final double MAX_SATURATION = 3;

        public static final Adjust OFF = new Adjust(false, 1, 1, 0);

        public Adjust {
            Check.range("adjust.saturation", saturation, 0, MAX_SATURATION);
            Check.range("adjust.contrast", contrast, 0, 3);
            Check.range("adjust.brightness", brightness, -1, 1);
        }

        /** These adjustments, on. */
        public static Adjust of(double saturation, double contrast, double brightness) {
            return new Adjust(true, saturation, contrast, brightness);
        }

        /** Whether the values leave every colour unchanged, whether or not the step is enabled. */
        public boolean neutral() {
            return saturation == 1 && contrast == 1 && brightness == 0;
        }

        public Adjust withEnabled(boolean enabled) {
            return new Adjust(enabled, saturation, contrast, brightness);
        }
    }

    /** How {@link Outlines} puts its lines on the picture. */
    public enum OutlineMode {
        /**
         * Hard lines: line pixels become the ink colour mixed with the picture by the opacity, so at opacity 1
         * they are exactly the ink colour (quantized colours plus ink stay a small, exact palette).
         */
        INK,
        /**
         * Soft lines: the picture and an ink layer are mixed as by OpenCV's {@code addWeighted}, weighted per
         * pixel by a feathered line mask times the opacity. Anti-aliased and translucent, but it adds
         * in-between colours.
         */
        BLEND
    }

    /**
     * Ink lines along edges: Canny edges of the blurred grayscale of the smoothed picture, widened to
     * {@code width}.
     *
     * @param lowThreshold Canny's lower gradient threshold (8-bit units, L2 norm of the 3x3 Sobel gradient at
     *     the reference size), 0..1000: weaker edges continue a line only if connected to a strong one
     * @param highThreshold Canny's upper threshold, at least {@code lowThreshold}, 1..1000: edges stronger
     *     than this start a line; lower means more lines
     * @param width line width in reference pixels, 1..16 (at least 1 px on any image)
     * @param blur sigma of the Gaussian blur before edge detection, in reference pixels, 0..8; larger ignores
     *     fine texture such as fur
     * @param color the ink colour
     * @param opacity 0..1; 1 is opaque ink
     */
    public record Outlines(boolean enabled, double lowThreshold, double highThreshold, int width, double blur,
            Rgb color, double opacity, OutlineMode mode) {

        public static final int MAX_WIDTH = 16;
        public static final double MAX_THRESHOLD = 1000;
        public static final double MAX_BLUR = 8;

        public static final Outlines OFF =
                new Outlines(false, 60, 150, 2, 1.5, Rgb.BLACK, 1, OutlineMode.INK);

        public Outlines {
            Check.range("outlines.lowThreshold", lowThreshold, 0, MAX_THRESHOLD);
            Check.range("outlines.highThreshold", highThreshold, 1, MAX_THRESHOLD);
            if (highThreshold < lowThreshold) {
                throw new InvalidField("outlines.highThreshold", "outlines.highThreshold must be at least "
                        + "outlines.lowThreshold (" + Check.format(lowThreshold) + "), got "
                        + Check.format(highThreshold));
            }
            Check.range("outlines.width", width, 1, MAX_WIDTH);
            Check.range("outlines.blur", blur, 0, MAX_BLUR);
            Objects.requireNonNull(color, "outlines.color");
            Check.range("outlines.opacity", opacity, 0, 1);
            Objects.requireNonNull(mode, "outlines.mode");
        }

        /** Opaque lines of the given colour, width and thresholds, on, with the default blur. */
        public static Outlines ink(Rgb color, int width, double lowThreshold, double highThreshold) {
            return new Outlines(true, lowThreshold, highThreshold, width, OFF.blur, color, 1, OutlineMode.INK);
        }

        public Outlines withEnabled(boolean enabled) {
            return new Outlines(enabled, lowThreshold, highThreshold, width, blur, color, opacity, mode);
        }

        public Outlines withWidth(int width) {
            return new Outlines(enabled, lowThreshold, highThreshold, width, blur, color, opacity, mode);
        }

        public Outlines withMode(OutlineMode mode) {
            return new Outlines(enabled, lowThreshold, highThreshold, width, blur, color, opacity, mode);
        }
    }

    /** An 8-bit sRGB colour, written {@code #rrggbb} in preset files. */
    public record Rgb(int red, int green, int blue) {

        public static final Rgb BLACK = new Rgb(0, 0, 0);

        private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

        public Rgb {
            Check.range("red", red, 0, 255);
            Check.range("green", green, 0, 255);
            Check.range("blue", blue, 0, 255);
        }

        /**
         * Parses {@code #rrggbb}.
         *
         * @throws IllegalArgumentException if the text is not of that form
         */
        public static Rgb parse(String hex) {
            if (hex == null || !HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("a colour must be written #rrggbb, got " + hex);
            }
            int v = Integer.parseInt(hex.substring(1), 16);
            return new Rgb(v >> 16, (v >> 8) & 0xff, v & 0xff);
        }

        /** {@code #rrggbb}, lower case. */
        public String toHex() {
            return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
        }
    }

    /**
     * Sets the detailed settings from the five simple controls of the UI and CLI, keeping every parameter a
     * control does not own (so a preset's ink colour or seed survives slider moves). Not thread-safe; build
     * on the thread that owns the controls.
     *
     * <p>The mapping, chosen by eye on photos and within the time budget of the live preview:
     * <ul>
     *   <li>{@link #colors(int)}: k, 0 = quantize off.
     *   <li>{@link #edges(double)}: strength s in 0..1, 0 = outlines off. Opacity {@code min(1, 0.25 + s)},
     *       so lines are opaque from s = 0.75; thresholds fall as s rises, so that more edges are drawn:
     *       high = {@code 220 - 160 s} (60 at s = 1, 140 at s = 0.5), low = 0.4 high.
     *   <li>{@link #edgeWidth(int)}: line width in reference pixels.
     *   <li>{@link #smooth(int)}: amount 0..10, 0 = off; bilateral with diameter 5 and spatial sigma 2.5,
     *       sigma colour {@code 20 + 8 amount} and {@code 1 + (amount - 1) / 4} passes (1 to 3). Repeated small
     *       filters flatten regions like one large filter at a fraction of the cost: amount 10 takes about
     *       17 ms on a 1024x768 image on two idle cores, where one pass of diameter 9 takes about 40.
     *   <li>{@link #saturation(double)}: HSV saturation multiplier, 1 = unchanged; the adjust step is on
     *       whenever any of its values is not neutral.
     * </ul>
     */
    public static final class Builder {

        public static final int MAX_SMOOTH_AMOUNT = 10;

        private Smooth smooth;
        private Quantize quantize;
        private Adjust adjust;
        private Outlines outlines;

        private Builder(PostSettings base) {
            this.smooth = base.smooth;
            this.quantize = base.quantize;
            this.adjust = base.adjust;
            this.outlines = base.outlines;
        }

        /** Colour levels: k colours, or 0 to switch quantizing off. */
        public Builder colors(int k) {
            if (k == 0) {
                quantize = quantize.withEnabled(false);
            } else {
                quantize = new Quantize(true, k, quantize.seed());
            }
            return this;
        }

        /** Outline strength 0..1; 0 switches outlines off. */
        public Builder edges(double strength) {
            Check.range("outline strength", strength, 0, 1);
            if (strength == 0) {
                outlines = outlines.withEnabled(false);
                return this;
            }
            double high = 220 - 160 * strength;
            double opacity = Math.min(1, 0.25 + strength);
            Outlines o = outlines;
            outlines = new Outlines(true, 0.4 * high, high, o.width(), o.blur(), o.color(), opacity, o.mode());
            return this;
        }

        /** Outline width in reference pixels; does not switch outlines on or off. */
        public Builder edgeWidth(int px) {
            outlines = outlines.withWidth(px);
            return this;
        }

        /** Smoothing amount 0..10; 0 switches smoothing off. */
        public Builder smooth(int amount) {
            Check.range("smoothing amount", amount, 0, MAX_SMOOTH_AMOUNT);
            if (amount == 0) {
                smooth = smooth.withEnabled(false);
                return this;
            }
            smooth = new Smooth(true, Filter.BILATERAL, 5, 20 + 8 * amount, 2.5, 1 + (amount - 1) / 4,
                    smooth.radius(), smooth.eps());
            return this;
        }

        /** Saturation multiplier 0..3, 1 = unchanged. */
        public Builder saturation(double s) {
            Adjust a = new Adjust(false, s, adjust.contrast(), adjust.brightness());
            adjust = a.withEnabled(!a.neutral());
            return this;
        }

        public PostSettings build() {
            return new PostSettings(smooth, quantize, adjust, outlines);
        }
    }

    /** Range checks whose messages name the field as a preset file spells it. */
    static final class Check {

        private Check() {}

        static void range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidField(field, field + " must be between " + min + " and " + max + ", got " + value);
            }
        }

        static void range(String field, double value, double min, double max) {
            if (!(value >= min && value <= max)) {
                throw new InvalidField(field, field + " must be between " + format(min) + " and "
                        + format(max) + ", got " + format(value));
            }
        }

        /** A number as a person would write it: 2 rather than 2.0, 0.005 rather than 5.0E-3. */
        static String format(double value) {
            if (!Double.isFinite(value)) {
                return Double.toString(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** A value out of its range, with the field it belongs to, so that preset errors can point at it. */
    static final class InvalidField extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        final String field;

        InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
