package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.train.CheckpointInfo;
import dev.toonsmith.engine.train.DataSources;
import dev.toonsmith.engine.train.ResumePlan;
import dev.toonsmith.engine.train.RunFolder;
import dev.toonsmith.engine.train.RunLibrary;
import dev.toonsmith.engine.train.RunState;
import dev.toonsmith.engine.train.RunSummary;
import dev.toonsmith.engine.train.StyleExport;
import dev.toonsmith.engine.train.TrainingOptionException;
import dev.toonsmith.engine.train.TrainingOptions;
import dev.toonsmith.engine.train.TrainingRun;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Train page: the runs in the runs folder, the new-run wizard, the run on show (live or past), and the one run
 * this studio trains at a time (libtorch allows one gradient recorder per process). Checkpoints become styles of the
 * studio's gallery, or are tried on in the workspace first. Changed on the UI thread only.
 */
public final class TrainViewModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainViewModel.class);

    /** What the page shows in its main area. */
    public enum Showing {
        /** Nothing chosen yet: how to begin. */
        WELCOME,
        WIZARD,
        RUN
    }

    /**
     * Where the page's work goes and what it may reach.
     *
     * @param runsFolder where runs are created and listed
     * @param previewFolder where checkpoints tried on in the studio are written as styles
     * @param openStudio brings the workspace page to the front
     */
    public record Places(Path runsFolder, Path previewFolder, Runnable openStudio) {}

    /**
     * What a checkpoint's style says about itself when exported.
     *
     * @param licence required: a style without one is labelled "unknown licence" wherever it appears
     */
    public record StyleDetails(String name, String author, String licence) {}

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final GalleryViewModel gallery;
    private final Places places;
    private final NewRunViewModel wizard;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Showing> showing = new ReadOnlyObjectWrapper<>(this, "showing",
            Showing.WELCOME);
    private final ReadOnlyObjectWrapper<TrainRunViewModel> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<TrainRunViewModel> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(this, "messageIsProblem");
    private boolean closed;

    public TrainViewModel(Texts texts, BackgroundTasks tasks, GalleryViewModel gallery, Places places) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.places = Objects.requireNonNull(places, "places");
        this.wizard = new NewRunViewModel(texts, tasks, places::runsFolder);
    }

    /** Lists the runs folder again, in the background. */
    public void refreshRuns() {
        if (closed) {
            return;
        }
        tasks.submit(null, p -> RunLibrary.list(places.runsFolder()), runs::setAll,
                failure -> say(true, texts.format("train.runsUnreadable", places.runsFolder(), failure.getMessage())));
    }

    /** Shows the wizard for a new run, offering the gallery's styles and the runs' checkpoints to start from. */
    public void newRun() {
        java.util.List<NewRunViewModel.StartChoice> choices = new java.util.ArrayList<>();
        for (var card : gallery.cards()) {
            if (card.entry() != null && card.entry().source() != dev.toonsmith.engine.style.StyleSource.PREVIEW) {
                choices.add(new NewRunViewModel.StartChoice(texts.format("train.wizard.fromStyle", card.name()),
                        card.entry().file()));
            }
        }
        for (RunSummary run : runs) {
            if (run.state() != RunState.UNREADABLE && run.stepsDone() > 0) {
                choices.add(new NewRunViewModel.StartChoice(texts.format("train.wizard.fromRun", run.name(),
                        run.stepsDone()), run.folder()));
            }
        }
        wizard.setStartChoices(choices);
        showing.set(Showing.WIZARD);
    }

    /** Shows a run of the list: the live one if it is the run being trained, else its history from its folder. */
    public void open(RunSummary summary) {
        TrainRunViewModel live = active.get();
        if (live != null && live.folder().root().equals(summary.folder())) {
            show(live);
            return;
        }
        if (summary.state() == RunState.UNREADABLE) {
            say(true, summary.problem());
            return;
        }
        TrainRunViewModel past = new TrainRunViewModel(texts, tasks, summary.folder(), switch (summary.state()) {
            case FINISHED -> RunPhase.FINISHED;
            case NOT_STARTED -> RunPhase.NOT_STARTED;
            default -> RunPhase.STOPPED;
        });
        past.loadHistory(Long.MAX_VALUE);
        show(past);
    }

    private void show(TrainRunViewModel run) {
        TrainRunViewModel previous = shown.get();
        if (previous != null && previous != run && previous != active.get()) {
            previous.close();
        }
        shown.set(run);
        showing.set(Showing.RUN);
    }

    /** Starts the run the wizard describes; the wizard's refusal says why when it cannot. */
    public void startNewRun() {
        if (refuseSecondRun()) {
            return;
        }
        Optional<NewRunViewModel.Plan> plan;
        try {
            plan = wizard.plan();
        } catch (IllegalArgumentException e) {
            say(true, e.getMessage());
            return;
        }
        if (plan.isEmpty()) {
            say(true, wizard.refusalProperty().get());
            return;
        }
        NewRunViewModel.Plan p = plan.get();
        launch(p.folder(), p.photos(), p.cartoons(), p.options(), false);
    }

    /** Continues a stopped or crashed run from its newest checkpoint, with the options and folders it was started with. */
    public void resume(RunSummary summary) {
        if (refuseSecondRun()) {
            return;
        }
        Path folder = summary.folder();
        tasks.submit(null, p -> ResumePlan.of(new RunFolder(folder), null, null, null, null), plan -> {
            if (plan.photos() == null || plan.cartoons() == null) {
                say(true, texts.format("train.resumeNoFolders", folder));
            } else {
                launch(folder, plan.photos(), plan.cartoons(), plan.options(), true);
            }
        }, failure -> say(true, texts.format("train.resumeFailed", folder.getFileName(), failure.getMessage())));
    }

    private boolean refuseSecondRun() {
        TrainRunViewModel live = active.get();
        if (live != null) {
            say(true, texts.format("train.oneAtATime", live.name()));
            show(live);
            return true;
        }
        return false;
    }

    private void launch(Path folder, Path photos, Path cartoons, TrainingOptions options, boolean resume) {
        TrainRunViewModel run = new TrainRunViewModel(texts, tasks, folder, RunPhase.LOADING);
        active.set(run);
        show(run);
        say(false, "");
        run.phaseProperty().addListener((obs, was, now) -> {
            if (was == RunPhase.LOADING && now == RunPhase.RUNNING) {
                // Its folder holds a run now: list it.
                refreshRuns();
            }
        });
        run.setOnEnded(ended -> {
            if (active.get() == ended) {
                active.set(null);
            }
            refreshRuns();
        });
        tasks.submit(texts.format("job.loadTraining", folder.getFileName()), progress -> {
            DataSources data = DataSources.load(photos, cartoons, options.size(),
                    (done, total) -> progress.update(total == 0 ? 0 : (double) done / total));
            try {
                TrainingRun training = TrainingRun.builder().setRunFolder(folder).setData(data).optOptions(options)
                        .optResume(resume).addListener(run.listener()).addListener(event -> {
                            if (event instanceof dev.toonsmith.engine.train.TrainingEvent.Finished
                                    || event instanceof dev.toonsmith.engine.train.TrainingEvent.Failed) {
                                // The images stay decoded in memory until the run is over.
                                data.close();
                            }
                        }).build();
                run.attach(training);
                training.start();
                return training;
            } catch (IOException | RuntimeException e) {
                data.close();
                throw e;
            }
        }, training -> refreshRuns(), failure -> {
            String why = failure instanceof TrainingOptionException o ? o.option() + " " + o.problem()
                    : failure.getMessage();
            run.failedToStart(texts.format("train.startFailed", why));
            say(true, texts.format("train.startFailed", why));
        });
    }

    /**
     * The "Export as style" form for a checkpoint of {@code run}: the run's name proposed (the step is said by the
     * message and kept in the style's description), made free of the installed styles' names.
     */
    public dev.toonsmith.app.studio.gallery.StyleDetailsForm styleDetails(TrainRunViewModel run) {
        return gallery.newStyleDetails(run.name());
    }

    /**
     * Writes a checkpoint as a style and installs it in the user's styles. The chosen style stays chosen, unless it
     * is this checkpoint's preview, which the installed style then replaces. One message says what happened.
     *
     * @return false if the details are incomplete (a name and a licence are required) or the name is taken
     */
    public boolean exportStyle(TrainRunViewModel run, CheckpointInfo checkpoint, StyleDetails details) {
        if (details.name() == null || details.name().isBlank() || details.licence() == null
                || details.licence().isBlank()) {
            say(true, texts.get("train.export.needDetails"));
            return false;
        }
        Optional<StyleEntry> clash = gallery.names().holder(details.name());
        if (clash.isPresent()) {
            say(true, texts.format("style.nameTaken", details.name().strip(), clash.get().name(),
                    gallery.names().free(details.name())));
            return false;
        }
        // The id is the library's business, never the user's: a free one, even if another name gave the same.
        String id = gallery.names().freeId(slug(details.name()));
        Path target = places.previewFolder().resolve("export-" + id + ".toon");
        tasks.submit(texts.format("job.exportStyle", details.name()), p -> {
            Files.createDirectories(places.previewFolder());
            StyleExport.export(run.folder(), Optional.of(checkpoint.step()), new StyleExport.Details(id,
                    // The author is optional in the form; a style file says "unknown" rather than nothing.
                    details.name().trim(), details.author() == null || details.author().isBlank() ? "unknown"
                            : details.author().trim(),
                    details.licence().trim(), "", texts.format("train.export.description", run.name(), checkpoint.step()),
                    StyleExport.Details.DEFAULT_WORKING_EDGE), target);
            return target;
        }, file -> gallery.addStyle(file, previewId(run, checkpoint), added -> {
            deleteQuietly(file);
            gallery.credits().remember(details.author(), details.licence());
            say(false, texts.format(added.chosen() ? "train.export.doneChosen" : "train.export.done",
                    added.entry().name(), checkpoint.step()));
        }, failure -> {
            deleteQuietly(file);
            say(true, texts.format("train.export.failed", checkpoint.step(), failure.getMessage()));
        }), failure -> say(true, texts.format("train.export.failed", checkpoint.step(), failure.getMessage())));
        return true;
    }

    /** Tries a checkpoint on in the workspace as a temporary style, and brings the workspace to the front. */
    public void previewInStudio(TrainRunViewModel run, CheckpointInfo checkpoint) {
        String id = previewId(run, checkpoint);
        Path target = places.previewFolder().resolve(id + ".toon");
        tasks.submit(texts.get("job.previewCheckpoint"), p -> {
            Files.createDirectories(places.previewFolder());
            return StyleExport.export(run.folder(), Optional.of(checkpoint.step()), new StyleExport.Details(id,
                    texts.format("train.preview.name", run.name(), checkpoint.step()), texts.get("train.preview.author"),
                    texts.get("train.preview.licence"), "", "",
                    StyleExport.Details.DEFAULT_WORKING_EDGE), target);
        }, (StyleBundle bundle) -> {
            gallery.showPreview(StyleEntry.preview(bundle));
            places.openStudio().run();
        }, failure -> say(true, texts.format("train.preview.failed", checkpoint.step(), failure.getMessage())));
    }

    /** The id of the style that tries {@code checkpoint} on in the Studio. */
    private static String previewId(TrainRunViewModel run, CheckpointInfo checkpoint) {
        return "preview-" + slug(run.name()) + "-" + checkpoint.step();
    }

    /** The scratch copy of an exported style, once the library has its own. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}", file, e);
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "style" : s;
    }

    private void say(boolean problem, String text) {
        messageIsProblem.set(problem);
        message.set(text == null ? "" : text);
        if (problem && text != null && !text.isEmpty()) {
            log.info("Train page: {}", text);
        }
    }

    /** Dismisses the page's message. */
    public void dismissMessage() {
        message.set("");
    }

    /**
     * Stops the active run, if any, with a checkpoint, and waits for it: for quitting. Blocks; call it off the UI
     * thread.
     *
     * @return whether a run was stopped
     */
    public boolean stopForExit(Duration timeout) throws InterruptedException {
        TrainRunViewModel live = active.get();
        TrainingRun training = live == null ? null : live.run();
        if (training == null) {
            return false;
        }
        training.stop();
        return training.await(timeout);
    }

    public NewRunViewModel wizard() {
        return wizard;
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<Showing> showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** The run on show, live or past. */
    public ReadOnlyObjectProperty<TrainRunViewModel> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The run this studio is training, or null. */
    public ReadOnlyObjectProperty<TrainRunViewModel> activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Whether a run is being trained: quitting asks first. */
    public boolean hasActiveRun() {
        return active.get() != null;
    }

    /** What the page last has to say: an export done, a refusal, a failure; empty for nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    /** Lets the runs' views go: events still on their way are dropped. Call after {@link #stopForExit}. */
    @Override
    public void close() {
        closed = true;
        for (TrainRunViewModel run : new TrainRunViewModel[] {shown.get(), active.get()}) {
            if (run != null) {
                run.close();
            }
        }
    }
}
