package dev.toonsmith.app.studio.export;

import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.TaskHandle;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export: renders the photo at full resolution with the current style and sliders, and writes it as PNG,
 * JPEG or WebP, atomically and never over the photo itself. Shows progress and can be cancelled.
 */
public final class ExportViewModel {

    private static final Logger log = LoggerFactory.getLogger(ExportViewModel.class);

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final NotificationsViewModel notifications;
    private final Supplier<Optional<ExportJob>> currentJob;
    private Renderer renderer;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.PNG);
    private final DoubleProperty quality = new SimpleDoubleProperty(this, "quality", WriteOptions.DEFAULT_QUALITY);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<Path> lastExported = new ReadOnlyObjectWrapper<>(this, "lastExported");
    private final ObjectProperty<Path> lastFolder = new SimpleObjectProperty<>(this, "lastFolder");
    private TaskHandle handle = TaskHandle.NONE;
    private Path pictures = PicturesFolder.ofUser();
    private Path home = Path.of(System.getProperty("user.home"));
    private Predicate<Path> writable = Files::isWritable;

    /** @param currentJob what would be exported now; empty while there is no photo */
    public ExportViewModel(Texts texts, BackgroundTasks tasks, NotificationsViewModel notifications,
            Supplier<Optional<ExportJob>> currentJob) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.currentJob = Objects.requireNonNull(currentJob, "currentJob");
    }

    public void setRenderer(Renderer exportRenderer) {
        this.renderer = exportRenderer;
    }

    /**
     * Where the export dialog starts: {@code {name}_{style}.{ext}} beside the photo, or, where the photo's folder
     * cannot be written, in the last export's folder, the Pictures folder or home ({@link ExportNaming#folder}).
     */
    public Optional<Path> proposedTarget() {
        Path last = lastFolder.get();
        return currentJob.get().map(job -> ExportNaming.propose(job.photo().file(), job.look(), format.get(),
                ExportNaming.folder(job.photo().file(), last, pictures, home, writable)));
    }

    /**
     * Where exports go when the photo's folder cannot be written; the studio's are the user's own (tests pass
     * folders of their own, and a check that can see a folder as read-only even when the tests run as root).
     */
    public void setFallbackFolders(Path picturesFolder, Path homeFolder, Predicate<Path> canWrite) {
        this.pictures = Objects.requireNonNull(picturesFolder, "picturesFolder");
        this.home = Objects.requireNonNull(homeFolder, "homeFolder");
        this.writable = Objects.requireNonNull(canWrite, "canWrite");
    }

    /**
     * Renders and writes the current photo to {@code target} (its extension is fixed up to the chosen
     * format). A target that is the photo itself is refused with a message.
     */
    public void export(Path target) {
        Objects.requireNonNull(target, "target");
        Optional<ExportJob> maybeJob = currentJob.get();
        if (maybeJob.isEmpty()) {
            notifications.info(texts.get("export.noPhoto"));
            return;
        }
        if (renderer == null) {
            notifications.info(texts.get("export.notReady"));
            return;
        }
        if (running.get()) {
            notifications.info(texts.get("export.busy"));
            return;
        }
        ExportJob job = maybeJob.get();
        ExportFormat chosen = format.get();
        Path file = ExportNaming.withExtension(target, chosen);
        WriteOptions options = new WriteOptions((int) Math.round(Math.max(1, Math.min(100, quality.get()))));
        try {
            ImageWriter.requireNotSource(job.photo().file(), file);
        } catch (IOException e) {
            notifications.error(e.getMessage(), e);
            return;
        }
        Renderer exportRenderer = renderer;
        Photo.Lease lease = job.photo().lease();
        running.set(true);
        progress.set(0);
        long start = System.nanoTime();
        handle = tasks.submit(texts.get("job.export"), jobProgress -> {
            try (lease) {
                jobProgress.update(0);
                try (Image result = exportRenderer.renderFull(job.photo(), job.style(), job.adjustments().strength(),
                        job.adjustments().postSettings(), fraction -> {
                            jobProgress.update(fraction * 0.95);
                            tasks.uiThread().execute(() -> progress.set(fraction * 0.95));
                        })) {
                    ImageWriter.write(result, file, options, job.photo().file());
                    jobProgress.update(1);
                    return new Written(file, result.width(), result.height());
                }
            }
        }, written -> {
            running.set(false);
            progress.set(1);
            lastExported.set(written.file());
            lastFolder.set(written.file().toAbsolutePath().getParent());
            log.info("Exported {} ({}x{}) in {} ms", written.file(), written.width(), written.height(),
                    (System.nanoTime() - start) / 1_000_000);
            notifications.info(texts.format("export.done", written.file().getFileName(), written.width(),
                    written.height(), written.file().getParent()));
        }, failure -> {
            running.set(false);
            progress.set(-1);
            if (failure instanceof IOException) {
                notifications.error(texts.format("export.failed", file.getFileName(), failure.getMessage()), failure);
            } else {
                notifications.unexpected(texts.format("export.failed", file.getFileName(), failure.getMessage()),
                        failure);
            }
        });
    }

    private record Written(Path file, int width, int height) {}

    /** Stops a running export; nothing is written (the engine writes atomically, so no half file either). */
    public void cancel() {
        if (running.get()) {
            handle.cancel();
            running.set(false);
            progress.set(-1);
            notifications.info(texts.get("export.cancelled"));
        }
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** 1 to 100, for JPEG and WebP. */
    public DoubleProperty qualityProperty() {
        return quality;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The folder the last export went to, this session or (restored by the studio) an earlier one; null for none. */
    public ObjectProperty<Path> lastFolderProperty() {
        return lastFolder;
    }

    public ReadOnlyObjectProperty<Path> lastExportedProperty() {
        return lastExported.getReadOnlyProperty();
    }
}
