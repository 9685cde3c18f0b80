package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.studio.adjust.Adjustments;
import dev.toonsmith.app.studio.adjust.AdjustmentsViewModel;
import dev.toonsmith.app.studio.canvas.ViewportModel;
import dev.toonsmith.app.studio.export.ExportJob;
import dev.toonsmith.app.studio.export.ExportViewModel;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.gallery.StyleCardViewModel;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.PreviewRender;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.Lane;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
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
 * <p>Rendering is latest-wins in three background lanes. A change first renders the preview (long edge
 * {@value Renderer#PREVIEW_EDGE} px; a slider costs only post-processing, a new style one generator pass at
 * preview size), then, for photos larger than the preview, the full resolution after a short pause. Any
 * newer change cancels both; the UI thread only receives finished rasters.
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
    private final Lane previewLane;
    private final Lane fullLane;

    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyObjectWrapper<Raster> original = new ReadOnlyObjectWrapper<>(this, "original");
    private final ReadOnlyObjectWrapper<Raster> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper imageInfo = new ReadOnlyStringWrapper(this, "imageInfo", "");
    private final ReadOnlyStringWrapper renderInfo = new ReadOnlyStringWrapper(this, "renderInfo", "");
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final BooleanProperty splitView = new SimpleBooleanProperty(this, "splitView");
    private final DoubleProperty splitPosition = new SimpleDoubleProperty(this, "splitPosition", 0.5);

    private Renderer renderer;
    private StyleCardViewModel lastGoodStyle;
    private Adjustments lastRendered;
    private StyleCardViewModel lastRenderedStyle;
    private boolean previewPending;
    private boolean fullPending;

    public WorkspaceViewModel(Texts texts, BackgroundTasks tasks, NotificationsViewModel notifications,
            Path samplesFolder) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.gallery = new GalleryViewModel(texts, tasks, notifications);
        this.adjustments = new AdjustmentsViewModel(texts, tasks, notifications);
        this.export = new ExportViewModel(texts, tasks, notifications, this::exportJob);
        this.samples = new SamplesViewModel(tasks, samplesFolder);
        this.openLane = tasks.lane("open");
        this.previewLane = tasks.lane("preview");
        this.fullLane = tasks.lane("full");
        lastGoodStyle = gallery.selected();
        gallery.selectedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                requestPreview();
            }
        });
        adjustments.currentProperty().addListener((obs, was, now) -> requestPreview());
    }

    /**
     * Connects the engine once it has warmed up in the background: the renderer, the style library (with
     * the style to select, by id) and the presets (with the preset to select, by name).
     */
    public void engineReady(Renderer engineRenderer, StyleLibrary styles, String styleId, PresetLibrary presets,
            List<dev.toonsmith.engine.post.Preset> presetList, String presetName) {
        this.renderer = Objects.requireNonNull(engineRenderer, "engineRenderer");
        export.setRenderer(engineRenderer);
        adjustments.setPresets(presets, presetList, presetName);
        gallery.setLibrary(styles, engineRenderer, styleId);
        ready.set(true);
        requestPreview();
    }

    /** Opens a photo in the background; a file that cannot be used leaves the current photo in place. */
    public void open(Path file) {
        Objects.requireNonNull(file, "file");
        if (renderer == null) {
            // The engine is still warming up; open as soon as it is there.
            ready.addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                    if (now) {
                        ready.removeListener(this);
                        open(file);
                    }
                }
            });
            return;
        }
        Renderer engineRenderer = renderer;
        long start = System.nanoTime();
        openLane.submit(texts.get("job.open"), (request, progress) -> {
            Photo opened = engineRenderer.open(file);
            try {
                if (opened.width() < MIN_SIDE || opened.height() < MIN_SIDE) {
                    throw new ImageFormatException(file, texts.format("workspace.tooSmall", file.getFileName(),
                            opened.width(), opened.height(), MIN_SIDE));
                }
                return new Opened(opened, engineRenderer.originalRaster(opened));
            } catch (IOException | RuntimeException e) {
                opened.release();
                throw e;
            }
        }, opened -> {
            log.info("Opened {} in {} ms", opened.photo(), (System.nanoTime() - start) / 1_000_000);
            show(opened);
        }, failure -> {
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
        photo.set(opened.photo());
        original.set(opened.original());
        result.set(null);
        lastRendered = null;
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

    /** Files dropped on the window: a style file is imported, an image opened. */
    public void drop(List<Path> files) {
        for (Path f : files) {
            if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toon")) {
                gallery.importStyle(f);
            }
        }
        files.stream().filter(f -> !f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".toon"))
                .findFirst().ifPresent(this::open);
    }

    /** Renders the preview for the current photo, style and sliders, replacing any render in progress. */
    void requestPreview() {
        Photo current = photo.get();
        if (current == null || renderer == null) {
            return;
        }
        cancelFull();
        StyleCardViewModel card = gallery.selected();
        Adjustments settings = adjustments.current();
        StyleEntry style = card.entry();
        boolean styleChanged = card != lastRenderedStyle;
        boolean postOnly = !styleChanged && lastRendered != null && settings.strength() == lastRendered.strength();
        Renderer engineRenderer = renderer;
        Photo.Lease lease = current.lease();
        long start = System.nanoTime();
        setPreviewPending(true);
        previewLane.submit(null, (request, progress) -> {
            try (lease) {
                return engineRenderer.preview(current, style, settings.strength(), settings.postSettings(),
                        request::isLatest);
            }
        }, rendered -> {
            setPreviewPending(false);
            result.set(rendered.raster());
            long shownMillis = (System.nanoTime() - start) / 1_000_000;
            lastRendered = settings;
            lastRenderedStyle = card;
            lastGoodStyle = card;
            logTiming(rendered, style, shownMillis, styleChanged, postOnly);
            renderInfo.set(texts.format(current.previewIsFull() ? "workspace.renderInfo.full" : "workspace.renderInfo.preview",
                    rendered.raster().width(), rendered.raster().height(), shownMillis));
            if (!current.previewIsFull()) {
                requestFull(current, style, settings);
            }
        }, failure -> {
            setPreviewPending(false);
            previewFailed(card, failure);
        });
    }

    private void logTiming(PreviewRender rendered, StyleEntry style, long shownMillis, boolean styleChanged, boolean postOnly) {
        Raster r = rendered.raster();
        if (rendered.ranGenerator()) {
            log.info("Style change shown in {} ms at {}x{} (generator {} ms, post-processing {} ms)", shownMillis,
                    r.width(), r.height(), rendered.generatorMillis(), rendered.postMillis());
        } else if (styleChanged) {
            log.info("Style change shown in {} ms at {}x{} ({}; post-processing {} ms)", shownMillis, r.width(),
                    r.height(), style == null ? "no style" : "generator output reused", rendered.postMillis());
        } else {
            log.info("Slider change shown in {} ms at {}x{} ({}; post-processing {} ms)", shownMillis, r.width(),
                    r.height(), postOnly ? "post-processing only" : "strength blend and post-processing",
                    rendered.postMillis());
        }
    }

    private void previewFailed(StyleCardViewModel card, Throwable failure) {
        if (failure instanceof IOException && card.entry() != null) {
            notifications.error(texts.format("workspace.styleFailed", card.name(), failure.getMessage()), failure);
            StyleCardViewModel fallback = lastGoodStyle != null && lastGoodStyle != card ? lastGoodStyle
                    : gallery.find(null).orElseThrow();
            lastRenderedStyle = null;
            gallery.selectedProperty().set(fallback);
        } else if (failure instanceof OutOfMemoryError) {
            notifications.unexpected(texts.get("workspace.renderOutOfMemory"), failure);
        } else {
            notifications.unexpected(texts.format("workspace.renderFailed", failure.getMessage()), failure);
        }
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
            result.set(raster);
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Full resolution ({}x{}) shown {} ms after the preview", current.width(), current.height(), millis);
            renderInfo.set(texts.format("workspace.renderInfo.full", current.width(), current.height(), millis));
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

    /** Only the newest request of a lane reports back, so "pending" is simply whether the newest has. */
    private void setPreviewPending(boolean pending) {
        previewPending = pending;
        rendering.set(previewPending || fullPending);
    }

    private void setFullPending(boolean pending) {
        fullPending = pending;
        rendering.set(previewPending || fullPending);
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

    /** The latest render, preview or full resolution, for the after canvas. */
    public ReadOnlyObjectProperty<Raster> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "cat.jpg · 451 × 300 px". */
    public ReadOnlyStringProperty imageInfoProperty() {
        return imageInfo.getReadOnlyProperty();
    }

    /** What the after picture is and how long it took, e.g. "Preview 1024 × 683 · 48 ms". */
    public ReadOnlyStringProperty renderInfoProperty() {
        return renderInfo.getReadOnlyProperty();
    }

    /** True while a preview or full-resolution render is running. */
    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
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
