package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.studio.adjust.Adjustments;
import dev.toonsmith.app.studio.adjust.AdjustmentsViewModel;
import dev.toonsmith.app.studio.canvas.ViewportModel;
import dev.toonsmith.app.studio.export.ExportJob;
import dev.toonsmith.app.studio.export.ExportViewModel;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.app.studio.gallery.StyleCardViewModel;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.GeneratorPass;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.PreviewRender;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.render.RenderStage;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.Lane;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Studio page: the photo, the before and after pictures, and the renders that connect the gallery and
 * the sliders to the after picture.
 *
 * <p>Rendering is latest-wins in four background lanes, and a new style (or a new photo with a style) goes
 * through stages that each replace the picture before ({@link RenderStage}): a draft, the generator at
 * {@value Renderer#DRAFT_EDGE} px scaled up to the preview's size; the preview, the generator at
 * {@value Renderer#PREVIEW_EDGE} px; then, for photos larger than the preview, the full resolution after a
 * short pause. The restyle lane runs the generator stages and only a newer photo or style cancels it; the
 * preview lane blends and post-processes the best generator output there is, so a slider costs only
 * post-processing at every stage and never stops the next stage's generator pass; the full lane renders the
 * full resolution. Any change cancels the full render and stale post-processing; the UI thread only receives
 * finished rasters.
 */
public final class WorkspaceViewModel {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceViewModel.class);

    /** Photos smaller than this on a side are refused: there is nothing to cartoonize in them. */
    public static final int MIN_SIDE = 16;

    /** How long the full-resolution render waits for the sliders to rest before it takes the CPU. */
    static final long FULL_RENDER_DELAY_MS = 350;

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final NotificationsViewModel notifications;
    private final GalleryViewModel gallery;
    private final AdjustmentsViewModel adjustments;
    private final ExportViewModel export;
    private final SamplesViewModel samples;
    private final ViewportModel viewport = new ViewportModel();
    private final Lane openLane;
    private final Lane restyleLane;
    private final Lane previewLane;
    private final Lane fullLane;

    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyObjectWrapper<Raster> original = new ReadOnlyObjectWrapper<>(this, "original");
    private final ReadOnlyObjectWrapper<Raster> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<RenderStage> resultStage = new ReadOnlyObjectWrapper<>(this, "resultStage");
    private final ReadOnlyStringWrapper imageInfo = new ReadOnlyStringWrapper(this, "imageInfo", "");
    private final ReadOnlyStringWrapper renderInfo = new ReadOnlyStringWrapper(this, "renderInfo", "");
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper(this, "opening", "");
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting", "");
    private final BooleanProperty splitView = new SimpleBooleanProperty(this, "splitView");
    private final DoubleProperty splitPosition = new SimpleDoubleProperty(this, "splitPosition", 0.5);

    private final Path samplesFolder;
    private Renderer renderer;
    private volatile ImageLimits limits = ImageLimits.DEFAULT;
    /** The engine could not start: no cartoon will come, so the page stops saying one is on its way. */
    private boolean engineFailed;
    /** The current photo and style's render failed; the notification says why, and no cartoon is on its way. */
    private boolean renderFailed;
    private StyleCardViewModel lastGoodStyle;
    /** The photo and style the generator stages work for; a different one starts them over. */
    private Restyle restyle;
    /** The best generator output there is for {@link #restyle}; null until its first stage has run. */
    private RenderStage generated;
    /** The best stage asked of the restyle lane for {@link #restyle}, so each stage is asked for once. */
    private RenderStage requested;
    /** The photo and style, and the sliders, that the after picture was rendered with. */
    private Restyle lastRenderedRestyle;
    private Adjustments lastRendered;
    private boolean restylePending;
    private boolean previewPending;
    private boolean fullPending;

    /**
     * @param gallery the studio's style gallery: the workspace renders its selected style, and other pages (Styles,
     *     Train) add to and pick from the same gallery
     */
    public WorkspaceViewModel(Texts texts, BackgroundTasks tasks, NotificationsViewModel notifications,
            GalleryViewModel gallery, Path samplesFolder) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.adjustments = new AdjustmentsViewModel(texts, tasks, notifications);
        this.export = new ExportViewModel(texts, tasks, notifications, this::exportJob);
        this.samples = new SamplesViewModel(tasks, samplesFolder);
        this.samplesFolder = samplesFolder == null ? null : samplesFolder.toAbsolutePath().normalize();
        this.openLane = tasks.lane("open");
        this.restyleLane = tasks.lane("restyle");
        this.previewLane = tasks.lane("preview");
        this.fullLane = tasks.lane("full");
        lastGoodStyle = gallery.selected();
        gallery.selectedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                requestPreview();
            }
        });
        adjustments.currentProperty().addListener((obs, was, now) -> requestPreview());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {photo, result, ready, opening,
                gallery.selectedProperty()}) {
            o.addListener(x -> updateWaiting());
        }
    }

    /**
     * Connects the engine once it has warmed up in the background: the renderer and the presets (with the preset to
     * select, by name). The gallery has its library by then.
     */
    public void engineReady(Renderer engineRenderer, PresetLibrary presets,
            List<dev.toonsmith.engine.post.Preset> presetList, String presetName) {
        this.renderer = Objects.requireNonNull(engineRenderer, "engineRenderer");
        export.setRenderer(engineRenderer);
        adjustments.setPresets(presets, presetList, presetName);
        ready.set(true);
        requestPreview();
    }

    /** The largest picture {@link #open} decodes (the {@code maxPixels} setting); any thread. */
    public void setImageLimits(ImageLimits value) {
        limits = Objects.requireNonNull(value, "value");
    }

    /**
     * The engine's warm-up failed (the notification says so): photos still open, but no cartoon is on its way, so the
     * page stops saying one is.
     */
    public void engineFailed() {
        engineFailed = true;
        updateWaiting();
    }

    /**
     * Opens a photo in the background; a file that cannot be used leaves the current photo in place. Decoding needs
     * no engine, so the photo shows while the engine still warms up; its cartoon follows once the engine is ready.
     */
    public void open(Path file) {
        Objects.requireNonNull(file, "file");
        ImageLimits imageLimits = limits;
        long start = System.nanoTime();
        opening.set(displayName(file));
        openLane.submit(texts.get("job.open"), (request, progress) -> {
            Photo opened = Renderer.open(file, imageLimits);
            try {
                if (opened.width() < MIN_SIDE || opened.height() < MIN_SIDE) {
                    throw new ImageFormatException(file, texts.format("workspace.tooSmall", file.getFileName(),
                            opened.width(), opened.height(), MIN_SIDE));
                }
                return new Opened(opened, Renderer.originalRaster(opened));
            } catch (IOException | RuntimeException e) {
                opened.release();
                throw e;
            }
        }, opened -> {
            log.info("Opened {} in {} ms", opened.photo(), (System.nanoTime() - start) / 1_000_000);
            show(opened);
        }, failure -> {
            opening.set("");
            if (failure instanceof ImageFormatException) {
                notifications.error(failure.getMessage(), failure);
            } else if (failure instanceof OutOfMemoryError) {
                notifications.unexpected(texts.format("workspace.outOfMemory", file.getFileName()), failure);
            } else {
                notifications.unexpected(texts.format("workspace.openFailed", file.getFileName()), failure);
            }
        });
    }

    private record Opened(Photo photo, Raster original) {}

    private void show(Opened opened) {
        Photo previous = photo.get();
        renderFailed = false;
        photo.set(opened.photo());
        original.set(opened.original());
        resultStage.set(null);
        result.set(null);
        // Last, so that whoever watches the page's waiting text finds the photo on screen when it moves on.
        opening.set("");
        lastRendered = null;
        lastRenderedRestyle = null;
        imageInfo.set(texts.format("workspace.imageInfo", opened.photo().file().getFileName(),
                opened.photo().width(), opened.photo().height()));
        renderInfo.set("");
        viewport.fit();
        notifications.dismiss();
        gallery.setPhoto(opened.photo());
        requestPreview();
        if (previous != null) {
            previous.release();
        }
    }

    /**
     * Files dropped on the window: a style file is imported, an image opened. Model files are left to the view, which
     * asks how to import them (see {@code Studio.drop}); they are never opened as a picture.
     */
    public void drop(List<Path> files) {
        for (Path f : files) {
            if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toon")) {
                gallery.importStyle(f);
            }
        }
        files.stream().filter(f -> !f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toon"))
                .filter(f -> !ImportModelViewModel.isModelFile(f)).findFirst().ifPresent(this::open);
    }

    /**
     * Brings the after picture up to date with the photo, style and sliders. A new photo or style starts the
     * generator stages (draft, then preview); anything else re-renders post-processing on the best generator
     * output there is. Either way stale renders are cancelled, never waited for.
     */
    void requestPreview() {
        Photo current = photo.get();
        if (current == null || renderer == null) {
            return;
        }
        cancelFull();
        long requestedAt = System.nanoTime();
        StyleCardViewModel card = gallery.selected();
        boolean newLook = restyle == null || restyle.photo() != current || restyle.card() != card;
        if (newLook) {
            restyle = new Restyle(current, card, requestedAt);
            renderFailed = false;
            updateWaiting();
            // The previous style's post-processing must not land over the new style's first picture.
            previewLane.cancel();
            setPreviewPending(false);
            restyleLane.cancel();
            setRestylePending(false);
            if (card.entry() == null) {
                // Post-processing alone: the photo is all there is to work on, so there is nothing to draft.
                generated = RenderStage.PREVIEW;
                requested = RenderStage.PREVIEW;
            } else {
                generated = null;
                requested = null;
                runGenerator(restyle, RenderStage.DRAFT);
                return;
            }
        }
        if (generated == null) {
            // The first stage is still generating; it renders with the sliders as they are when it lands.
            return;
        }
        render(restyle, requestedAt, newLook);
    }

    /** The photo and style that generator stages work for, and when they were asked for. */
    private record Restyle(Photo photo, StyleCardViewModel card, long requestedAt) {}

    /** Runs the generator stage {@code stage} for {@code wanted} in the restyle lane, then renders with it. */
    private void runGenerator(Restyle wanted, RenderStage stage) {
        Renderer engineRenderer = renderer;
        StyleEntry style = wanted.card().entry();
        Photo.Lease lease = wanted.photo().lease();
        requested = stage;
        setRestylePending(true);
        restyleLane.submit(null, (request, progress) -> {
            try (lease) {
                return engineRenderer.generate(wanted.photo(), style, stage, request::isLatest);
            }
        }, pass -> {
            // Delivered only while it is the restyle lane's newest request, and a new photo or style
            // cancels the lane, so this is still the current photo and style.
            setRestylePending(false);
            generated = pass.stage();
            requested = pass.stage().atLeast(requested) ? pass.stage() : requested;
            logGenerator(pass, wanted);
            // A slider render may already have picked this output up.
            boolean alreadyShown = lastRenderedRestyle == wanted && resultStage.get() != null
                    && resultStage.get().atLeast(pass.stage()) && adjustments.current().equals(lastRendered);
            if (!alreadyShown) {
                render(wanted, wanted.requestedAt(), true);
            }
        }, failure -> {
            setRestylePending(false);
            previewFailed(wanted.card(), failure);
        });
    }

    /**
     * Blends and post-processes the best generator output for {@code wanted} in the preview lane.
     *
     * @param requestedAt when the change this render answers was made, for the time the toolbar shows
     * @param newLook whether it shows a new photo or style (a generator stage, or "No style"), not a slider
     *     move, for the log
     */
    private void render(Restyle wanted, long requestedAt, boolean newLook) {
        Renderer engineRenderer = renderer;
        Photo current = wanted.photo();
        StyleEntry style = wanted.card().entry();
        Adjustments settings = adjustments.current();
        Photo.Lease lease = current.lease();
        setPreviewPending(true);
        previewLane.submit(null, (request, progress) -> {
            try (lease) {
                return engineRenderer.preview(current, style, settings.strength(), settings.postSettings(),
                        request::isLatest);
            }
        }, rendered -> {
            setPreviewPending(false);
            long shownMillis = (System.nanoTime() - requestedAt) / 1_000_000;
            if (rendered.stage().atLeast(RenderStage.PREVIEW)) {
                // A slider render may have found the preview-size output before its stage reported back.
                generated = RenderStage.PREVIEW;
            }
            logTiming(rendered, style, shownMillis, newLook, settings);
            lastRendered = settings;
            lastRenderedRestyle = wanted;
            lastGoodStyle = wanted.card();
            String info = rendered.stage() == RenderStage.DRAFT ? "workspace.renderInfo.draft"
                    : current.previewIsFull() ? "workspace.renderInfo.full" : "workspace.renderInfo.preview";
            renderInfo.set(texts.format(info, rendered.raster().width(), rendered.raster().height(), shownMillis));
            resultStage.set(rendered.stage());
            result.set(rendered.raster());
            // The draft is on screen before the preview's generator pass takes the cores. Listeners of the
            // picture may have changed the photo, style or sliders meanwhile; their requests supersede what
            // this one would start next.
            if (rendered.stage() == RenderStage.DRAFT && restyle == wanted && requested == RenderStage.DRAFT) {
                runGenerator(wanted, RenderStage.PREVIEW);
            } else if (rendered.stage() == RenderStage.PREVIEW && !current.previewIsFull() && restyle == wanted
                    && settings.equals(adjustments.current())) {
                requestFull(current, style, settings);
            }
        }, failure -> {
            setPreviewPending(false);
            previewFailed(wanted.card(), failure);
        });
    }

    private void logGenerator(GeneratorPass pass, Restyle wanted) {
        if (pass.ranGenerator()) {
            log.info("Generator for the {} of {} in '{}' took {} ms", pass.stage().name().toLowerCase(Locale.ROOT),
                    wanted.photo(), wanted.card().name(), pass.generatorMillis());
        }
    }

    private void logTiming(PreviewRender rendered, StyleEntry style, long shownMillis, boolean newLook,
            Adjustments settings) {
        Raster r = rendered.raster();
        String stage = rendered.stage().name().toLowerCase(Locale.ROOT);
        if (rendered.ranGenerator()) {
            log.info("Style change shown in {} ms as the {} at {}x{} (generator {} ms, post-processing {} ms)",
                    shownMillis, stage, r.width(), r.height(), rendered.generatorMillis(), rendered.postMillis());
        } else if (newLook) {
            log.info("Style change shown in {} ms as the {} at {}x{} ({}; post-processing {} ms)", shownMillis,
                    stage, r.width(), r.height(), style == null ? "no style" : "generator output ready",
                    rendered.postMillis());
        } else {
            boolean postOnly = lastRendered != null && settings.strength() == lastRendered.strength();
            log.info("Slider change shown in {} ms on the {} at {}x{} ({}; post-processing {} ms)", shownMillis,
                    stage, r.width(), r.height(),
                    postOnly ? "post-processing only" : "strength blend and post-processing", rendered.postMillis());
        }
    }

    private void previewFailed(StyleCardViewModel card, Throwable failure) {
        if (failure instanceof IOException && card.entry() != null) {
            notifications.error(texts.format("workspace.styleFailed", card.name(), failure.getMessage()), failure);
            StyleCardViewModel fallback = lastGoodStyle != null && lastGoodStyle != card ? lastGoodStyle
                    : gallery.find(null).orElseThrow();
            // Start the fallback's stages over, even if it is the style the picture already shows.
            restyle = null;
            gallery.selectedProperty().set(fallback);
        } else {
            renderFailed = true;
            updateWaiting();
            if (failure instanceof OutOfMemoryError) {
                notifications.unexpected(texts.get("workspace.renderOutOfMemory"), failure);
            } else {
                notifications.unexpected(texts.format("workspace.renderFailed", failure.getMessage()), failure);
            }
        }
    }

    /**
     * What the page waits for before the cartoon shows: the photo being opened, the engine starting, or the
     * style drawing; empty once the cartoon is there, or when nothing is on its way.
     */
    private void updateWaiting() {
        String text;
        if (!opening.get().isEmpty() && (photo.get() == null || result.get() == null)) {
            text = texts.format("workspace.waiting.opening", opening.get());
        } else if (photo.get() == null || result.get() != null || engineFailed || renderFailed) {
            text = "";
        } else if (renderer == null) {
            text = texts.get("workspace.waiting.engine");
        } else {
            StyleCardViewModel card = gallery.selected();
            text = card == null || card.entry() == null ? texts.get("workspace.waiting.finishing")
                    : texts.format("workspace.waiting.drawing", card.name());
        }
        waiting.set(text);
    }

    /** How the page names a photo it opens: a sample by its title ("Grace Hopper"), any other by its file name. */
    private String displayName(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return samplesFolder != null && samplesFolder.equals(folder) ? SampleViewModel.title(file)
                : file.getFileName().toString();
    }

    private void requestFull(Photo current, StyleEntry style, Adjustments settings) {
        Renderer engineRenderer = renderer;
        Photo.Lease lease = current.lease();
        long start = System.nanoTime();
        setFullPending(true);
        fullLane.submit(texts.get("job.fullResolution"), (request, progress) -> {
            try (lease) {
                Thread.sleep(FULL_RENDER_DELAY_MS);
                progress.update(0);
                try (Image full = engineRenderer.renderFull(current, style, settings.strength(),
                        settings.postSettings(), progress)) {
                    return Rasters.fromImage(full);
                }
            }
        }, raster -> {
            setFullPending(false);
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Full resolution ({}x{}) shown {} ms after the preview", current.width(), current.height(), millis);
            // Text and stage first, so that whoever watches the picture reads the ones that go with it.
            renderInfo.set(texts.format("workspace.renderInfo.full", current.width(), current.height(), millis));
            resultStage.set(RenderStage.FULL);
            result.set(raster);
        }, failure -> {
            setFullPending(false);
            if (failure instanceof OutOfMemoryError) {
                notifications.unexpected(texts.get("workspace.renderOutOfMemory"), failure);
            } else {
                notifications.unexpected(texts.format("workspace.renderFailed", failure.getMessage()), failure);
            }
        });
    }

    private void cancelFull() {
        fullLane.cancel();
        setFullPending(false);
    }

    /**
     * Only the newest request of a lane reports back, so "pending" is simply whether the newest has; a lane
     * cancelled outright reports nothing, so whoever cancels it clears its flag.
     */
    private void setRestylePending(boolean pending) {
        restylePending = pending;
        updateRendering();
    }

    private void setPreviewPending(boolean pending) {
        previewPending = pending;
        updateRendering();
    }

    private void setFullPending(boolean pending) {
        fullPending = pending;
        updateRendering();
    }

    private void updateRendering() {
        rendering.set(restylePending || previewPending || fullPending);
    }

    private Optional<ExportJob> exportJob() {
        Photo current = photo.get();
        if (current == null) {
            return Optional.empty();
        }
        StyleCardViewModel card = gallery.selected();
        Adjustments settings = adjustments.current();
        String look = card.isNoStyle() ? settings.preset().isNone() ? "" : settings.preset().name() : card.name();
        return Optional.of(new ExportJob(current, card.entry(), settings, look));
    }

    public GalleryViewModel gallery() {
        return gallery;
    }

    public AdjustmentsViewModel adjustments() {
        return adjustments;
    }

    public ExportViewModel export() {
        return export;
    }

    public SamplesViewModel samples() {
        return samples;
    }

    public ViewportModel viewport() {
        return viewport;
    }

    public NotificationsViewModel notifications() {
        return notifications;
    }

    public ReadOnlyObjectProperty<Photo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    /** The photo as opened, for the before canvas. */
    public ReadOnlyObjectProperty<Raster> originalProperty() {
        return original.getReadOnlyProperty();
    }

    /** The latest render, draft, preview or full resolution, for the after canvas. */
    public ReadOnlyObjectProperty<Raster> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * Which stage {@link #resultProperty()} shows; null while it shows nothing. Changes just before the
     * result does, so a listener of the result can read the stage of the picture it gets.
     */
    public ReadOnlyObjectProperty<RenderStage> resultStageProperty() {
        return resultStage.getReadOnlyProperty();
    }

    /** "cat.jpg · 451 × 300 px". */
    public ReadOnlyStringProperty imageInfoProperty() {
        return imageInfo.getReadOnlyProperty();
    }

    /**
     * What the after picture is and how long it took since the change it answers, e.g. "Draft · 210 ms" until
     * the preview of a new style replaces it with "Preview 1024 × 683 · 790 ms".
     */
    public ReadOnlyStringProperty renderInfoProperty() {
        return renderInfo.getReadOnlyProperty();
    }

    /** True while a preview or full-resolution render is running. */
    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    /**
     * The name of the photo being opened ("Grace Hopper" for a sample, else its file name) from the moment it is asked
     * for until it shows or fails; empty when none is.
     */
    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /**
     * What the Studio page is waiting for before the cartoon shows, for its progress state: "Opening Grace Hopper…",
     * "Starting the engine…", "Drawing the cartoon in Toonsmith Default…"; empty when the cartoon is shown or none is
     * on its way (no photo, or the engine or the render failed and a notification says so).
     */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** True once the engine has warmed up and the library is listed. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public BooleanProperty splitViewProperty() {
        return splitView;
    }

    /** Where the split view's divider is, 0 (left edge) to 1 (right edge). */
    public DoubleProperty splitPositionProperty() {
        return splitPosition;
    }
}
