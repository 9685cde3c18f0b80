package dev.toonsmith.engine.render;

import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.style.StyleBundle;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides the pixels and the file of a render: the style and how much of it, the size it is
 * drawn at, post-processing, and the output format. {@code stylize}, the studio's export and a batch take one
 * of these each, so the same settings make the same file wherever they are used.
 *
 * <p>Built with {@link #builder()}; {@link Builder#build()} checks the values and names the setting that is
 * wrong ({@link RenderSettingException}).
 */
public final class RenderSettings {

    private final StyleBundle style;
    private final double strength;
    private final int workingEdge;
    private final int maxEdge;
    private final int tileSize;
    private final PostSettings post;
    private final String postName;
    private final OutputFormat format;
    private final int quality;
    private final ImageLimits imageLimits;

    private RenderSettings(Builder b) {
        this.style = b.style;
        this.strength = b.strength;
        this.workingEdge = b.workingEdge;
        this.maxEdge = b.maxEdge;
        this.tileSize = b.tileSize;
        this.post = b.post;
        this.postName = b.postName;
        this.format = b.format;
        this.quality = b.quality;
        this.imageLimits = b.imageLimits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change one of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.style = style;
        b.strength = strength;
        b.workingEdge = workingEdge;
        b.maxEdge = maxEdge;
        b.tileSize = tileSize;
        b.post = post;
        b.postName = postName;
        b.format = format;
        b.quality = quality;
        b.imageLimits = imageLimits;
        return b;
    }

    /** The style, or empty for post-processing alone. */
    public Optional<StyleBundle> style() {
        return Optional.ofNullable(style);
    }

    /** 0 (the photo's own pixels) to 1 (the generator's output alone). */
    public double strength() {
        return strength;
    }

    /** {@link StylizeOptions#STYLE_WORKING_EDGE}, 0 for full resolution, or pixels. */
    public int workingEdge() {
        return workingEdge;
    }

    /** 0 for the photo's own size, else the longest edge the photo is scaled down to first. */
    /** The largest picture decoded; a JPEG over it may be decoded reduced when {@link #maxEdge} asks for less. */
    public ImageLimits imageLimits() {
        return imageLimits;
    }

    public int maxEdge() {
        return maxEdge;
    }

    /** 0 for tiles chosen from the memory budget, else the largest tile edge. */
    public int tileSize() {
        return tileSize;
    }

    /** Post-processing, or empty for none. */
    public Optional<PostSettings> post() {
        return Optional.ofNullable(post);
    }

    /** The preset the post-processing came from, for file names and reports; empty when unnamed or none. */
    public Optional<String> postName() {
        return Optional.ofNullable(postName);
    }

    /** The output format, or empty to keep each source's own (PNG where it cannot be written). */
    public Optional<OutputFormat> format() {
        return Optional.ofNullable(format);
    }

    /** JPEG and WebP quality, 1-100. */
    public int quality() {
        return quality;
    }

    public WriteOptions writeOptions() {
        return new WriteOptions(quality);
    }

    /** The generator's options: full strength (the blend is the pipeline's), at the photo's decoded size. */
    public StylizeOptions stylizeOptions() {
        return new StylizeOptions(1.0, 0, tileSize, workingEdge);
    }

    /** The format a result of {@code sourceExtension} is written in. */
    public OutputFormat formatFor(String sourceExtension) {
        if (format != null) {
            return format;
        }
        String ext = sourceExtension == null ? "" : sourceExtension.toLowerCase(Locale.ROOT);
        for (OutputFormat f : OutputFormat.values()) {
            if (f.extensions().contains(ext)) {
                return f;
            }
        }
        return OutputFormat.PNG;
    }

    /** The style's name for file names, {@code none} without one: lower case letters, digits and hyphens. */
    public String styleSlug() {
        return style == null ? "none" : slug(style.manifest().name());
    }

    /** The preset's name for file names, {@code custom} for unnamed settings, {@code none} without any. */
    public String postSlug() {
        return post == null ? "none" : postName == null ? "custom" : slug(postName);
    }

    /** What this render does, for logs and status lines. */
    public String describe() {
        StringBuilder s = new StringBuilder(style == null ? "no style" : "style '" + style.manifest().name() + "'");
        if (style != null && strength < 1) {
            s.append(String.format(Locale.ROOT, " at %.0f %%", strength * 100));
        }
        if (post != null) {
            s.append(", post-processing ").append(postName != null ? "'" + postName + "' " : "").append("(")
                    .append(post.summary()).append(")");
        }
        if (maxEdge > 0) {
            s.append(", at most ").append(maxEdge).append(" px");
        }
        return s.toString();
    }

    /** Lower case, letters and digits, words joined by hyphens: safe in file names everywhere. */
    public static String slug(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{IsAlphabetic}\\p{IsDigit}]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private StyleBundle style;
        private double strength = 1.0;
        private int workingEdge = StylizeOptions.STYLE_WORKING_EDGE;
        private int maxEdge;
        private int tileSize;
        private PostSettings post;
        private String postName;
        private OutputFormat format;
        private int quality = WriteOptions.DEFAULT_QUALITY;
        private ImageLimits imageLimits = ImageLimits.DEFAULT;

        private Builder() {}

        /** The style; null for post-processing alone. */
        public Builder optStyle(StyleBundle value) {
            this.style = value;
            return this;
        }

        public Builder optStrength(double value) {
            this.strength = value;
            return this;
        }

        public Builder optWorkingEdge(int value) {
            this.workingEdge = value;
            return this;
        }

        public Builder optMaxEdge(int value) {
            this.maxEdge = value;
            return this;
        }

        public Builder optTileSize(int value) {
            this.tileSize = value;
            return this;
        }

        /**
         * @param settings post-processing; null for none
         * @param presetName the preset they came from, as given (used as it is or changed), or null
         */
        public Builder optPost(PostSettings settings, String presetName) {
            this.post = settings;
            this.postName = settings == null || presetName == null || presetName.isBlank() ? null : presetName;
            return this;
        }

        /** The output format; null keeps each source's own. */
        public Builder optFormat(OutputFormat value) {
            this.format = value;
            return this;
        }

        /** The largest picture decoded; the default is {@link ImageLimits#DEFAULT}. */
        public Builder optImageLimits(ImageLimits value) {
            this.imageLimits = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder optQuality(int value) {
            this.quality = value;
            return this;
        }

        /** @throws RenderSettingException naming the setting that cannot be used */
        public RenderSettings build() {
            if (!(strength >= 0 && strength <= 1)) {
                throw new RenderSettingException("strength", "must be between 0 (the photo) and 1 (the full style), not "
                        + strength + ".");
            }
            if (workingEdge < StylizeOptions.STYLE_WORKING_EDGE) {
                throw new RenderSettingException("working-edge", "must be 0 (full resolution) or a number of pixels, not "
                        + workingEdge + ".");
            }
            if (maxEdge < 0) {
                throw new RenderSettingException("max-edge", "must be 0 (full size) or a number of pixels, not "
                        + maxEdge + ".");
            }
            if (maxEdge > 0 && maxEdge < 16) {
                throw new RenderSettingException("max-edge", "of " + maxEdge + " px is too small to cartoonize;"
                        + " give at least 16.");
            }
            if (tileSize < 0) {
                throw new RenderSettingException("tile", "must be 0 (automatic) or a number of pixels, not "
                        + tileSize + ".");
            }
            if (quality < 1 || quality > 100) {
                throw new RenderSettingException("quality", "must be between 1 and 100, not " + quality + ".");
            }
            if (style == null && post == null) {
                throw new RenderSettingException("style", "is none and there is no post-processing: nothing to do."
                        + " Choose a style or a post-processing preset.");
            }
            return new RenderSettings(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RenderSettings other)) {
            return false;
        }
        return Double.compare(strength, other.strength) == 0 && workingEdge == other.workingEdge
                && maxEdge == other.maxEdge && tileSize == other.tileSize && quality == other.quality
                && Objects.equals(style == null ? null : style.file(), other.style == null ? null : other.style.file())
                && Objects.equals(post, other.post) && Objects.equals(postName, other.postName)
                && format == other.format && imageLimits.equals(other.imageLimits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strength, workingEdge, maxEdge, tileSize, quality, style == null ? null : style.file(),
                post, postName, format, imageLimits);
    }
}
