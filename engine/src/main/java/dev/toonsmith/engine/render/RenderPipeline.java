package dev.toonsmith.engine.render;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.imported.Stylizers;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.infer.TileProgress;
import dev.toonsmith.engine.post.PostProcess;
import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way a photo becomes a finished file: decode, stylize, blend by the strength, post-process, encode,
 * write. {@code stylize}, the studio's export and the batch all go through it, step by step where they need
 * to (the batch runs the steps on different threads, the studio keeps the generator's output between slider
 * moves), so the same {@link RenderSettings} give the same pixels everywhere.
 *
 * <p>The steps may be called from any thread; the generator step runs one picture at a time per pipeline
 * only if the caller sees to it (a {@link Stylizer} may be shared, and two passes would halve each other's
 * cores). Close the pipeline to free the generator it loaded.
 */
public final class RenderPipeline implements AutoCloseable {

    private final RenderSettings settings;
    private final Stylizer stylizer;
    private final boolean ownsStylizer;

    private RenderPipeline(RenderSettings settings, Stylizer stylizer, boolean ownsStylizer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stylizer = stylizer;
        this.ownsStylizer = ownsStylizer;
    }

    /** A pipeline that loads the settings' style (if any) on {@code device}, and frees it on {@link #close}. */
    public static RenderPipeline open(RenderSettings settings, DevicePreference device) {
        Objects.requireNonNull(device, "device");
        Stylizer stylizer = settings.style().map(style -> Stylizers.load(style, device)).orElse(null);
        return new RenderPipeline(settings, stylizer, true);
    }

    /**
     * A pipeline over a generator the caller keeps (the studio's cache of loaded styles); {@code stylizer} is
     * null exactly when the settings have no style.
     */
    public static RenderPipeline over(RenderSettings settings, Stylizer stylizer) {
        if ((stylizer == null) != settings.style().isEmpty()) {
            throw new IllegalArgumentException("a stylizer is needed exactly when the settings have a style");
        }
        return new RenderPipeline(settings, stylizer, false);
    }

    public RenderSettings settings() {
        return settings;
    }

    /** The generator, or empty for post-processing alone. */
    public Optional<Stylizer> stylizer() {
        return Optional.ofNullable(stylizer);
    }

    /**
     * Reads {@code file} and scales it to the settings' maximum edge; the caller owns the image. A picture over the
     * settings' {@link RenderSettings#imageLimits() limit} is refused before it is decoded, unless it is a JPEG
     * that can be decoded reduced to no less than the maximum edge.
     *
     * @throws ImageFormatException with a message for the user when the file cannot be used
     */
    public Image decode(Path file) throws ImageFormatException {
        Image photo = ImageReader.read(file, settings.imageLimits(), settings.maxEdge());
        return fit(photo);
    }

    /** {@code photo} scaled down to the settings' maximum edge, or itself; takes ownership of {@code photo}. */
    private Image fit(Image photo) {
        int edge = settings.maxEdge();
        if (edge <= 0 || Math.max(photo.width(), photo.height()) <= edge) {
            return photo;
        }
        try (photo) {
            return ImageOps.resizeToMaxEdge(photo, edge);
        }
    }

    /**
     * The generator's full-strength drawing of {@code photo} (decoded and fitted), or empty with no style.
     *
     * @throws java.util.concurrent.CancellationException if the thread is interrupted
     */
    public Optional<Image> generate(Image photo, TileProgress progress) {
        if (stylizer == null) {
            return Optional.empty();
        }
        return Optional.of(stylizer.stylize(photo, settings.stylizeOptions(), progress));
    }

    /** Blends and post-processes: the photo and the generator's drawing (empty: none) become the result. */
    public Image finish(Image photo, Optional<Image> drawing) {
        return finish(photo, drawing.orElse(null), settings.strength(), settings.post().orElse(null));
    }

    /**
     * The steps after the generator, for callers that keep a drawing and change the strength or the
     * post-processing (the studio): {@code drawing} blended with {@code photo} by {@code strength}, then
     * post-processed. The caller keeps ownership of the inputs and owns the result.
     *
     * @param drawing the generator's full-strength output at the photo's size, or null for no style
     * @param post null for no post-processing
     */
    public static Image finish(Image photo, Image drawing, double strength, PostSettings post) {
        Image stylized = blend(photo, drawing, strength);
        if (post == null) {
            return stylized;
        }
        try (stylized) {
            return PostProcess.apply(stylized, post);
        }
    }

    /**
     * The step before post-processing: {@code drawing} blended with {@code photo} by {@code strength}, or a copy
     * of the photo without a drawing. The studio's live preview takes this and post-processes it per slider move.
     */
    public static Image blend(Image photo, Image drawing, double strength) {
        return drawing == null ? photo.copy() : ImageOps.blend(photo, drawing, strength);
    }

    /**
     * Writes {@code result} to {@code target} atomically in the format its extension names, never over
     * {@code source}.
     *
     * @throws IOException with a message for the user; {@code target} is then as it was
     */
    public void write(Image result, Path target, Path source) throws IOException {
        ImageWriter.write(result, target, settings.writeOptions(), source);
    }

    /** What {@link #renderFile} wrote. */
    public record Written(Path file, int width, int height) {}

    /**
     * Every step for one file, one after the other.
     *
     * @throws ImageFormatException when the source cannot be used
     * @throws IOException when the target cannot be written (it is then as it was)
     */
    public Written renderFile(Path source, Path target, TileProgress progress) throws IOException {
        ImageWriter.requireNotSource(source, target);
        try (Image photo = decode(source); Image result = renderDecoded(photo, progress)) {
            write(result, target, source);
            return new Written(target, result.width(), result.height());
        }
    }

    private Image renderDecoded(Image photo, TileProgress progress) {
        Optional<Image> drawing = generate(photo, progress);
        try {
            return finish(photo, drawing);
        } finally {
            drawing.ifPresent(Image::close);
        }
    }

    @Override
    public void close() {
        if (ownsStylizer && stylizer != null) {
            stylizer.close();
        }
    }

    @Override
    public String toString() {
        return "RenderPipeline[" + settings.describe() + "]";
    }
}
