package dev.toonsmith.app.studio.render;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.infer.StylizeOptions;
import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.post.PostProcess;
import dev.toonsmith.engine.render.RenderPipeline;
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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
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
 *
 * <p>A style change can show a draft first ({@link #generate} at {@link RenderStage#DRAFT}): the generator at
 * {@value #DRAFT_EDGE} px, a quarter of the preview's pixels, scaled up to the preview's size and kept in
 * place of the preview-size output until that is generated. Everything after the generator treats the two
 * alike, so sliders work on a draft exactly as on a preview.
 */
public final class Renderer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Renderer.class);

    /** The preview's long edge: the size post-processing was tuned at, and quick enough to restyle. */
    public static final int PREVIEW_EDGE = PostProcess.REFERENCE_LONG_EDGE;

    /** The draft's long edge: a quarter of the preview's pixels, so about a quarter of its generator time. */
    public static final int DRAFT_EDGE = PREVIEW_EDGE / 2;

    private static final int PREVIEW_CACHE_ENTRIES = 8;

    private final StylizerCache stylizers;
    private final PreviewPipeline pipeline = new PreviewPipeline();
    /**
     * Held for a generator pass at preview size, one at a time: a pass cannot stop mid-layer once started,
     * and two would halve each other's cores and double the memory (about 0.9 GB each at 1024 px).
     */
    private final ImageLimits limits;
    private final ReentrantLock previewPassLock = new ReentrantLock();
    /**
     * Held for a draft pass, one at a time; separate from {@link #previewPassLock} so that the next style's
     * draft does not wait for the previous style's preview pass, which is stale but still running.
     */
    private final ReentrantLock draftPassLock = new ReentrantLock();
    private final ReentrantLock pipelineLock = new ReentrantLock();
    private final ReentrantLock fullLock = new ReentrantLock();
    /**
     * Guards {@link #generatedPreviews} only, never held during a generator pass, so that a slider render can
     * take the kept output while the next stage's pass runs.
     */
    private final Object keptLock = new Object();
    private final Map<String, Generated> generatedPreviews = new LinkedHashMap<>(16, 0.75f, true);
    private String pipelineKey;
    private String fullKey;
    private Image fullGenerated;

    public Renderer(StylizerCache stylizers) {
        this(stylizers, ImageLimits.DEFAULT);
    }

    /** @param limits the largest picture {@link #open} decodes (the {@code maxPixels} setting) */
    public Renderer(StylizerCache stylizers, ImageLimits limits) {
        this.stylizers = Objects.requireNonNull(stylizers, "stylizers");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads a photo and makes its preview, refusing a picture over this renderer's limit; see
     * {@link #open(Path, ImageLimits)}.
     *
     * @throws ImageFormatException with a message for the user if the file cannot be read or is too large
     */
    public Photo open(Path file) throws ImageFormatException {
        return open(file, limits);
    }

    /**
     * Reads a photo and makes its preview. Needs OpenCV only, not the generator's engine, so the studio can show a
     * photo while libtorch still starts. A picture over {@code limits} is refused from its header, before decoding:
     * the studio keeps the full picture for export, so it is never decoded reduced.
     *
     * @throws ImageFormatException with a message for the user if the file cannot be read or is too large
     */
    public static Photo open(Path file, ImageLimits limits) throws ImageFormatException {
        Image full = ImageReader.read(file, limits);
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
    public static Raster originalRaster(Photo photo) {
        try (Photo.Lease lease = photo.lease()) {
            return Rasters.fromImage(photo.full());
        }
    }

    /**
     * Makes sure generator output at least as good as {@code wanted} is kept for {@code photo} in
     * {@code style}, running the generator if it is not. Asking for a {@link RenderStage#DRAFT} of a photo
     * whose preview is too small for a draft to save much generates the preview-size output directly.
     *
     * @param wanted {@link RenderStage#DRAFT} or {@link RenderStage#PREVIEW}
     * @param stillWanted asked before the generator starts, so that an overtaken request does not run it
     * @throws CancellationException if the thread is interrupted or the request is no longer wanted
     * @throws IOException with a message for the user if the style cannot be loaded
     */
    public GeneratorPass generate(Photo photo, StyleEntry style, RenderStage wanted, BooleanSupplier stillWanted)
            throws IOException, InterruptedException {
        Objects.requireNonNull(style, "style");
        if (wanted == RenderStage.FULL) {
            throw new IllegalArgumentException("the full resolution is renderFull's business");
        }
        RenderStage stage = wanted == RenderStage.DRAFT && !draftSavesTime(photo) ? RenderStage.PREVIEW : wanted;
        try (Photo.Lease lease = photo.lease()) {
            String key = generatorKey(photo, style);
            ReentrantLock passLock = stage == RenderStage.DRAFT ? draftPassLock : previewPassLock;
            passLock.lockInterruptibly();
            try {
                RenderStage kept = keptStage(key);
                if (kept != null && kept.atLeast(stage)) {
                    return new GeneratorPass(kept, false, 0);
                }
                checkWanted(stillWanted);
                long start = System.nanoTime();
                Stylizer stylizer = stylizers.get(style);
                Image generated = stage == RenderStage.DRAFT ? draft(photo, stylizer)
                        : stylizer.stylize(photo.preview(), StylizeOptions.defaults());
                RenderStage nowKept = keep(key, new Generated(generated, stage));
                return new GeneratorPass(nowKept, true, millis(System.nanoTime() - start));
            } finally {
                passLock.unlock();
            }
        }
    }

    /**
     * The preview of {@code photo} in {@code style} (null: no style) at {@code strength}, post-processed,
     * from the best generator output kept for them: the preview-size output, or else the draft. With nothing
     * kept, the generator runs at preview size first.
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
            // No style: the photo itself is what post-processing works on, already at its best.
            Generated generated = null;
            if (style != null) {
                String key = generatorKey(photo, style);
                generated = keptCopy(key);
                if (generated == null) {
                    ranGenerator = generate(photo, style, RenderStage.PREVIEW, stillWanted).ranGenerator();
                    generated = keptCopy(key);
                    if (generated == null) {
                        // The newest entry of the cache, evicted by eight newer ones in the moment since: the
                        // generator passes are serialised, so this cannot happen short of a bug.
                        throw new IllegalStateException("the generated preview of " + photo + " was evicted at once");
                    }
                }
            }
            RenderStage stage = generated == null ? RenderStage.PREVIEW : generated.stage();
            long generatorDone = System.nanoTime();
            try {
                Image result;
                pipelineLock.lockInterruptibly();
                try {
                    checkWanted(stillWanted);
                    String key = photo.id() + "/" + (style == null ? "-" : generatorKey(photo, style) + "/" + stage)
                            + "/" + strength;
                    if (!key.equals(pipelineKey)) {
                        Image stylized = RenderPipeline.blend(photo.preview(),
                                generated == null ? null : generated.image(), strength);
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
                    return new PreviewRender(raster, stage, ranGenerator,
                            ranGenerator ? millis(generatorDone - start) : 0, millis(end - generatorDone));
                }
            } finally {
                if (generated != null) {
                    generated.image().close();
                }
            }
        }
    }

    /**
     * Whether a draft is worth its extra pass: only when the preview has at least twice its pixels, i.e. a
     * long edge of over {@value #DRAFT_EDGE} x 1.41 px. Below that the preview pass itself is quick.
     */
    private static boolean draftSavesTime(Photo photo) {
        long longEdge = Math.max(photo.preview().width(), photo.preview().height());
        return longEdge * longEdge >= 2L * DRAFT_EDGE * DRAFT_EDGE;
    }

    /**
     * The generator at {@link #DRAFT_EDGE}, scaled up to the preview's size so that blending, the pipeline
     * and the sliders treat it exactly like the preview-size output. Transparency is the photo's own, at
     * full preview resolution, so a cut-out keeps its edge.
     */
    private static Image draft(Photo photo, Stylizer stylizer) {
        Image preview = photo.preview();
        Size size = new Size(preview.width(), preview.height());
        try (Image small = stylizer.stylize(preview, StylizeOptions.defaults().withMaxEdge(DRAFT_EDGE));
                ImageOps.AlphaSplit styled = ImageOps.splitAlpha(small)) {
            Mat enlarged = new Mat();
            // Bilinear, not bicubic: bicubic's overshoot would give the outline detector false edges.
            Imgproc.resize(styled.colour().mat(), enlarged, size, 0, 0, Imgproc.INTER_LINEAR);
            if (!preview.hasAlpha()) {
                return Image.wrap(enlarged);
            }
            try (Image colour = Image.wrap(enlarged); ImageOps.AlphaSplit original = ImageOps.splitAlpha(preview)) {
                return ImageOps.mergeAlpha(colour, original.alpha());
            }
        }
    }

    /**
     * The finished image at the photo's full size: style, strength, then post-processing, by the engine's
     * {@link RenderPipeline} as {@code stylize} and {@code batch} make it. The caller owns the result.
     *
     * @throws CancellationException if the thread is interrupted
     */
    public Image renderFull(Photo photo, StyleEntry style, double strength, PostSettings settings, Progress progress)
            throws IOException, InterruptedException {
        try (Photo.Lease lease = photo.lease()) {
            Image generated = style == null ? null : fullGenerated(photo, style, progress);
            try {
                checkInterrupted();
                progress.update(0.9);
                long start = System.nanoTime();
                Image result = RenderPipeline.finish(photo.full(), generated, strength, settings);
                log.debug("Full-resolution blend and post-processing of {}x{} took {} ms", result.width(),
                        result.height(), millis(System.nanoTime() - start));
                progress.update(1);
                return result;
            } finally {
                if (generated != null) {
                    generated.close();
                }
            }
        }
    }

    /** A copy of the generator's full-strength output at full size, computed once per photo and style. */
    private Image fullGenerated(Photo photo, StyleEntry style, Progress progress)
            throws IOException, InterruptedException {
        String key = generatorKey(photo, style);
        fullLock.lockInterruptibly();
        try {
            if (!key.equals(fullKey) || fullGenerated == null) {
                Stylizer stylizer = stylizers.get(style);
                // Only the preview-size output can stand for the full size; a draft is scaled up from less.
                Generated kept = keptCopy(key);
                if (kept != null && kept.stage() == RenderStage.PREVIEW) {
                    if (photo.previewIsFull()) {
                        replaceFull(key, kept.image());
                        return fullGenerated.copy();
                    }
                    // A style that draws at its working edge drew the preview exactly as it would draw the full
                    // photo: only the guided upsampling is left to do.
                    long start = System.nanoTime();
                    Optional<Image> finished;
                    try (Image preview = kept.image()) {
                        finished = stylizer.finishFromWorkingSize(photo.full(), preview);
                    }
                    if (finished.isPresent()) {
                        log.info("Full resolution ({}x{}) from the preview's drawing took {} ms", photo.width(),
                                photo.height(), millis(System.nanoTime() - start));
                        replaceFull(key, finished.get());
                        return fullGenerated.copy();
                    }
                } else if (kept != null) {
                    kept.image().close();
                }
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

    /** The generator's full-strength output at preview size, and whether it is a scaled-up draft. */
    private record Generated(Image image, RenderStage stage) {}

    private static String generatorKey(Photo photo, StyleEntry style) {
        return photo.id() + "/" + style.id() + "@" + style.file();
    }

    private RenderStage keptStage(String key) {
        synchronized (keptLock) {
            Generated kept = generatedPreviews.get(key);
            return kept == null ? null : kept.stage();
        }
    }

    /** A copy of the kept output, so that eviction by another request cannot free it under the caller. */
    private Generated keptCopy(String key) {
        synchronized (keptLock) {
            Generated kept = generatedPreviews.get(key);
            return kept == null ? null : new Generated(kept.image().copy(), kept.stage());
        }
    }

    /**
     * Keeps {@code generated} in place of a draft kept for the key; a draft that finishes after the preview
     * (their passes may overlap) is dropped instead.
     *
     * @return the stage kept for the key now
     */
    private RenderStage keep(String key, Generated generated) {
        synchronized (keptLock) {
            Generated kept = generatedPreviews.get(key);
            if (kept != null && kept.stage().atLeast(generated.stage())) {
                generated.image().close();
                return kept.stage();
            }
            generatedPreviews.put(key, generated);
            if (kept != null) {
                kept.image().close();
            }
            Iterator<Generated> eldest = generatedPreviews.values().iterator();
            while (generatedPreviews.size() > PREVIEW_CACHE_ENTRIES && eldest.hasNext()) {
                eldest.next().image().close();
                eldest.remove();
            }
            return generated.stage();
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
        synchronized (keptLock) {
            generatedPreviews.values().forEach(kept -> kept.image().close());
            generatedPreviews.clear();
        }
        synchronized (this) {
            if (fullGenerated != null) {
                fullGenerated.close();
                fullGenerated = null;
            }
        }
    }
}
