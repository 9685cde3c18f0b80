package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.AppVersion;
import dev.toonsmith.app.Errors;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.Lane;
import dev.toonsmith.engine.onnx.OnnxExport;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleFormatException;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleLibraryException;
import dev.toonsmith.engine.style.StyleNames;
import dev.toonsmith.engine.style.StyleProblem;
import dev.toonsmith.engine.style.StyleSource;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The style gallery: a card per style of the library plus "No style", the selected card, importing and
 * deleting, exporting a style as ONNX, and thumbnails of the current photo in each style, rendered in the
 * background one card after another (a new photo cancels the round in progress).
 */
public final class GalleryViewModel {

    private static final Logger log = LoggerFactory.getLogger(GalleryViewModel.class);

    /** Card thumbnails' long edge, in pixels. */
    public static final int THUMBNAIL_EDGE = 176;

    /** The ending of exported ONNX models, added to a chosen name that lacks it. */
    public static final String ONNX_EXTENSION = "onnx";

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final NotificationsViewModel notifications;
    private final Lane thumbnails;
    private final CreditsMemory credits = new CreditsMemory();
    private final StyleCardViewModel noStyle;
    private final ObservableList<StyleCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<StyleCardViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private StyleLibrary library;
    private Renderer renderer;
    private Photo photo;
    /** A training checkpoint being tried on: listed after "No style" until another preview replaces it. */
    private StyleCardViewModel preview;
    /** Styles to import once the library has loaded. */
    private final List<Path> waitingImports = new ArrayList<>();
    /** Where "Export as ONNX…" proposes to write: the user's home, then the folder last exported to. */
    private Path onnxFolder = Path.of(System.getProperty("user.home", "."));

    public GalleryViewModel(Texts texts, BackgroundTasks tasks, NotificationsViewModel notifications) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.thumbnails = tasks.lane("thumbnails");
        this.noStyle = new StyleCardViewModel(null, texts.get("gallery.noStyle"), "", "", true, "", "", "", "");
        cards.add(noStyle);
        selected.set(noStyle);
    }

    /**
     * Shows the styles of {@code styleLibrary} and selects the one with id {@code preferredId}, if any. Called once the
     * library has loaded in the background.
     */
    public void setLibrary(StyleLibrary styleLibrary, Renderer styleRenderer, String preferredId) {
        this.library = Objects.requireNonNull(styleLibrary, "styleLibrary");
        this.renderer = Objects.requireNonNull(styleRenderer, "styleRenderer");
        rebuild(preferredId);
        loaded.set(true);
        List<Path> waiting = List.copyOf(waitingImports);
        waitingImports.clear();
        waiting.forEach(this::importStyle);
    }

    /** Re-lists the library (already reloaded) and selects {@code selectId}, keeping the selection otherwise. */
    private void rebuild(String selectId) {
        Map<String, StyleCardViewModel> previous = new HashMap<>();
        cards.stream().filter(c -> !c.isNoStyle()).forEach(c -> previous.put(c.styleId(), c));
        List<StyleCardViewModel> next = new ArrayList<>();
        next.add(noStyle);
        if (preview != null) {
            next.add(preview);
        }
        for (StyleEntry entry : library.entries()) {
            StyleCardViewModel old = previous.get(entry.id());
            next.add(old != null && old.entry().equals(entry) ? old : card(entry));
        }
        String keep = selectId != null ? selectId : selected.get() == null ? null : selected.get().styleId();
        cards.setAll(next);
        problems.setAll(library.problems().stream().map(StyleProblem::message).toList());
        empty.set(cards.size() == 1);
        selected.set(find(keep).orElse(noStyle));
        renderThumbnails();
    }

    private StyleCardViewModel card(StyleEntry entry) {
        if (entry.source() == StyleSource.PREVIEW) {
            // Its manifest's author and licence are placeholders until the checkpoint is exported.
            long step = entry.manifest().training().steps();
            return new StyleCardViewModel(entry, entry.name(), entry.manifest().architecture().name(), "", true,
                    texts.get("gallery.source.preview"), texts.format("gallery.onnx.tooltip", entry.name()),
                    texts.format("gallery.preview.badge", step), texts.format("gallery.preview.tooltip", step));
        }
        String source = texts.get(switch (entry.source()) {
            case BUNDLED -> "gallery.source.bundled";
            case USER -> "gallery.source.user";
            case PREVIEW -> "gallery.source.preview";
        });
        String licence = entry.manifest().license();
        boolean known = licence != null && !licence.isBlank() && !licence.strip().equalsIgnoreCase("unknown");
        boolean imported = StyleCardViewModel.isImported(entry);
        return new StyleCardViewModel(entry, entry.name(), entry.manifest().architecture().name(),
                known ? licence.strip() : texts.get("gallery.licence.unknown"), known, source,
                imported ? texts.get("gallery.onnx.imported") : texts.format("gallery.onnx.tooltip", entry.name()), "",
                "");
    }

    /** The card of the style with this id; "No style" for null. */
    public Optional<StyleCardViewModel> find(String styleId) {
        if (styleId == null) {
            return Optional.of(noStyle);
        }
        return cards.stream().filter(c -> styleId.equals(c.styleId())).findFirst();
    }

    /** The photo whose thumbnails the cards show; null for none (the styles' own pictures). */
    public void setPhoto(Photo current) {
        this.photo = current;
        renderThumbnails();
    }

    private void renderThumbnails() {
        if (renderer == null) {
            return;
        }
        List<StyleCardViewModel> round = List.copyOf(cards);
        Photo source = photo;
        Photo.Lease lease = source == null ? null : source.lease();
        StyleLibrary styles = library;
        Renderer styleRenderer = renderer;
        thumbnails.submit(null, (request, progress) -> {
            try {
                for (StyleCardViewModel card : round) {
                    if (!request.isLatest() || Thread.currentThread().isInterrupted()) {
                        return null;
                    }
                    Raster raster = thumbnailOf(card, source, styles, styleRenderer);
                    if (raster != null) {
                        tasks.uiThread().execute(() -> {
                            if (request.isLatest()) {
                                card.thumbnailProperty().set(raster);
                            }
                        });
                    }
                }
                return null;
            } finally {
                if (lease != null) {
                    lease.close();
                }
            }
        }, done -> { }, failure -> log.warn("Gallery thumbnails failed", failure));
    }

    private static Raster thumbnailOf(StyleCardViewModel card, Photo source, StyleLibrary styles, Renderer styleRenderer) {
        try {
            if (source != null) {
                return styleRenderer.thumbnail(source, card.entry(), THUMBNAIL_EDGE);
            }
            if (card.isNoStyle()) {
                return null;
            }
            return styles.thumbnailPng(card.styleId()).map(Rasters::fromPng).orElse(null);
        } catch (IOException | RuntimeException e) {
            // The card keeps its placeholder; choosing the style reports the problem properly.
            log.warn("No thumbnail for style {}: {}", card.name(), e.getMessage());
            return null;
        }
    }

    /**
     * Shows a style that is not installed (a training checkpoint) as a card of its own, replacing the previous such
     * card, and selects it.
     */
    public void showPreview(StyleEntry entry) {
        if (library == null) {
            notifications.info(texts.get("gallery.notReady"));
            return;
        }
        preview = card(entry);
        rebuild(entry.id());
        selected.set(preview);
    }

    /**
     * Imports a {@code .toon} file into the user's styles and selects it; before the library has loaded (a style
     * double-clicked on the desktop starts the studio with it), once it has.
     */
    public void importStyle(Path file) {
        if (library == null) {
            waitingImports.add(file);
            return;
        }
        StyleLibrary styles = library;
        tasks.submit(texts.get("job.importStyle"), progress -> styles.importStyle(file), entry -> {
            rebuild(entry.id());
            notifications.info(texts.format("gallery.imported", entry.name()));
        }, failure -> {
            if (failure instanceof StyleFormatException || failure instanceof StyleLibraryException) {
                notifications.error(texts.format("gallery.importFailed", file.getFileName(), failure.getMessage()), failure);
            } else {
                notifications.unexpected(texts.format("gallery.importFailed", file.getFileName(), failure.getMessage()),
                        failure);
            }
        });
    }

    /**
     * Installs a style made in the studio (a training checkpoint exported on the Train page) in the background,
     * without a message of its own: the action that made it says what happened. The user's chosen style stays chosen,
     * unless it is the preview card {@code replacesPreviewId} (the same checkpoint, tried on): the installed style then
     * takes its place and is chosen.
     *
     * @param onAdded the new style, and whether it is now the chosen one; UI thread
     * @param onFailed why the style could not be installed; UI thread
     */
    public void addStyle(Path file, String replacesPreviewId, Consumer<Added> onAdded, Consumer<Throwable> onFailed) {
        if (library == null) {
            onFailed.accept(new StyleLibraryException(texts.get("gallery.notReady")));
            return;
        }
        StyleLibrary styles = library;
        tasks.submit(null, progress -> styles.importStyle(file), entry -> {
            boolean replacesPreview = preview != null && preview.styleId().equals(replacesPreviewId);
            boolean choose = replacesPreview && selected.get() == preview;
            if (replacesPreview) {
                preview = null;
            }
            rebuild(choose ? entry.id() : null);
            onAdded.accept(new Added(entry, choose));
        }, onFailed::accept);
    }

    /** A style {@link #addStyle} installed, and whether it became the chosen style. */
    public record Added(StyleEntry entry, boolean chosen) {}

    /**
     * A fresh "Export as style" form, proposing {@code name} (made free of the installed styles' names) and the author
     * and licence given last time.
     */
    public StyleDetailsForm newStyleDetails(String name) {
        return new StyleDetailsForm(texts, names(), credits, name);
    }

    /** The installed styles' names, which a new style's must not repeat; none before the library has loaded. */
    public StyleNames names() {
        return library == null ? StyleNames.of(List.of()) : library.names();
    }

    /** The author and licence given to the last style exported or imported; the studio keeps them in its settings. */
    public CreditsMemory credits() {
        return credits;
    }

    /** A fresh "Import model" form for {@code model}, filled with its defaults. */
    public ImportModelViewModel newModelImport(Path model) {
        ImportModelViewModel form = new ImportModelViewModel(texts, tasks, notifications, this::names, credits);
        form.reset(model);
        return form;
    }

    /**
     * Imports the generator described by {@code form} into the user's styles in the background, then lists the new
     * style and selects it, so that the Studio page shows the photo in it.
     */
    public void importModel(ImportModelViewModel form) {
        if (library == null) {
            notifications.info(texts.get("gallery.notReady"));
            return;
        }
        form.start(library, entry -> rebuild(entry.id()));
    }

    /**
     * Where "Export as ONNX…" proposes to write {@code card}'s style: {@code <style id>.onnx} in the folder last
     * exported to (at first the user's home); empty for a card that offers no export.
     */
    public Optional<Path> proposedOnnxTarget(StyleCardViewModel card) {
        if (card == null || !card.onnxExportable()) {
            return Optional.empty();
        }
        return Optional.of(onnxFolder.resolve(card.onnxFileName()));
    }

    /**
     * Writes {@code card}'s style as an ONNX model to {@code target} (".onnx" added when the name lacks it) in the
     * background. The notification bar then says where the file went, or the engine's one-line reason why not: an
     * architecture it cannot export, a folder it cannot write to. An imported model's card says why it offers no
     * export instead.
     */
    public void exportOnnx(StyleCardViewModel card, Path target) {
        if (card == null || card.isNoStyle()) {
            return;
        }
        if (!card.onnxExportable()) {
            notifications.info(card.onnxNote());
            return;
        }
        if (library == null) {
            notifications.info(texts.get("gallery.notReady"));
            return;
        }
        Path file = withOnnxExtension(Objects.requireNonNull(target, "target")).toAbsolutePath();
        onnxFolder = file.getParent();
        StyleLibrary styles = library;
        StyleEntry entry = card.entry();
        tasks.submit(texts.format("job.exportOnnx", card.name()), progress -> {
            StyleBundle bundle = styles.open(entry);
            OnnxExport.export(bundle, file, AppVersion.describe());
            return file;
        }, written -> notifications.info(texts.format("gallery.onnx.exported", card.name(), written)), failure -> {
            if (failure instanceof UnsupportedOperationException) {
                // The engine's sentence names the style and its architecture.
                notifications.error(Errors.describe(failure), failure);
            } else if (failure instanceof IOException) {
                notifications.error(texts.format("gallery.onnx.failed", card.name(), Errors.describe(failure)),
                        failure);
            } else {
                notifications.unexpected(texts.format("gallery.onnx.failed", card.name(), Errors.describe(failure)),
                        failure);
            }
        });
    }

    /** {@code name.onnx} for a chosen {@code name} without the ending, as a save dialog may return it. */
    static Path withOnnxExtension(Path target) {
        String name = target.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith("." + ONNX_EXTENSION)) {
            return target;
        }
        return target.resolveSibling(name + "." + ONNX_EXTENSION);
    }

    /** Deletes a user style's file. Bundled styles cannot be deleted, and their cards offer no delete. */
    public void delete(StyleCardViewModel card) {
        if (card == null || !card.deletable() || library == null) {
            return;
        }
        StyleLibrary styles = library;
        Renderer styleRenderer = renderer;
        String id = card.styleId();
        tasks.submit(null, progress -> {
            styles.delete(id);
            styleRenderer.forgetStyle(id);
            return id;
        }, deleted -> {
            String keep = card == selected.get() ? null : selected.get().styleId();
            rebuild(keep);
            if (keep == null) {
                selected.set(noStyle);
            }
            notifications.info(texts.format("gallery.deleted", card.name()));
        }, failure -> notifications.error(texts.format("gallery.deleteFailed", card.name(), failure.getMessage()),
                failure));
    }

    /** Reads the styles folder again, e.g. after the user copied files into it. */
    public void reload() {
        if (library == null) {
            return;
        }
        StyleLibrary styles = library;
        tasks.submit(null, progress -> {
            styles.reload();
            return styles;
        }, reloaded -> rebuild(null), failure -> notifications.unexpected(texts.get("gallery.reloadFailed"), failure));
    }

    /** The folder where imported styles go, to tell users where to put their own. */
    public Optional<Path> userFolder() {
        return library == null ? Optional.empty() : Optional.of(library.userFolder());
    }

    public ObservableList<StyleCardViewModel> cards() {
        return cards;
    }

    /** Files in the styles folder that could not be offered, one sentence each. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ObjectProperty<StyleCardViewModel> selectedProperty() {
        return selected;
    }

    public StyleCardViewModel selected() {
        return selected.get();
    }

    /** True while the library holds no style at all, so the gallery shows how to get one. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True once the library has been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
