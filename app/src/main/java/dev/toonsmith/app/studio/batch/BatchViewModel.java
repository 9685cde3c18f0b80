package dev.toonsmith.app.studio.batch;

import dev.toonsmith.app.studio.adjust.Adjustments;
import dev.toonsmith.app.studio.adjust.PresetChoice;
import dev.toonsmith.app.studio.export.PicturesFolder;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.gallery.StyleCardViewModel;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.app.studio.render.Rasters;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.EventThrottle;
import dev.toonsmith.app.studio.tasks.Lane;
import dev.toonsmith.engine.batch.BatchEvent;
import dev.toonsmith.engine.batch.BatchItem;
import dev.toonsmith.engine.batch.BatchJob;
import dev.toonsmith.engine.batch.BatchOptionException;
import dev.toonsmith.engine.batch.BatchProgress;
import dev.toonsmith.engine.batch.BatchReport;
import dev.toonsmith.engine.batch.ExistingOutput;
import dev.toonsmith.engine.batch.ItemResult;
import dev.toonsmith.engine.batch.ItemStatus;
import dev.toonsmith.engine.batch.NameTemplate;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFolder;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.render.RenderSettingException;
import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Batch page: the inputs (files and folders, listed into a queue), the settings a whole folder is rendered
 * with, and one batch running at a time through the engine's {@link BatchJob}. The engine reports on its own
 * threads; those events are throttled onto the UI thread, and the job's final report settles every row. Changed on
 * the UI thread only.
 */
public final class BatchViewModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchViewModel.class);
    /** The largest picture a batch decodes (the studio's {@code maxPixels} setting). */
    private volatile ImageLimits imageLimits = ImageLimits.DEFAULT;


    /** How often the queue and the progress bar are brought up to date while a batch runs. */
    static final Duration UPDATE_INTERVAL = Duration.ofMillis(250);
    /** The queue's thumbnails, in pixels along the longer edge. */
    public static final int THUMBNAIL_EDGE = 48;
    /**
     * Thumbnails stop after this many rows: a folder of ten thousand scans must not be decoded twice over just to
     * fill a table nobody scrolls through.
     */
    static final int MAX_THUMBNAILS = 300;
    public static final String DEFAULT_TEMPLATE = NameTemplate.DEFAULT.pattern();
    /** The largest max-edge offered; larger photos are rendered at full size anyway. */
    public static final int MAX_EDGE_LIMIT = 16384;

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final GalleryViewModel gallery;
    private final ObservableList<PresetChoice> presets;
    private final Supplier<Adjustments> currentLook;
    private final DevicePreference device;
    private final FolderOpener folderOpener;
    private final Lane listing;

    private final ObservableList<Path> inputs = FXCollections.observableArrayList();
    private final ObservableList<BatchRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Path> outputFolder = new SimpleObjectProperty<>(this, "outputFolder");
    private final BooleanProperty recursive = new SimpleBooleanProperty(this, "recursive", true);
    private final ObjectProperty<StyleCardViewModel> style = new SimpleObjectProperty<>(this, "style");
    private final DoubleProperty strength = new SimpleDoubleProperty(this, "strength", 1);
    private final ObjectProperty<PresetChoice> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<OutputChoice> format = new SimpleObjectProperty<>(this, "format",
            OutputChoice.SOURCE);
    private final IntegerProperty quality = new SimpleIntegerProperty(this, "quality", WriteOptions.DEFAULT_QUALITY);
    private final IntegerProperty maxEdge = new SimpleIntegerProperty(this, "maxEdge", 0);
    private final StringProperty nameTemplate = new SimpleStringProperty(this, "nameTemplate", DEFAULT_TEMPLATE);
    private final ObjectProperty<ExistingOutput> onExists = new SimpleObjectProperty<>(this, "onExists",
            ExistingOutput.SKIP);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(this, "messageIsProblem");
    private final ReadOnlyStringWrapper failures = new ReadOnlyStringWrapper(this, "failures", "");
    private final ReadOnlyObjectWrapper<Path> finishedFolder = new ReadOnlyObjectWrapper<>(this, "finishedFolder");
    private final ReadOnlyObjectWrapper<BatchReport> report = new ReadOnlyObjectWrapper<>(this, "report");

    // What is wrong, each next to the field it is about; Start stays disabled while one is set.
    private final ReadOnlyStringWrapper inputsProblem = new ReadOnlyStringWrapper(this, "inputsProblem", "");
    private final ReadOnlyStringWrapper outputProblem = new ReadOnlyStringWrapper(this, "outputProblem", "");
    private final ReadOnlyStringWrapper templateProblem = new ReadOnlyStringWrapper(this, "templateProblem", "");
    private final ReadOnlyStringWrapper lookProblem = new ReadOnlyStringWrapper(this, "lookProblem", "");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyStringWrapper startHint = new ReadOnlyStringWrapper(this, "startHint", "");
    private final ReadOnlyStringWrapper outputNote = new ReadOnlyStringWrapper(this, "outputNote", "");
    private final ReadOnlyStringWrapper presetLabel = new ReadOnlyStringWrapper(this, "presetLabel", "");
    private final ReadOnlyBooleanWrapper presetModified = new ReadOnlyBooleanWrapper(this, "presetModified");
    private final ReadOnlyObjectWrapper<Path> unopenedFolder = new ReadOnlyObjectWrapper<>(this, "unopenedFolder");

    /** Files the user added that could not be queued, and what listing the folders found wrong. */
    private List<String> leftOut = List.of();
    private List<String> listingProblems = List.of();
    /** Whether the output folder is the page's proposal, which follows the inputs, rather than the user's choice. */
    private boolean outputSuggested;
    private boolean suggesting;
    private Path fallbackOutput = PicturesFolder.ofUser().resolve("Toonsmith");
    private Predicate<Path> writable = Files::isWritable;
    private Consumer<Path> studioOpener = photo -> { };

    /**
     * The post-processing "Use the current look" copied, with the workspace's sliders applied to its preset. Picking
     * another preset afterwards renders that preset as shipped; picking this one again brings the sliders back.
     */
    private PresetChoice copiedPreset;
    private PostSettings copiedPost;
    /** Whether the copied sliders had left their preset: the page then says "Clean cel, modified". */
    private boolean copiedModified;
    private boolean lookCopied;

    /** The batch running now, set by its worker once built; read by {@link #cancel()} from the UI thread. */
    private volatile BatchJob job;
    private volatile boolean cancelRequested;
    private EventThrottle<BatchEvent> throttle;
    private boolean closed;

    /**
     * @param presets the workspace's post-processing presets, "None" first
     * @param currentLook the workspace's sliders now, with the preset they build on
     * @param device where the batch runs its generator: the studio's choice
     */
    public BatchViewModel(Texts texts, BackgroundTasks tasks, GalleryViewModel gallery,
            ObservableList<PresetChoice> presets, Supplier<Adjustments> currentLook, DevicePreference device,
            FolderOpener folderOpener) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.presets = Objects.requireNonNull(presets, "presets");
        this.currentLook = Objects.requireNonNull(currentLook, "currentLook");
        this.device = Objects.requireNonNull(device, "device");
        this.folderOpener = Objects.requireNonNull(folderOpener, "folderOpener");
        this.listing = tasks.lane("batch-listing");
        style.set(gallery.selected());
        recursive.addListener((obs, was, now) -> relist());
        // The output folder is left out of the listing, so results inside an input folder are never queued.
        outputFolder.addListener((obs, was, now) -> {
            if (!suggesting) {
                outputSuggested = false;
                outputNote.set("");
            }
            checkOutput();
            updateStart();
            relist();
        });
        nameTemplate.addListener((obs, was, now) -> checkTemplate());
        style.addListener((obs, was, now) -> checkLook());
        preset.addListener((obs, was, now) -> checkLook());
        inputs.addListener((javafx.collections.ListChangeListener<Path>) c -> {
            suggestOutput();
            updateStart();
        });
        running.addListener((obs, was, now) -> updateStart());
        for (ReadOnlyStringWrapper problem : List.of(outputProblem, templateProblem, lookProblem)) {
            problem.addListener((obs, was, now) -> updateStart());
        }
        checkLook();
        updateStart();
    }

    /**
     * Where results go when the photos' folder cannot be written, and how that is checked; the studio's are
     * {@code ~/Pictures/Toonsmith} and the file system's permissions (tests pass their own: they may run as root).
     */
    public void setFallbackOutput(Path folder, Predicate<Path> canWrite) {
        this.fallbackOutput = Objects.requireNonNull(folder, "folder");
        this.writable = Objects.requireNonNull(canWrite, "canWrite");
        suggestOutput();
        checkOutput();
    }

    /** What "Open in studio" on a row does with its photo: the studio opens it on the Studio page. */
    public void setStudioOpener(Consumer<Path> opener) {
        this.studioOpener = Objects.requireNonNull(opener, "opener");
    }

    // ---- inputs ----

    /**
     * Adds files and folders to the queue; folders are listed in the background (with their sub-folders when
     * recursive is on). Files that are not images are left out, and the page says which.
     */
    public void addInputs(List<Path> added) {
        if (running.get()) {
            say(true, texts.get("batch.refuse.running"));
            return;
        }
        List<String> leftOut = new ArrayList<>();
        boolean changed = false;
        for (Path path : added) {
            Path absolute = path.toAbsolutePath().normalize();
            if (inputs.contains(absolute)) {
                continue;
            }
            if (!Files.exists(absolute)) {
                leftOut.add(texts.format("batch.leftOut.missing", absolute));
            } else if (!Files.isDirectory(absolute) && OutputFormat.forPath(absolute).isEmpty()) {
                leftOut.add(texts.format("batch.leftOut.notImage", absolute.getFileName(),
                        OutputFormat.supportedExtensions()));
            } else {
                inputs.add(absolute);
                changed = true;
            }
        }
        this.leftOut = List.copyOf(leftOut);
        showInputsProblem();
        if (changed) {
            relist();
        }
    }

    private void showInputsProblem() {
        List<String> all = new ArrayList<>(leftOut);
        all.addAll(listingProblems);
        inputsProblem.set(String.join(" ", all));
    }

    /** Empties the queue. */
    public void clearInputs() {
        if (running.get()) {
            return;
        }
        listing.cancel();
        inputs.clear();
        rows.clear();
        leftOut = List.of();
        listingProblems = List.of();
        showInputsProblem();
        resetProgress();
        say(false, "");
    }

    /**
     * Proposes an output folder from the first input until the user chooses one: a {@code cartoons} folder beside
     * the photos, or the Pictures folder's when that cannot be written. An emptied queue takes the proposal back.
     */
    private void suggestOutput() {
        if (closed || running.get() || (outputFolder.get() != null && !outputSuggested)) {
            return;
        }
        OutputSuggestion suggestion = inputs.isEmpty() ? null
                : OutputSuggestion.forInput(inputs.get(0), fallbackOutput, writable);
        Path folder = suggestion == null ? null : suggestion.folder();
        outputSuggested = suggestion != null;
        outputNote.set(suggestion == null ? "" : texts.get(suggestion.besidePhotos()
                ? "batch.output.suggested.beside" : "batch.output.suggested.pictures"));
        if (!Objects.equals(folder, outputFolder.get())) {
            suggesting = true;
            try {
                outputFolder.set(folder);
            } finally {
                suggesting = false;
            }
        }
    }

    /** Marks an output folder that is a file or cannot be written; a good folder clears the mark at once. */
    private void checkOutput() {
        Path folder = outputFolder.get();
        String problem = "";
        if (folder != null) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                problem = texts.format("batch.output.notFolder", folder);
            } else {
                Path existing = folder.toAbsolutePath();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing != null && !writable.test(existing)) {
                    problem = texts.format("batch.output.readOnly", existing);
                }
            }
        }
        outputProblem.set(problem);
    }

    private void checkTemplate() {
        String problem = "";
        try {
            new NameTemplate(nameTemplate.get() == null ? "" : nameTemplate.get().strip());
        } catch (BatchOptionException e) {
            problem = texts.format("batch.refuse.nameTemplate", e.problem());
        }
        templateProblem.set(problem);
    }

    /** With no style and no post-processing a batch would only copy the photos; the look's fields say so. */
    private void checkLook() {
        StyleCardViewModel card = style.get();
        boolean noStyle = card == null || card.isNoStyle();
        lookProblem.set(noStyle && postFor(preset.get()) == null ? texts.get("batch.refuse.nothingToDo") : "");
        PresetChoice choice = preset.get();
        presetModified.set(isModified(choice));
        presetLabel.set(presetText(choice));
    }

    private boolean isModified(PresetChoice choice) {
        return choice != null && copiedModified && choice.equals(copiedPreset);
    }

    /**
     * A preset as the page names it: "Clean cel", or "Clean cel, modified" for the preset "Use the current look"
     * copied with sliders moved, since the batch then renders the changed look.
     */
    public String presetText(PresetChoice choice) {
        if (choice == null) {
            return "";
        }
        return isModified(choice) ? texts.format("batch.preset.modified", choice.name()) : choice.name();
    }

    /** Start is offered only when a batch can run; otherwise the hint beside it says what is missing. */
    private void updateStart() {
        String hint;
        if (running.get()) {
            hint = "";
        } else if (inputs.isEmpty()) {
            hint = texts.get("batch.start.needInputs");
        } else if (outputFolder.get() == null) {
            hint = texts.get("batch.start.needOutput");
        } else if (!outputProblem.get().isEmpty()) {
            hint = texts.get("batch.start.fixOutput");
        } else if (!templateProblem.get().isEmpty()) {
            hint = texts.get("batch.start.fixTemplate");
        } else if (!lookProblem.get().isEmpty()) {
            hint = texts.get("batch.start.needLook");
        } else {
            hint = "";
        }
        startHint.set(hint);
        canStart.set(!running.get() && hint.isEmpty());
    }

    private void resetProgress() {
        progress.set(0);
        progressText.set("");
        failures.set("");
        report.set(null);
    }

    /** Lists the inputs again into rows, keeping the rows (and thumbnails) of files already listed. */
    private void relist() {
        if (closed || running.get()) {
            return;
        }
        List<Path> snapshot = List.copyOf(inputs);
        boolean deep = recursive.get();
        Path excluded = outputFolder.get();
        if (snapshot.isEmpty()) {
            rows.clear();
            return;
        }
        listing.submit(texts.get("job.batchList"), (request, p) -> listInputs(snapshot, deep, excluded),
                listed -> {
                    Map<Path, BatchRow> old = new HashMap<>();
                    rows.forEach(r -> old.put(r.source(), r));
                    List<BatchRow> next = new ArrayList<>();
                    List<BatchRow> needThumbnails = new ArrayList<>();
                    for (Map.Entry<Path, String> e : listed.files().entrySet()) {
                        BatchRow row = old.get(e.getKey());
                        if (row == null) {
                            row = new BatchRow(e.getKey(), e.getValue());
                            needThumbnails.add(row);
                        }
                        next.add(row);
                    }
                    rows.setAll(next);
                    resetProgress();
                    listingProblems = listed.problems();
                    showInputsProblem();
                    loadThumbnails(needThumbnails);
                }, failure -> {
                    listingProblems = List.of(String.valueOf(failure.getMessage()));
                    showInputsProblem();
                });
    }

    /** The files the inputs hold, in the engine's order, by source with the name shown. */
    private record Listed(Map<Path, String> files, List<String> problems) {}

    private Listed listInputs(List<Path> snapshot, boolean deep, Path excluded) {
        Map<Path, String> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path input : snapshot) {
            if (Files.isDirectory(input)) {
                try {
                    ImageFolder folder = ImageFolder.list(input, deep, excluded);
                    for (Path image : folder.images()) {
                        files.putIfAbsent(image, ImageFolder.relativeName(input, image));
                    }
                    if (folder.images().isEmpty()) {
                        problems.add(texts.format("batch.leftOut.emptyFolder", input));
                    }
                    folder.unlisted().forEach(u -> problems.add(u.reason()));
                } catch (IOException e) {
                    problems.add(texts.format("batch.leftOut.unlistable", input, e.getMessage()));
                }
            } else {
                files.putIfAbsent(input, input.getFileName().toString());
            }
        }
        return new Listed(files, problems);
    }

    private void loadThumbnails(List<BatchRow> needed) {
        List<BatchRow> todo = needed.subList(0, Math.min(needed.size(), MAX_THUMBNAILS));
        if (todo.isEmpty()) {
            return;
        }
        List<BatchRow> copy = List.copyOf(todo);
        tasks.submit(null, p -> {
            for (BatchRow row : copy) {
                if (closed) {
                    break;
                }
                Raster raster = thumbnail(row.source());
                if (raster != null) {
                    tasks.uiThread().execute(() -> row.thumbnailProperty().set(raster));
                }
            }
            return null;
        }, done -> { }, failure -> log.warn("Batch thumbnails failed", failure));
    }

    private static Raster thumbnail(Path file) {
        try (Image photo = ImageReader.read(file); Image small = ImageOps.resizeToMaxEdge(photo, THUMBNAIL_EDGE)) {
            return Rasters.fromImage(small);
        } catch (IOException | RuntimeException e) {
            // The batch itself says what is wrong with the file; the row just has no picture.
            log.debug("No thumbnail for {}: {}", file, e.getMessage());
            return null;
        }
    }

    // ---- settings ----

    /** Copies the workspace's style, strength, preset and sliders into the batch's settings. */
    public void useCurrentLook() {
        Adjustments look = currentLook.get();
        style.set(gallery.selected());
        lookCopied = true;
        if (look == null) {
            return;
        }
        strength.set(look.strength());
        copiedPreset = look.preset();
        copiedPost = look.postSettings();
        copiedModified = look.modified();
        preset.set(look.preset());
        // The same preset as before fires no change, but its sliders may have moved.
        checkLook();
    }

    /**
     * Copies the current look the first time the page is shown; until the engine has warmed up there is no look to
     * copy, so it waits for the gallery.
     */
    public void shownFirstTime() {
        if (lookCopied) {
            return;
        }
        if (gallery.loadedProperty().get()) {
            useCurrentLook();
        } else {
            gallery.loadedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was,
                        Boolean now) {
                    if (now) {
                        gallery.loadedProperty().removeListener(this);
                        if (!lookCopied) {
                            useCurrentLook();
                        }
                    }
                }
            });
        }
    }

    private PostSettings postFor(PresetChoice choice) {
        PostSettings post;
        if (choice == null) {
            post = null;
        } else if (choice.equals(copiedPreset)) {
            post = copiedPost;
        } else {
            post = choice.settings();
        }
        return post == null || !post.anyEnabled() ? null : post;
    }

    /** The post-processing a batch started now would use; null for none. */
    PostSettings effectivePost() {
        return postFor(preset.get());
    }

    // ---- running ----

    /** The largest picture the batch decodes (the {@code maxPixels} setting); any thread. */
    public void setImageLimits(ImageLimits value) {
        imageLimits = java.util.Objects.requireNonNull(value, "value");
    }

    /**
     * Starts the batch in the background, or says in one sentence why it cannot start. The settings are copied
     * now: changing them while the batch runs changes the next batch.
     */
    public void start() {
        if (running.get()) {
            return;
        }
        if (!canStart.get()) {
            // Start is disabled then; a shortcut or a test may still get here.
            say(true, startHint.get());
            return;
        }
        Path output = outputFolder.get();
        NameTemplate template;
        try {
            template = new NameTemplate(nameTemplate.get() == null ? "" : nameTemplate.get().strip());
        } catch (BatchOptionException e) {
            say(true, texts.format("batch.refuse.nameTemplate", e.problem()));
            return;
        }
        StyleCardViewModel card = style.get();
        StyleEntry entry = card == null || card.isNoStyle() ? null : card.entry();
        PresetChoice choice = preset.get();
        PostSettings post = postFor(choice);
        if (entry == null && post == null) {
            say(true, texts.get("batch.refuse.nothingToDo"));
            return;
        }
        String presetName = choice == null || choice.isNone() ? null : choice.name();
        double strengthNow = strength.get();
        OutputFormat formatNow = format.get() == null ? null : format.get().format();
        int qualityNow = quality.get();
        int maxEdgeNow = maxEdge.get();
        List<Path> inputsNow = List.copyOf(inputs);
        boolean deep = recursive.get();
        ExistingOutput existing = onExists.get() == null ? ExistingOutput.SKIP : onExists.get();

        listing.cancel();
        rows.forEach(r -> r.update(RowStatus.WAITING, "", "", null));
        resetProgress();
        finishedFolder.set(null);
        progressText.set(texts.get("batch.progress.starting"));
        say(false, "");
        running.set(true);
        cancelling.set(false);
        cancelRequested = false;
        EventThrottle<BatchEvent> events = new EventThrottle<>(tasks.uiThread(), UPDATE_INTERVAL, this::apply);
        throttle = events;
        long start = System.nanoTime();
        tasks.submit(texts.get("job.batch"), work -> {
            StyleBundle bundle = entry == null ? null : StyleBundle.read(entry.file());
            RenderSettings settings = RenderSettings.builder().optStyle(bundle).optStrength(strengthNow)
                    .optMaxEdge(maxEdgeNow).optPost(post, presetName).optFormat(formatNow).optQuality(qualityNow)
                    .optImageLimits(imageLimits).build();
            BatchJob built = BatchJob.builder().addInputs(inputsNow).setOutputFolder(output).optRecursive(deep)
                    .setSettings(settings).optNameTemplate(template).optOnExists(existing).optDevice(device)
                    .optListener(event -> {
                        events.offer(event);
                        if (event instanceof BatchEvent.ItemFinished f) {
                            work.update(f.progress().fraction());
                        }
                    }).build();
            job = built;
            // A cancel that came while the style was read finds no job; it is honoured here.
            if (cancelRequested) {
                built.cancel();
            }
            return built.run();
        }, done -> {
            log.info("Batch into {} ended in {} ms", output, (System.nanoTime() - start) / 1_000_000);
            finished(events, done, output);
        }, failure -> failed(events, failure));
    }

    /** Asks the running batch to stop; what is finished stays, the rest is reported as cancelled. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        cancelling.set(true);
        progressText.set(texts.get("batch.progress.cancelling"));
        BatchJob running = job;
        if (running != null) {
            running.cancel();
        }
    }

    private void apply(List<BatchEvent> events) {
        if (!running.get()) {
            // The final report has settled the rows; a late batch of events must not undo it.
            return;
        }
        Map<Path, BatchRow> bySource = index();
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.Planned planned) {
                List<BatchRow> next = new ArrayList<>();
                for (BatchItem item : planned.items()) {
                    BatchRow row = bySource.get(item.source());
                    next.add(row != null ? row : new BatchRow(item.source(), item.displayName()));
                }
                rows.setAll(next);
                bySource = index();
                progressText.set(texts.format("batch.progress.noEta", 0, planned.items().size()));
            } else if (event instanceof BatchEvent.ItemStarted started) {
                BatchRow row = bySource.get(started.item().source());
                if (row != null) {
                    row.update(RowStatus.RENDERING, "", "", null);
                }
            } else if (event instanceof BatchEvent.ItemFinished itemFinished) {
                show(bySource, itemFinished.result());
                showProgress(itemFinished.progress());
            }
            // Finished: the job's return value carries the same report and settles everything.
        }
    }

    private Map<Path, BatchRow> index() {
        Map<Path, BatchRow> bySource = new HashMap<>();
        rows.forEach(r -> bySource.put(r.source(), r));
        return bySource;
    }

    private void show(Map<Path, BatchRow> bySource, ItemResult result) {
        BatchRow row = bySource.get(result.item().source());
        if (row != null) {
            row.update(RowStatus.of(result.status()), result.millis() > 0 ? seconds(result.millis()) : "",
                    result.message(), result.output());
        }
    }

    private void showProgress(BatchProgress p) {
        progress.set(p.fraction());
        if (cancelling.get()) {
            return;
        }
        progressText.set(p.eta().map(eta -> texts.format("batch.progress.eta", p.finished(), p.total(), clock(eta)))
                .orElseGet(() -> texts.format("batch.progress.noEta", p.finished(), p.total())));
    }

    private void finished(EventThrottle<BatchEvent> events, BatchReport done, Path output) {
        events.close();
        job = null;
        Map<Path, BatchRow> bySource = index();
        done.results().forEach(r -> show(bySource, r));
        int total = done.results().size();
        long ended = total - done.count(ItemStatus.CANCELLED);
        progress.set(total == 0 ? 1 : (double) ended / total);
        progressText.set(texts.format(done.cancelled() ? "batch.progress.cancelled" : "batch.progress.finished",
                ended, total, clock(done.elapsed())));
        List<ItemResult> failed = done.failures();
        failures.set(failed.isEmpty() ? "" : texts.format("batch.failures", failed.size(), failed.stream()
                .map(this::failureSentence).collect(Collectors.joining(" "))));
        report.set(done);
        finishedFolder.set(output);
        running.set(false);
        cancelling.set(false);
        if (done.fatal().isPresent()) {
            say(true, texts.format("batch.stopped", done.fatal().get()));
        } else {
            // Failures are listed in red below the queue; the summary itself is news, not a problem.
            say(false, texts.format("batch.summary", done.count(ItemStatus.DONE),
                    done.count(ItemStatus.SKIPPED), failed.size(), done.count(ItemStatus.CANCELLED), output));
        }
    }

    /** The engine's reason usually names the file already ("Cannot read holiday.jpg: …"); else the name leads. */
    private String failureSentence(ItemResult failure) {
        String file = failure.item().source().getFileName().toString();
        return failure.message().contains(file) ? failure.message()
                : texts.format("batch.failure", failure.item().displayName(), failure.message());
    }

    private void failed(EventThrottle<BatchEvent> events, Throwable failure) {
        events.close();
        job = null;
        running.set(false);
        cancelling.set(false);
        rows.forEach(r -> r.update(RowStatus.WAITING, "", "", null));
        progress.set(0);
        progressText.set("");
        String why;
        if (failure instanceof RenderSettingException e) {
            why = texts.format("batch.refuse.setting", settingLabel(e.setting()), e.problem());
        } else if (failure instanceof BatchOptionException e) {
            why = texts.format("batch.refuse.setting", settingLabel(e.option()), e.problem());
        } else if (failure instanceof IOException && failure.getMessage() != null) {
            why = failure.getMessage();
        } else {
            log.warn("The batch failed", failure);
            why = texts.format("batch.failed", failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage());
        }
        say(true, why);
    }

    /** The page's own name for an engine setting, where it has one. */
    private String settingLabel(String setting) {
        String key = "batch.setting." + setting;
        return texts.has(key) ? texts.get(key) : setting;
    }

    /** Shows the folder the last batch wrote to in the file manager; the desktop call stays off the UI thread. */
    public void openOutputFolder() {
        Path folder = finishedFolder.get() != null ? finishedFolder.get() : outputFolder.get();
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            say(true, texts.format("batch.open.missing", folder));
            return;
        }
        showFolder(folder);
    }

    /**
     * Opens {@code folder} in the file manager. Where the desktop cannot (no file manager, as on a bare X server; the
     * desktop's "Failed to show URI"), {@link #unopenedFolderProperty()} names it, so the page can show the path to
     * copy instead of an error.
     */
    private void showFolder(Path folder) {
        unopenedFolder.set(null);
        tasks.submit(null, p -> folderOpener.open(folder), opened -> {
            if (!opened) {
                unopenedFolder.set(folder);
            }
        }, failure -> {
            log.info("The desktop could not open {}: {}", folder, failure.getMessage());
            unopenedFolder.set(folder);
        });
    }

    /** Closes the note with the folder's path. */
    public void dismissUnopenedFolder() {
        unopenedFolder.set(null);
    }

    // ---- finished rows ----

    /** The file a row's actions are about: its result once there is one, else its photo. */
    public Path fileOf(BatchRow row) {
        Path output = row.outputProperty().get();
        return output != null && Files.isRegularFile(output) ? output : row.source();
    }

    /** Whether the row has a result on disk to preview. */
    public boolean hasResult(BatchRow row) {
        Path output = row.outputProperty().get();
        return output != null && Files.isRegularFile(output);
    }

    /** Opens the row's photo on the Studio page, to try the look on it there. */
    public void openInStudio(BatchRow row) {
        studioOpener.accept(row.source());
    }

    /** Shows the folder of the row's result (or of its photo, before there is one) in the file manager. */
    public void showInFolder(BatchRow row) {
        Path parent = fileOf(row).toAbsolutePath().getParent();
        if (parent != null) {
            showFolder(parent);
        }
    }

    /**
     * Reads the row's result in the background, at most {@code edge} px on the long edge, for a preview window;
     * a result that cannot be read (deleted since) is said in the page's message.
     */
    public void loadResult(BatchRow row, int edge, Consumer<Raster> shown) {
        Path output = row.outputProperty().get();
        if (output == null) {
            return;
        }
        tasks.submit(null, p -> {
            try (Image result = ImageReader.read(output);
                    Image small = ImageOps.resizeToMaxEdge(result, edge)) {
                return Rasters.fromImage(small);
            }
        }, shown::accept, failure -> say(true, texts.format("batch.preview.failed", output.getFileName(),
                failure.getMessage())));
    }

    public void dismissMessage() {
        say(false, "");
    }

    private void say(boolean problem, String text) {
        messageIsProblem.set(problem && !text.isEmpty());
        message.set(text);
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Stops a running batch; the studio is closing. */
    @Override
    public void close() {
        closed = true;
        BatchJob running = job;
        if (running != null) {
            running.cancel();
        }
        if (throttle != null) {
            throttle.close();
        }
    }

    // ---- properties ----

    public ObservableList<Path> inputs() {
        return inputs;
    }

    public ObservableList<BatchRow> rows() {
        return rows;
    }

    /** The styles offered: the studio's gallery, "No style" first. */
    public ObservableList<StyleCardViewModel> styles() {
        return gallery.cards();
    }

    public ObservableList<PresetChoice> presets() {
        return presets;
    }

    public ObjectProperty<Path> outputFolderProperty() {
        return outputFolder;
    }

    public BooleanProperty recursiveProperty() {
        return recursive;
    }

    public ObjectProperty<StyleCardViewModel> styleProperty() {
        return style;
    }

    public DoubleProperty strengthProperty() {
        return strength;
    }

    public ObjectProperty<PresetChoice> presetProperty() {
        return preset;
    }

    public ObjectProperty<OutputChoice> formatProperty() {
        return format;
    }

    public IntegerProperty qualityProperty() {
        return quality;
    }

    /** 0 keeps each photo's size. */
    public IntegerProperty maxEdgeProperty() {
        return maxEdge;
    }

    public StringProperty nameTemplateProperty() {
        return nameTemplate;
    }

    public ObjectProperty<ExistingOutput> onExistsProperty() {
        return onExists;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "3 of 8 · about 0:42 left", or how the batch ended. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** A refusal, a problem, or how the last batch went; empty for none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    /** After a batch: "2 failed: holiday.jpg: …", empty when none failed. */
    public ReadOnlyStringProperty failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    /** The folder the last finished batch wrote to; null before one finished. */
    public ReadOnlyObjectProperty<Path> finishedFolderProperty() {
        return finishedFolder.getReadOnlyProperty();
    }

    /** Why the inputs are not all queued (files left out, empty folders); empty when all are. */
    public ReadOnlyStringProperty inputsProblemProperty() {
        return inputsProblem.getReadOnlyProperty();
    }

    /** What is wrong with the output folder (a file, not writable); empty when it is fine. */
    public ReadOnlyStringProperty outputProblemProperty() {
        return outputProblem.getReadOnlyProperty();
    }

    /** What is wrong with the name template; empty when it is fine. */
    public ReadOnlyStringProperty templateProblemProperty() {
        return templateProblem.getReadOnlyProperty();
    }

    /** Set when neither a style nor a preset is chosen: nothing to do. */
    public ReadOnlyStringProperty lookProblemProperty() {
        return lookProblem.getReadOnlyProperty();
    }

    /** Whether Start may be pressed: inputs, a usable output folder, a valid template and something to do. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** Why Start is disabled, "Add photos or a folder to start."; empty when it is not. */
    public ReadOnlyStringProperty startHintProperty() {
        return startHint.getReadOnlyProperty();
    }

    /** How the output folder was chosen when the page proposed it; empty once the user chose one. */
    public ReadOnlyStringProperty outputNoteProperty() {
        return outputNote.getReadOnlyProperty();
    }

    /** The selected preset as the page names it: "Clean cel", or "Clean cel, modified". */
    public ReadOnlyStringProperty presetLabelProperty() {
        return presetLabel.getReadOnlyProperty();
    }

    /** Whether the selected preset renders with the Studio page's sliders moved away from it. */
    public ReadOnlyBooleanProperty presetModifiedProperty() {
        return presetModified.getReadOnlyProperty();
    }

    /** A folder the desktop could not open, whose path the page shows to copy; null when none. */
    public ReadOnlyObjectProperty<Path> unopenedFolderProperty() {
        return unopenedFolder.getReadOnlyProperty();
    }

    /** The last finished batch's report; null before one finished. */
    public ReadOnlyObjectProperty<BatchReport> reportProperty() {
        return report.getReadOnlyProperty();
    }
}
