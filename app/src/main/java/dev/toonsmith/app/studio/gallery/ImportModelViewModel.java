package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.TaskHandle;
import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.engine.imported.ModelImportException;
import dev.toonsmith.engine.imported.ModelMetadata;
import dev.toonsmith.engine.imported.StyleImport;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleFormatException;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleLibraryException;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleNames;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The "Import model" form: a TorchScript or ONNX generator from elsewhere, its name, author and licence, and the
 * pixel convention it was trained with; what is missing, and the import itself, run in the background into the
 * user's styles folder. A model the engine refuses leaves nothing behind and its one-sentence reason is shown.
 *
 * <p>What the model file says about itself ({@link ModelMetadata}: an ONNX file Toonsmith exported carries its
 * style's convention, working edge and credits) is read in the background when the form is reset, and fills the
 * fields the user has not edited yet, if the form still shows that file.
 *
 * <p>The author and licence start as the user gave them last time ({@link CreditsMemory}); a name an installed style
 * already has is refused (two styles called alike cannot be told apart), and a proposed name, from the file or its
 * metadata, is made free first ("Toonsmith Default (2)").
 */
public final class ImportModelViewModel {

    /** The file endings offered by the file chooser. */
    public static final java.util.List<String> MODEL_EXTENSIONS = java.util.List.of("onnx", "pt", "torchscript");

    /** The size multiple's bounds, as the engine accepts them. */
    public static final int MIN_MULTIPLE = 1;
    public static final int MAX_MULTIPLE = 256;

    /** The working edge's upper bound in the form (0 is every photo's own size; otherwise at least 128). */
    public static final int MAX_WORKING_EDGE = 16384;

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final NotificationsViewModel notifications;
    private final Supplier<StyleNames> installedNames;
    private final CreditsMemory credits;
    private final ReadOnlyObjectWrapper<Path> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty author = new SimpleStringProperty(this, "author", "");
    private final StringProperty licence = new SimpleStringProperty(this, "licence", "");
    private final ObjectProperty<ModelConvention.Range> range =
            new SimpleObjectProperty<>(this, "range", ModelConvention.Range.MINUS_ONE_TO_ONE);
    private final ObjectProperty<ModelConvention.Channels> channels =
            new SimpleObjectProperty<>(this, "channels", ModelConvention.Channels.RGB);
    private final ObjectProperty<ModelConvention.Layout> layout =
            new SimpleObjectProperty<>(this, "layout", ModelConvention.Layout.NCHW);
    private final IntegerProperty sizeMultiple = new SimpleIntegerProperty(this, "sizeMultiple", 4);
    private final IntegerProperty workingEdge = new SimpleIntegerProperty(this, "workingEdge", 0);
    private final ReadOnlyBooleanWrapper readingMetadata = new ReadOnlyBooleanWrapper(this, "readingMetadata");
    /** The fields changed by anyone but {@link #reset} and the metadata: the user's, which the metadata keeps. */
    private final Set<ObservableValue<?>> edited = new HashSet<>();
    /** True while the form itself fills its fields, so that those changes do not count as the user's. */
    private boolean filling;
    private TaskHandle metadataRead = TaskHandle.NONE;
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final StringBinding missing;

    /**
     * @param installedNames the names of the styles installed now, which a new style's name must not repeat
     * @param credits the author and licence given last time, proposed here and updated by a successful import
     */
    public ImportModelViewModel(Texts texts, BackgroundTasks tasks, NotificationsViewModel notifications,
            Supplier<StyleNames> installedNames, CreditsMemory credits) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.installedNames = Objects.requireNonNull(installedNames, "installedNames");
        this.credits = Objects.requireNonNull(credits, "credits");
        this.missing = Bindings.createStringBinding(this::whatIsMissing, model, name, licence, range, channels, layout,
                sizeMultiple, workingEdge, importing);
        for (ObservableValue<?> field : new ObservableValue<?>[] {name, author, licence, range, channels, layout,
                sizeMultiple, workingEdge}) {
            field.addListener((obs, was, now) -> {
                if (!filling) {
                    edited.add(obs);
                }
            });
        }
    }

    /** Whether {@code file}'s name ends like a model the form imports ({@code .onnx}, {@code .pt}, {@code .torchscript}). */
    public static boolean isModelFile(Path file) {
        if (file == null || file.getFileName() == null) {
            return false;
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return MODEL_EXTENSIONS.stream().anyMatch(e -> n.endsWith("." + e));
    }

    /**
     * Starts over with {@code file}: its name (without the ending, made free) as the style's, the author and licence
     * given last time, the PyTorch convention, every photo's own size; then reads in the background what the file says about itself (see the class comment).
     * UI thread.
     */
    public void reset(Path file) {
        Objects.requireNonNull(file, "file");
        metadataRead.cancel();
        filling = true;
        try {
            model.set(file);
            name.set(installedNames.get().free(defaultName(file)));
            author.set(credits.authorProperty().get());
            licence.set(credits.licenceProperty().get());
            range.set(ModelConvention.Range.MINUS_ONE_TO_ONE);
            channels.set(ModelConvention.Channels.RGB);
            layout.set(ModelConvention.Layout.NCHW);
            sizeMultiple.set(4);
            workingEdge.set(0);
        } finally {
            filling = false;
        }
        edited.clear();
        readingMetadata.set(true);
        TaskHandle[] handle = new TaskHandle[1];
        handle[0] = tasks.submit(null, progress -> ModelMetadata.of(file), said -> {
            if (metadataRead == handle[0]) {
                readingMetadata.set(false);
                fill(file, said);
            }
        }, failure -> {
            // ModelMetadata.of answers "unknown" rather than failing; the import itself names a bad file.
            if (metadataRead == handle[0]) {
                readingMetadata.set(false);
            }
        });
        metadataRead = handle[0];
    }

    /**
     * Fills the fields the user has not edited with what {@code file} said about itself, if the form still shows
     * it; nothing for a model that says nothing. UI thread.
     */
    void fill(Path file, ModelMetadata said) {
        if (!file.equals(model.get()) || said.equals(ModelMetadata.unknown())) {
            return;
        }
        filling = true;
        try {
            ModelConvention convention = said.convention();
            fillIfUntouched(range, convention.range());
            fillIfUntouched(channels, convention.channels());
            fillIfUntouched(layout, convention.layout());
            if (!edited.contains(sizeMultiple)) {
                sizeMultiple.set(convention.sizeMultiple());
            }
            if (!edited.contains(workingEdge) && StyleManifest.isValidWorkingEdge(said.workingEdge())) {
                workingEdge.set(said.workingEdge());
            }
            fillIfUntouched(name, said.name() == null ? null : installedNames.get().free(said.name()));
            fillIfUntouched(author, said.author());
            fillIfUntouched(licence, said.license());
        } finally {
            filling = false;
        }
    }

    private <T> void fillIfUntouched(ObjectProperty<T> field, T value) {
        if (!edited.contains(field) && value != null) {
            field.set(value);
        }
    }

    private void fillIfUntouched(StringProperty field, String value) {
        if (!edited.contains(field) && value != null && !value.isBlank()) {
            field.set(value.strip());
        }
    }

    /** The file's name without its model endings: {@code anime.torchscript.pt} → {@code anime}. */
    static String defaultName(Path file) {
        String n = file.getFileName().toString();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String ending : new String[] {".onnx", ".pt", ".pth", ".torchscript", ".jit"}) {
                if (n.toLowerCase(Locale.ROOT).endsWith(ending) && n.length() > ending.length()) {
                    n = n.substring(0, n.length() - ending.length());
                    stripped = true;
                }
            }
        }
        return n;
    }

    private String whatIsMissing() {
        if (model.get() == null) {
            return texts.get("importModel.missing.model");
        }
        if (name.get() == null || name.get().isBlank()) {
            return texts.get("importModel.missing.name");
        }
        Optional<String> clash = nameClash(installedNames.get(), name.get(), texts);
        if (clash.isPresent()) {
            return clash.get();
        }
        if (licence.get() == null || licence.get().isBlank()) {
            return texts.get("importModel.missing.licence");
        }
        if (sizeMultiple.get() < MIN_MULTIPLE || sizeMultiple.get() > MAX_MULTIPLE) {
            return texts.format("importModel.missing.multiple", MIN_MULTIPLE, MAX_MULTIPLE);
        }
        if (!StyleManifest.isValidWorkingEdge(workingEdge.get()) || workingEdge.get() > MAX_WORKING_EDGE) {
            return texts.format("importModel.missing.workingEdge", StyleManifest.MIN_WORKING_EDGE, MAX_WORKING_EDGE);
        }
        if (importing.get()) {
            return texts.get("importModel.missing.busy");
        }
        return "";
    }

    /**
     * The one-line refusal of {@code wanted} when an installed style already has that name (trimmed, ignoring case),
     * proposing a free one; empty when the name is free.
     */
    static Optional<String> nameClash(StyleNames names, String wanted, Texts texts) {
        return names.holder(wanted).map(holder -> texts.format("style.nameTaken", wanted.strip(), holder.name(),
                names.free(wanted)));
    }

    /** What keeps the form from being imported, one sentence; empty when it can be. */
    public StringBinding missingProperty() {
        return missing;
    }

    /** True when nothing is missing: the dialog's Import button follows it. */
    public boolean ready() {
        return missing.get().isEmpty();
    }

    /** The pixel convention chosen in the form. */
    public ModelConvention convention() {
        return new ModelConvention(range.get(), channels.get(), layout.get(), sizeMultiple.get());
    }

    /** The credits chosen in the form; the id comes from the name. */
    public StyleImport.Details details() {
        return new StyleImport.Details(null, name.get().strip(), author.get().strip(), licence.get().strip(), "",
                workingEdge.get());
    }

    /**
     * Imports the model in the background: checked and written to a scratch file by the engine, then installed in
     * {@code library}'s user folder (which refuses an id already taken), and handed to {@code onImported} on the UI
     * thread. A refusal is shown in the notification bar and nothing is installed.
     */
    public void start(StyleLibrary library, Consumer<StyleEntry> onImported) {
        Objects.requireNonNull(library, "library");
        if (!ready()) {
            notifications.info(missing.get());
            return;
        }
        Path file = model.get();
        ModelConvention convention = convention();
        StyleImport.Details details = details();
        importing.set(true);
        tasks.submit(texts.format("job.importModel", file.getFileName()), progress -> install(library, file,
                convention, details, texts), entry -> {
                    importing.set(false);
                    credits.remember(details.author(), details.license());
                    notifications.info(texts.format("gallery.imported", entry.name()));
                    onImported.accept(entry);
                }, failure -> {
                    importing.set(false);
                    if (failure instanceof ModelImportException || failure instanceof StyleFormatException
                            || failure instanceof StyleLibraryException) {
                        // The engine's sentence names the file and says what is wrong.
                        notifications.error(failure.getMessage(), failure);
                    } else {
                        notifications.unexpected(texts.format("gallery.importFailed", file.getFileName(),
                                failure.getMessage()), failure);
                    }
                });
    }

    private static StyleEntry install(StyleLibrary library, Path file, ModelConvention convention,
            StyleImport.Details details, Texts texts) throws IOException {
        Path scratch = Files.createTempDirectory("toonsmith-import-");
        Path style = scratch.resolve("imported.toon");
        try {
            // Checked again here: the styles folder may have changed since the form was filled.
            Optional<String> clash = nameClash(library.names(), details.name(), texts);
            if (clash.isPresent()) {
                throw new StyleLibraryException(clash.get());
            }
            String id = StyleImport.importModel(file, convention, details, style).manifest().id();
            // Said here, naming the model: the library's own refusal would name the scratch file.
            Optional<StyleEntry> taken = library.entries().stream().filter(e -> e.id().equals(id)).findFirst();
            if (taken.isPresent()) {
                throw new StyleLibraryException(texts.format("importModel.idTaken", file.getFileName(), id,
                        taken.get().name()));
            }
            return library.importStyle(style);
        } finally {
            Files.deleteIfExists(style);
            Files.deleteIfExists(scratch);
        }
    }

    /** The model file being imported; null before {@link #reset}. */
    public ReadOnlyObjectProperty<Path> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty authorProperty() {
        return author;
    }

    /** The model's licence (e.g. MIT, CC-BY-4.0, any SPDX id) or "unknown"; required. */
    public StringProperty licenceProperty() {
        return licence;
    }

    public ObjectProperty<ModelConvention.Range> rangeProperty() {
        return range;
    }

    public ObjectProperty<ModelConvention.Channels> channelsProperty() {
        return channels;
    }

    public ObjectProperty<ModelConvention.Layout> layoutProperty() {
        return layout;
    }

    /** Height and width the model takes must be multiples of this (4 for two stride-2 layers). */
    public IntegerProperty sizeMultipleProperty() {
        return sizeMultiple;
    }

    /**
     * The longest edge the model draws at: larger photos are drawn at that size and brought back edge-aware; 0 for
     * every photo's own size.
     */
    public IntegerProperty workingEdgeProperty() {
        return workingEdge;
    }

    /** True while what the model file says about itself is being read. */
    public ReadOnlyBooleanProperty readingMetadataProperty() {
        return readingMetadata.getReadOnlyProperty();
    }

    /** True while an import runs. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }
}
