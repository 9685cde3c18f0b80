package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.EventThrottle;
import dev.toonsmith.engine.train.CheckpointInfo;
import dev.toonsmith.engine.train.MetricsPoint;
import dev.toonsmith.engine.train.RunFolder;
import dev.toonsmith.engine.train.TrainingEvent;
import dev.toonsmith.engine.train.TrainingListener;
import dev.toonsmith.engine.train.TrainingRun;
import dev.toonsmith.engine.train.data.SkippedFile;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run as the Train page shows it, live or from its folder: progress, the charts' data, the sample grids with a
 * history scrubber and a compare mode, the checkpoints, and what happened. A live run's events arrive on its event
 * thread and reach this ViewModel in throttled batches on the UI thread; everything here changes on the UI thread.
 */
public final class TrainRunViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainRunViewModel.class);

    /** How often a live run's events reach the UI thread: charts redraw at most this often. */
    static final Duration UPDATE_INTERVAL = Duration.ofMillis(250);

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final RunFolder folder;
    private final RunCharts charts = new RunCharts();
    private final EventThrottle<TrainingEvent> throttle;
    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyIntegerWrapper chartRevision = new ReadOnlyIntegerWrapper(this, "chartRevision");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper deviceText = new ReadOnlyStringWrapper(this, "deviceText", "");
    private final ReadOnlyStringWrapper healthText = new ReadOnlyStringWrapper(this, "healthText", "");
    private final ReadOnlyBooleanWrapper healthWarning = new ReadOnlyBooleanWrapper(this, "healthWarning");
    private final ObservableList<SampleGridItem> samples = FXCollections.observableArrayList();
    private final IntegerProperty sampleIndex = new SimpleIntegerProperty(this, "sampleIndex", -1);
    private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare");
    private final IntegerProperty compareIndex = new SimpleIntegerProperty(this, "compareIndex", 0);
    private final ReadOnlyObjectWrapper<SampleGridItem> shownSample = new ReadOnlyObjectWrapper<>(this, "shownSample");
    private final ReadOnlyObjectWrapper<SampleGridItem> comparedSample = new ReadOnlyObjectWrapper<>(this,
            "comparedSample");
    private final ObservableList<CheckpointInfo> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<RunLogEntry> log = FXCollections.observableArrayList();
    private volatile TrainingRun run;
    private String device = "";
    private long step;
    private long totalSteps;
    private int epoch;
    private Consumer<TrainRunViewModel> onEnded = r -> { };
    /** While the history is read, live steps wait here: the charts take points in step order. */
    private boolean historyPending;
    private final java.util.ArrayList<TrainingEvent.Step> heldSteps = new java.util.ArrayList<>();
    /** The run's first sample grid, measured once; the newest grid is compared with it. */
    private SampleGridItem firstJudged;
    private SampleLook firstLook;
    /** The newest grid compared, or being compared: one comparison at a time, the newest grid next. */
    private SampleGridItem latestJudged;
    private boolean judging;
    private SampleDrift.Verdict sampleVerdict;
    private double lastImagesPerSecond = Double.NaN;
    private Duration lastRemaining;

    /**
     * @param initialPhase {@link RunPhase#LOADING} for a run this studio is starting, else the phase its folder shows
     */
    public TrainRunViewModel(Texts texts, BackgroundTasks tasks, Path runFolder, RunPhase initialPhase) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.folder = new RunFolder(runFolder);
        this.throttle = new EventThrottle<>(tasks.uiThread(), UPDATE_INTERVAL, this::apply);
        phase.set(initialPhase);
        sampleIndex.addListener((obs, was, now) -> updateShownSamples());
        compareIndex.addListener((obs, was, now) -> updateShownSamples());
        compare.addListener((obs, was, now) -> updateShownSamples());
    }

    /** The run's name: its folder's. */
    public String name() {
        return folder.root().getFileName().toString();
    }

    public RunFolder folder() {
        return folder;
    }

    /**
     * Reads the run's history from its folder in the background: metrics up to {@code beforeStep} (all when
     * {@code Long.MAX_VALUE}), sample grids and checkpoints. A live run reads the history before its first live step,
     * so that a resumed run's charts start where it left off.
     */
    public void loadHistory(long beforeStep) {
        historyPending = true;
        tasks.submit(texts.get("job.readRun"), p -> {
            List<MetricsPoint> metrics = folder.readMetrics().stream().filter(m -> m.step() < beforeStep).toList();
            SortedMap<Long, Path> grids = folder.sampleGrids();
            List<CheckpointInfo> saved = folder.checkpointInfos();
            long planned = folder.readConfig().steps();
            return new History(metrics, grids, saved, planned);
        }, this::applyHistory, failure -> {
            historyPending = false;
            heldSteps.forEach(this::addStep);
            heldSteps.clear();
            chartRevision.set(charts.revision());
            addLog(0, true, texts.format("train.log.readFailed", folder.root(), failure.getMessage()));
        });
    }

    private record History(List<MetricsPoint> metrics, SortedMap<Long, Path> grids, List<CheckpointInfo> checkpoints,
            long planned) {}

    private void applyHistory(History h) {
        historyPending = false;
        h.metrics().forEach(charts::add);
        // Live steps that arrived while the history was read go after it.
        List<TrainingEvent.Step> held = List.copyOf(heldSteps);
        heldSteps.clear();
        held.forEach(this::addStep);
        if (totalSteps == 0) {
            totalSteps = h.planned();
        }
        if (!h.metrics().isEmpty() && step == 0) {
            MetricsPoint last = h.metrics().get(h.metrics().size() - 1);
            step = last.step() + 1;
            epoch = last.epoch();
        }
        boolean following = sampleIndex.get() >= samples.size() - 1;
        h.grids().forEach((s, file) -> {
            if (samples.stream().noneMatch(g -> g.step() == s)) {
                samples.add(new SampleGridItem(s, file));
            }
        });
        samples.sort(java.util.Comparator.comparingLong(SampleGridItem::step));
        if (following && !samples.isEmpty()) {
            sampleIndex.set(samples.size() - 1);
        }
        checkpoints.setAll(h.checkpoints());
        updateProgress(Double.NaN, null);
        chartRevision.set(charts.revision());
        updateShownSamples();
        judgeSamples();
    }

    /** Connects a live run: its events update this ViewModel. Call before the run starts. */
    public TrainingListener listener() {
        return throttle::offer;
    }

    /** The live run, once it is built. */
    public void attach(TrainingRun training) {
        this.run = training;
    }

    /** Called on the UI thread when a live run has ended, however it ended. */
    public void setOnEnded(Consumer<TrainRunViewModel> value) {
        this.onEnded = Objects.requireNonNull(value);
    }

    /** Marks a run that could not start (its data did not load). */
    public void failedToStart(String message) {
        phase.set(RunPhase.FAILED);
        addLog(0, true, message);
        onEnded.accept(this);
    }

    public void pause() {
        TrainingRun r = run;
        if (r != null && phase.get() == RunPhase.RUNNING) {
            r.pause();
        }
    }

    public void resume() {
        TrainingRun r = run;
        if (r != null && phase.get() == RunPhase.PAUSED) {
            r.resume();
        }
    }

    /** Stops after the current step with a checkpoint; the run reports when it has. */
    public void stop() {
        TrainingRun r = run;
        if (r != null && (phase.get() == RunPhase.RUNNING || phase.get() == RunPhase.PAUSED)) {
            phase.set(RunPhase.STOPPING);
            addLog(step, false, texts.get("train.log.stopping"));
            r.stop();
        }
    }

    /** The live run, if this ViewModel shows one that this studio trains. */
    TrainingRun run() {
        return run;
    }

    void apply(List<TrainingEvent> events) {
        double imagesPerSecond = Double.NaN;
        Duration remaining = null;
        boolean checkpointsChanged = false;
        for (TrainingEvent event : events) {
            if (event instanceof TrainingEvent.Step s) {
                if (historyPending) {
                    heldSteps.add(s);
                } else {
                    addStep(s);
                }
                step = s.step() + 1;
                totalSteps = s.totalSteps();
                epoch = s.epoch();
                imagesPerSecond = s.imagesPerSecond();
                remaining = s.remaining();
            } else if (event instanceof TrainingEvent.Started s) {
                device = s.device();
                totalSteps = s.options().steps();
                step = s.startStep();
                phase.set(RunPhase.RUNNING);
                addLog(s.step(), false, s.startStep() == 0
                        ? texts.format("train.log.started", s.photos(), s.cartoons(), s.device())
                        : texts.format("train.log.resumedRun", s.startStep(), s.device()));
                for (SkippedFile skipped : s.skipped()) {
                    addLog(s.step(), true, texts.format("train.log.skipped", skipped.file(), skipped.reason()));
                }
                loadHistory(s.startStep());
            } else if (event instanceof TrainingEvent.Sample s) {
                boolean following = sampleIndex.get() >= samples.size() - 1;
                samples.removeIf(g -> g.step() == s.step());
                samples.add(new SampleGridItem(s.step(), s.file()));
                if (following) {
                    sampleIndex.set(samples.size() - 1);
                }
                judgeSamples();
            } else if (event instanceof TrainingEvent.CheckpointSaved c) {
                addLog(c.step(), false, texts.format("train.log.checkpoint", c.step()));
                checkpointsChanged = true;
            } else if (event instanceof TrainingEvent.Paused p) {
                if (phase.get() != RunPhase.STOPPING) {
                    phase.set(RunPhase.PAUSED);
                }
                addLog(p.step(), false, texts.format("train.log.paused", p.step()));
            } else if (event instanceof TrainingEvent.Resumed r) {
                if (phase.get() != RunPhase.STOPPING) {
                    phase.set(RunPhase.RUNNING);
                }
                addLog(r.step(), false, texts.format("train.log.resumed", r.step()));
            } else if (event instanceof TrainingEvent.NonFinite n) {
                addLog(n.step(), true, texts.format("train.log.nonFinite", n.loss(), n.step(),
                        String.format(java.util.Locale.ROOT, "%.3f", n.learningRateScale())));
            } else if (event instanceof TrainingEvent.RolledBack r) {
                addLog(r.step(), true, texts.format("train.log.rolledBack", r.fromStep(), r.step()));
                step = r.step();
            } else if (event instanceof TrainingEvent.Finished f) {
                phase.set(f.stoppedEarly() ? RunPhase.STOPPED : RunPhase.FINISHED);
                addLog(f.step(), false, texts.format(f.stoppedEarly() ? "train.log.stopped" : "train.log.finished",
                        f.step()));
                checkpointsChanged = true;
                run = null;
                onEnded.accept(this);
            } else if (event instanceof TrainingEvent.Failed f) {
                phase.set(RunPhase.FAILED);
                addLog(f.step(), true, texts.format("train.log.failed", f.step(), f.message()));
                run = null;
                onEnded.accept(this);
            }
        }
        updateProgress(imagesPerSecond, remaining);
        chartRevision.set(charts.revision());
        if (checkpointsChanged) {
            reloadCheckpoints();
        }
    }

    private void addStep(TrainingEvent.Step s) {
        charts.add(s.step(), s.losses(), score(s.realScore(), s.losses()), score(s.fakeScore(), s.losses()),
                s.learningRate(), s.imagesPerSecond());
    }

    /** The content-only warm-up has no verdicts: its steps report no D losses, and the scores then mean nothing. */
    private static Double score(double value, Map<String, Double> losses) {
        return losses.containsKey("D_total") ? value : null;
    }

    private void reloadCheckpoints() {
        tasks.submit(null, p -> folder.checkpointInfos(), checkpoints::setAll,
                failure -> LOG.warn("Could not list the checkpoints of {}", folder.root(), failure));
    }

    private void updateProgress(double imagesPerSecond, Duration remaining) {
        progress.set(totalSteps == 0 ? 0 : Math.min(1, (double) step / totalSteps));
        progressText.set(texts.format("train.progress", step, totalSteps, epoch));
        if (Double.isFinite(imagesPerSecond) && remaining != null) {
            lastImagesPerSecond = imagesPerSecond;
            lastRemaining = remaining;
        }
        RunPhase now = phase.get();
        if (now == RunPhase.PAUSED) {
            // A paused run makes no progress: its last speed and time left would be figures of the past.
            speedText.set(texts.get("train.speed.paused"));
        } else if (now == RunPhase.STOPPING) {
            speedText.set(texts.get("train.speed.stopping"));
        } else if (now == RunPhase.RUNNING && Double.isFinite(lastImagesPerSecond) && lastRemaining != null) {
            String speed = texts.format("train.speed", String.format(java.util.Locale.ROOT, "%.1f", lastImagesPerSecond),
                    formatDuration(lastRemaining));
            double usual = Slowdown.usualRateIfSlower(charts.throughput().tail(Slowdown.USUAL));
            speedText.set(Double.isNaN(usual) ? speed : speed + " " + texts.format("train.speed.slower",
                    String.format(java.util.Locale.ROOT, "%.1f", usual)));
        } else if (!now.isActive()) {
            speedText.set("");
        } else if (now == RunPhase.RUNNING) {
            speedText.set(texts.get("train.speed.measuring"));
        }
        if (phase.get().isActive()) {
            deviceText.set(texts.format("train.device", device,
                    String.format(java.util.Locale.ROOT, "%.1f", ProcessMemory.residentBytes() / 1e9)));
        } else {
            deviceText.set("");
        }
        updateHealth();
    }

    private void updateHealth() {
        RunHealth.Assessment health = RunHealth.describe(charts, sampleVerdict, texts);
        healthText.set(health.text());
        healthWarning.set(health.warning());
    }

    /**
     * Compares the newest sample grid with the run's first in the background (the grids are PNGs in the run folder),
     * one comparison at a time; a grid that arrives meanwhile is compared when the current one is done.
     */
    private void judgeSamples() {
        if (judging || samples.size() < 2) {
            return;
        }
        SampleGridItem first = samples.get(0);
        SampleGridItem latest = samples.get(samples.size() - 1);
        if (first.equals(firstJudged) && latest.equals(latestJudged)) {
            return;
        }
        judging = true;
        latestJudged = latest;
        SampleLook knownFirst = first.equals(firstJudged) ? firstLook : null;
        tasks.submit(null, p -> {
            SampleLook firstOne = knownFirst != null ? knownFirst : SampleLook.read(first.file());
            return new Judged(first, firstOne, SampleDrift.assess(first.step(), firstOne, latest.step(),
                    SampleLook.read(latest.file())));
        }, judged -> {
            judging = false;
            firstJudged = judged.first();
            firstLook = judged.firstLook();
            sampleVerdict = judged.verdict();
            updateHealth();
            judgeSamples();
        }, failure -> {
            // A grid still being written, or removed: the next grid is compared instead.
            judging = false;
            LOG.debug("Could not compare the sample grids of {}", folder.root(), failure);
        });
    }

    private record Judged(SampleGridItem first, SampleLook firstLook, SampleDrift.Verdict verdict) {}

    static String formatDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60)
                : String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    private void addLog(long atStep, boolean problem, String text) {
        log.add(new RunLogEntry(LocalTime.now().withNano(0), atStep, problem, text));
    }

    private void updateShownSamples() {
        int i = sampleIndex.get();
        shownSample.set(i >= 0 && i < samples.size() ? samples.get(i) : null);
        int j = compareIndex.get();
        comparedSample.set(compare.get() && j >= 0 && j < samples.size() ? samples.get(j) : null);
    }

    public RunCharts charts() {
        return charts;
    }

    /** Changes whenever the charts' data does (at most every {@link #UPDATE_INTERVAL}). */
    public ReadOnlyIntegerProperty chartRevisionProperty() {
        return chartRevision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public RunPhase phase() {
        return phase.get();
    }

    /** Done fraction of the planned steps. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Step 340 of 1400 · epoch 3". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /**
     * "3.2 images/s · 5 min 12 s left" while running, with a note when it runs well below its usual speed; "paused"
     * while paused.
     */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** "CPU · 1.4 GB in use", while active. */
    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText.getReadOnlyProperty();
    }

    /** A sentence on how the run looks, from its recent scores and its samples next to its first. */
    public ReadOnlyStringProperty healthTextProperty() {
        return healthText.getReadOnlyProperty();
    }

    /** Whether the health sentence warns of something going wrong. */
    public ReadOnlyBooleanProperty healthWarningProperty() {
        return healthWarning.getReadOnlyProperty();
    }

    public ObservableList<SampleGridItem> samples() {
        return samples;
    }

    /** Which sample grid is shown; the newest unless the user scrubbed back. */
    public IntegerProperty sampleIndexProperty() {
        return sampleIndex;
    }

    /** Two grids side by side. */
    public BooleanProperty compareProperty() {
        return compare;
    }

    public IntegerProperty compareIndexProperty() {
        return compareIndex;
    }

    public ReadOnlyObjectProperty<SampleGridItem> shownSampleProperty() {
        return shownSample.getReadOnlyProperty();
    }

    /** The grid shown beside it in compare mode; null otherwise. */
    public ReadOnlyObjectProperty<SampleGridItem> comparedSampleProperty() {
        return comparedSample.getReadOnlyProperty();
    }

    public ObservableList<CheckpointInfo> checkpoints() {
        return checkpoints;
    }

    public ObservableList<RunLogEntry> log() {
        return log;
    }

    public long step() {
        return step;
    }

    @Override
    public void close() {
        throttle.close();
    }
}
