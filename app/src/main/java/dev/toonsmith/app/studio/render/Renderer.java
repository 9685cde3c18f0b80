package dev.toonsmith.app.studio.render;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.post.PostProcess;
import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.post.PreviewPipeline;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.app.studio.tasks.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's use of the engine: opening photos, the live preview, the full-resolution render and
 * thumbnails. Every method runs on a worker thread and may take long; none touches the UI.
 *
 * <p>The preview is built so that a slider costs only post-processing: the generator's full-strength output
 * at preview size is kept per photo and style, the strength slider mixes it with the photo
 * ({@link ImageOps#blend}, about a millisecond), and the {@link PreviewPipeline} re-runs post-processing on
 * that. The full-resolution generator output of the current photo and style is kept too, so the background
 * full render and the export after a slider move only post-process again.
 */
public final class Renderer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Renderer.class);

    /** The preview's long edge: the size post-processing was tuned at, and quick enough to restyle. */
    public static final int PREVIEW_EDGE = PostProcess.REFERENCE_LONG_EDGE;

    private static final int PREVIEW_CACHE_ENTRIES = 8;

    private final StylizerCache stylizers;
    private final PreviewPipeline pipeline = new PreviewPipeline();
    private final ReentrantLock generatorLock = new ReentrantLock();
    private final ReentrantLock pipelineLock = new ReentrantLock();
    private final ReentrantLock fullLock = new ReentrantLock();
    private final Map<String, Image> generatedPreviews = new LinkedHashMap<>(16, 0.75f, true);
    private String pipelineKey;
    private String fullKey;
    private Image fullGenerated;

    public Renderer(StylizerCache stylizers) {
        this.stylizers = Objects.requireNonNull(stylizers, "stylizers");
    }

    /**
     * Reads a photo and makes its preview.
     *
     * @throws ImageFormatException with a message for the user if the file cannot be read
     */
    public Photo open(Path file) throws ImageFormatException {
        Image full = ImageReader.read(file);
        try {
            Image preview = Math.max(full.width(), full.height()) > PREVIEW_EDGE
                    ? ImageOps.resizeToMaxEdge(full, PREVIEW_EDGE) : full;
            return new Photo(file, full, preview);
        } catch (RuntimeException | Error e) {
            full.close();
            throw e;
        }
    }

    /** The photo as it looks on screen: its full image, within the display limit. */
    public Raster originalRaster(Photo photo) {
        try (Photo.Lease lease = photo.lease()) {
            return Rasters.fromImage(photo.full());
        }
    }

    /**
     * The preview of {@code photo} in {@code style} (null: no style) at {@code strength}, post-processed.
     *
     * @param stillWanted asked before the shared preview state is replaced, so a request that has been
     *     overtaken by a newer one leaves it alone
     * @throws CancellationException if the thread is interrupted or the request is no longer wanted
     * @throws IOException with a message for the user if the style cannot be loaded
     */
    public PreviewRender preview(Photo photo, StyleEntry style, double strength, PostSettings settings,
            BooleanSupplier stillWanted) throws IOException, InterruptedException {
        try (Photo.Lease lease = photo.lease()) {
            long start = System.nanoTime();
            boolean ranGenerator = false;
            Image generated = null;
            if (style != null) {
                String key = photo.id() + "/" + style.id() + "@" + style.file();
                generatorLock.lockInterruptibly();
                try {
                    generated = generatedPreviews.get(key);
                    if (generated == null) {
                        checkWanted(stillWanted);
                        Stylizer stylizer = stylizers.get(style);
                        generated = stylizer.stylize(photo.preview(), StylizeOptions.defaults());
                        remember(key, generated);
                        ranGenerator = true;
                    }
                    // A copy, so that eviction by another request cannot free it under us.
                    generated = generated.copy();
                } finally {
                    generatorLock.unlock();
                }
            }
            long generatorDone = System.nanoTime();
            try {
                Image result;
                pipelineLock.lockInterruptibly();
                try {
                    checkWanted(stillWanted);
                    String key = photo.id() + "/" + (style == null ? "-" : style.id() + "@" + style.file())
                            + "/" + strength;
                    if (!key.equals(pipelineKey)) {
                        Image stylized = generated == null ? photo.preview().copy()
                                : ImageOps.blend(photo.preview(), generated, strength);
                        try (stylized) {
                            pipeline.setStylized(stylized);
                        }
                        pipelineKey = key;
                    }
                    result = pipeline.render(settings).orElseThrow();
                } finally {
                    pipelineLock.unlock();
                }
                try (result) {
                    Raster raster = Rasters.fromImage(result, Integer.MAX_VALUE, photo.width(), photo.height());
                    long end = System.nanoTime();
                    return new PreviewRender(raster, ranGenerator, ranGenerator ? millis(generatorDone - start) : 0,
                            millis(end - generatorDone));
                }
            } finally {
                if (generated != null) {
                    generated.close();
                }
            }
        }
    }

    /**
     * The finished image at the photo's full size: style, strength, then post-processing, as the command
     * line's {@code stylize} makes it. The caller owns the result.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public Image renderFull(Photo photo, StyleEntry style, double strength, PostSettings settings, Progress progress)
            throws IOException, InterruptedException {
        try (Photo.Lease lease = photo.lease()) {
            Image stylized;
            if (style == null) {
                stylized = photo.full().copy();
            } else {
                Image generated = fullGenerated(photo, style, progress);
                try (generated) {
                    stylized = ImageOps.blend(photo.full(), generated, strength);
                }
            }
            checkInterrupted();
            progress.update(0.9);
            try (stylized) {
                long start = System.nanoTime();
                Image result = PostProcess.apply(stylized, settings);
                log.debug("Full-resolution post-processing of {}x{} took {} ms", result.width(), result.height(),
                        millis(System.nanoTime() - start));
                progress.update(1);
                return result;
            }
        }
    }

    /** A copy of the generator's full-strength output at full size, computed once per photo and style. */
    private Image fullGenerated(Photo photo, StyleEntry style, Progress progress)
            throws IOException, InterruptedException {
        String key = photo.id() + "/" + style.id() + "@" + style.file();
        fullLock.lockInterruptibly();
        try {
            if (!key.equals(fullKey) || fullGenerated == null) {
                if (photo.previewIsFull()) {
                    generatorLock.lockInterruptibly();
                    try {
                        Image cached = generatedPreviews.get(key);
                        if (cached != null) {
                            replaceFull(key, cached.copy());
                            return fullGenerated.copy();
                        }
                    } finally {
                        generatorLock.unlock();
                    }
                }
                Stylizer stylizer = stylizers.get(style);
                long start = System.nanoTime();
                Image generated = stylizer.stylize(photo.full(), StylizeOptions.defaults(),
                        (done, total) -> progress.update(0.85 * done / total));
                log.info("Generator at full resolution ({}x{}) took {} ms", photo.width(), photo.height(),
                        millis(System.nanoTime() - start));
                replaceFull(key, generated);
            }
            return fullGenerated.copy();
        } finally {
            fullLock.unlock();
        }
    }

    private void replaceFull(String key, Image generated) {
        if (fullGenerated != null) {
            fullGenerated.close();
        }
        fullGenerated = generated;
        fullKey = key;
    }

    /**
     * A small picture of the photo in a style (null: the photo itself), for the gallery's cards: no
     * post-processing, so each card shows what the style itself does.
     */
    public Raster thumbnail(Photo photo, StyleEntry style, int edge) throws IOException {
        try (Photo.Lease lease = photo.lease(); Image small = ImageOps.resizeToMaxEdge(photo.preview(), edge)) {
            if (style == null) {
                return Rasters.fromImage(small);
            }
            try (Image styled = stylizers.get(style).stylize(small, StylizeOptions.defaults())) {
                return Rasters.fromImage(styled);
            }
        }
    }

    /** Frees what is kept of a style, e.g. after it was deleted. */
    public void forgetStyle(String styleId) {
        stylizers.evict(styleId);
    }

    private void remember(String key, Image generated) {
        generatedPreviews.put(key, generated);
        Iterator<Image> eldest = generatedPreviews.values().iterator();
        while (generatedPreviews.size() > PREVIEW_CACHE_ENTRIES && eldest.hasNext()) {
            eldest.next().close();
            eldest.remove();
        }
    }

    private static void checkWanted(BooleanSupplier stillWanted) {
        checkInterrupted();
        if (!stillWanted.getAsBoolean()) {
            throw new CancellationException("a newer preview was requested");
        }
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    @Override
    public void close() {
        pipeline.close();
        stylizers.close();
        synchronized (this) {
            generatedPreviews.values().forEach(Image::close);
            generatedPreviews.clear();
            if (fullGenerated != null) {
                fullGenerated.close();
                fullGenerated = null;
            }
        }
    }
}
