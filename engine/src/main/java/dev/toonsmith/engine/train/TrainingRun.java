package dev.toonsmith.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.model.Tensors;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.train.data.FloatBatch;
import dev.toonsmith.engine.train.data.SkippedFile;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GAN training run in the background: the loop, pause/resume/stop, the non-finite loss guard, and the
 * run folder (config, metrics, sample grids, checkpoints). Events leave as {@link TrainingEvent} records on
 * the run's own event thread.
 *
 * <p>A run folder that already holds a run is continued only when resuming is asked for; the run then goes
 * on from its newest checkpoint exactly: same step, learning-rate schedule, optimizer state, data order and
 * random state.
 *
 * <p>Closing a run stops it the way {@link #stop()} does (after the current step, with a checkpoint) and waits for
 * that, so a run opened in a try-with-resources block never outlives it and never loses work.
 */
public final class TrainingRun implements AutoCloseable {

    /** How long {@link #close()} waits for the current step and the stop checkpoint. */
    static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /**
     * Photos, spread evenly over the photo folder, that a new generator's data-dependent start (a learned palette) is
     * fitted to: the fixed sample grid's few would leave out whole kinds of scenes.
     */
    static final int FIT_PHOTOS = 64;
    private static final int GUARD_LIMIT = 3;

    /**
     * Every run trains on this one long-lived thread. libtorch allows one gradient collector per process, so
     * runs cannot overlap anyway; and libgomp (libtorch's OpenMP) was seen to crash when thread after thread
     * that had used OpenMP came and went.
     */
    private static final ExecutorService TRAINING_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "toonsmith-training");
        t.setDaemon(true);
        return t;
    });

    private final RunFolder folder;
    private final DataSources data;
    private final TrainingOptions options;
    private final boolean resume;
    /** The generator a new run starts from, or null for random weights. */
    private final StartingPoint startingPoint;
    private final List<TrainingListener> listeners;
    private final StepContext.LossFilter lossFilter;
    private final ExecutorService events;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private boolean started;
    private volatile TrainingEvent.Finished finished;
    private volatile String failure;

    private TrainingRun(Builder b) {
        this.folder = new RunFolder(b.runFolder);
        this.data = b.data;
        this.options = b.options;
        this.resume = b.resume;
        this.startingPoint = b.startingPoint;
        this.listeners = List.copyOf(b.listeners);
        this.lossFilter = b.lossFilter;
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "toonsmith-training-events");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link TrainingRun}. */
    public static final class Builder {
        private Path runFolder;
        private DataSources data;
        private TrainingOptions options;
        private boolean resume;
        private StartingPoint startingPoint;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private StepContext.LossFilter lossFilter = StepContext.LossFilter.NONE;

        /** The run's folder; created if missing. */
        public Builder setRunFolder(Path value) {
            this.runFolder = value;
            return this;
        }

        /** The photos and cartoons to train on. */
        public Builder setData(DataSources value) {
            this.data = value;
            return this;
        }

        /**
         * The options of a new run. A resumed run reads its own from {@code config.json}, taking only a larger
         * {@code steps} from these and, if it uses a feature extractor, a new place for that file.
         */
        public Builder optOptions(TrainingOptions value) {
            this.options = value;
            return this;
        }

        /** Continue the run in the folder from its newest checkpoint. */
        public Builder optResume(boolean value) {
            this.resume = value;
            return this;
        }

        public Builder addListener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** Test seam: every loss passes through this before use (e.g. to inject a NaN). */
        Builder optLossFilter(StepContext.LossFilter value) {
            this.lossFilter = value;
            return this;
        }

        /**
         * @throws TrainingOptionException for the {@code resume} option, if the folder holds a run and resuming was
         *     not asked for, or holds none and resuming was
         * @throws FeatureExtractorException if the run's feature extractor (the {@code perceptual} option) is missing
         *     or unusable; checked here so that a run never starts without it
         */
        public TrainingRun build() throws IOException {
            Objects.requireNonNull(runFolder, "run folder");
            Objects.requireNonNull(data, "data");
            RunFolder f = new RunFolder(runFolder);
            if (resume) {
                if (!f.hasRun()) {
                    throw new TrainingOptionException("resume", "is on, but " + f.root() + " holds no run to resume."
                            + " Start a new run there, or choose the folder of the run to resume.");
                }
                TrainingOptions saved = f.readConfig();
                options = options == null ? saved : resumed(saved, options);
            } else {
                if (f.hasRun()) {
                    throw new TrainingOptionException("resume", "is off, but " + f.root() + " already holds a run."
                            + " Resume it, or choose another folder for a new run.");
                }
                Objects.requireNonNull(options, "options");
                if (options.startFrom() != null) {
                    // Read now, so that a wrong file is reported before the data loads and the run starts.
                    Path from = Path.of(options.startFrom());
                    startingPoint = StartingPoint.read(from);
                    options = startingPoint.adoptedBy(options, from);
                }
                if (options.perceptual() != null) {
                    // Absolute in config.json, so that a resume from another working directory finds the same file.
                    options = TrainingOptionsCodec.with(options, Map.of("perceptual",
                            Path.of(options.perceptual()).toAbsolutePath().normalize().toString()));
                }
            }
            if (options.perceptual() != null) {
                try {
                    FeatureExtractor.check(Path.of(options.perceptual()), options.size());
                } catch (FeatureExtractorException e) {
                    if (!resume) {
                        throw e;
                    }
                    throw new FeatureExtractorException(e.problem(), "This run was started with it (the perceptual"
                            + " option, in its config.json): put the file back, or give the perceptual option its new"
                            + " place when resuming.", e);
                }
            }
            return new TrainingRun(this);
        }

        /** The saved options of a resumed run, with a larger step count and a moved feature extractor applied. */
        private static TrainingOptions resumed(TrainingOptions saved, TrainingOptions given) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("steps", Math.max(given.steps(), saved.steps()));
            if (saved.perceptual() != null && given.perceptual() != null) {
                changes.put("perceptual", Path.of(given.perceptual()).toAbsolutePath().normalize().toString());
            }
            return TrainingOptionsCodec.with(saved, changes);
        }
    }

    /** The run's folder. */
    public RunFolder folder() {
        return folder;
    }

    /** The options in force. */
    public TrainingOptions options() {
        return options;
    }

    /** Starts training on the training thread (after any run still on it). */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("this run has already started");
        }
        started = true;
        TRAINING_THREAD.execute(this::runLoop);
    }

    /** Pauses after the current step. */
    public void pause() {
        paused = true;
    }

    /** Continues a paused run. */
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** Stops after the current step, writing a checkpoint first. */
    public void stop() {
        stopRequested = true;
        resume();
    }

    /** Waits for the run to end, and for its events to be delivered. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean ended = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            events.shutdown();
            events.awaitTermination(10, TimeUnit.SECONDS);
        }
        return ended;
    }

    /**
     * Stops the run if it is running (after the current step, writing a checkpoint) and waits until it has ended and
     * its events were delivered, at most {@link #CLOSE_TIMEOUT}. A run that never started just lets its event
     * thread go.
     *
     * @throws IllegalStateException if the run did not end in that time
     */
    @Override
    public void close() {
        boolean wasStarted;
        synchronized (this) {
            wasStarted = started;
        }
        if (!wasStarted) {
            events.shutdown();
            return;
        }
        stop();
        try {
            if (!await(CLOSE_TIMEOUT)) {
                throw new IllegalStateException("the training run in " + folder.root() + " did not stop within "
                        + CLOSE_TIMEOUT.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the training run in " + folder.root(), e);
        }
    }

    /** How the run ended, once it has: empty while running or after a failure. */
    public Optional<TrainingEvent.Finished> result() {
        return Optional.ofNullable(finished);
    }

    /** The failure message, if the run failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void emit(TrainingEvent event) {
        events.execute(() -> {
            for (TrainingListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a training listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        });
    }

    private void runLoop() {
        long step = 0;
        try {
            TorchRuntime.inferenceMode();
            Device device = TorchRuntime.select(DevicePreference.parse(options.device()));
            Engine.getInstance().setRandomSeed((int) options.seed());
            try (NDManager manager = NDManager.newBaseManager(device)) {
                step = train(manager, device);
            }
        } catch (Exception | Error e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("training failed at step {}", step, e);
            emit(new TrainingEvent.Failed(step, failure));
        } finally {
            done.countDown();
        }
    }

    private long train(NDManager manager, Device device) throws IOException {
        Optional<Path> latest = resume ? folder.latestCheckpoint() : Optional.empty();
        Checkpoint.State resumed = latest.isPresent() ? Checkpoint.readState(latest.get()) : null;
        // The strategy's own random choices continue from the checkpoint, so a resumed run repeats nothing.
        Random strategyRandom = resumed != null ? Checkpoint.deserialize(resumed.strategyRandom()) : new Random(options.seed() + 2);
        TrainingStrategy strategy = Strategies.create(options, manager.newSubManager(), strategyRandom);
        try {
            BatchSource photos = data.photos(options, options.seed());
            BatchSource cartoons = data.cartoons(options, options.seed() + 1);
            // Drawn before any batch, in a new run and a resumed one alike, so the streams stay in step.
            NDArray fixed = tensor(photos.fixed(options.sampleCount()), manager, device);
            long step = 0;
            double lrScale = 1;
            Path lastCheckpoint = null;
            if (resumed != null) {
                Checkpoint.load(latest.get(), strategy, manager);
                step = resumed.step();
                lrScale = resumed.learningRateScale();
                skip(photos, resumed.photoBatches());
                skip(cartoons, resumed.cartoonBatches());
                lastCheckpoint = latest.get();
            } else if (startingPoint != null) {
                // Fine-tuning: the generator's learned colours and drawing are the point, not a fit to these photos.
                startingPoint.loadInto(strategy.generator(), manager);
            } else {
                try (NDArray spread = tensor(photos.fixed(FIT_PHOTOS), manager, device)) {
                    strategy.fitToPhotos(spread, options.seed());
                }
            }
            if (resume) {
                folder.truncateMetricsFrom(step);
            }
            folder.writeConfig(options);
            new DatasetFolders(data.photoDataset().folder(), data.cartoonDataset().folder()).write(folder);
            List<SkippedFile> skipped = new ArrayList<>(data.skipped());
            emit(new TrainingEvent.Started(step, folder.root(), options, step, photos.size(), cartoons.size(),
                    skipped, TorchRuntime.describe(device)));
            Throughput throughput = new Throughput();
            int badInARow = 0;
            boolean stopped = false;
            while (step < options.steps()) {
                if (waitWhilePaused(step)) {
                    stopped = true;
                    break;
                }
                long started = System.nanoTime();
                FloatBatch photoBatch = photos.next();
                FloatBatch cartoonBatch = cartoons.next();
                double lr = options.learningRate() * options.schedule().factor(step, options.steps()) * lrScale;
                try (NDManager scope = manager.newSubManager()) {
                    strategy.setInput(photoBatch, cartoonBatch, scope);
                    try {
                        strategy.optimizeParameters(new StepContext(step, lr, lossFilter));
                        badInARow = 0;
                    } catch (NonFiniteLossException e) {
                        badInARow++;
                        lrScale *= 0.5;
                        LOG.warn("step {}: {}; update skipped, learning rate scale now {}", step, e.getMessage(), lrScale);
                        emit(new TrainingEvent.NonFinite(step, e.loss(), lrScale, badInARow));
                        if (badInARow >= GUARD_LIMIT && lastCheckpoint != null) {
                            Checkpoint.State state = Checkpoint.load(lastCheckpoint, strategy, manager);
                            emit(new TrainingEvent.RolledBack(state.step(), step));
                            step = state.step();
                            folder.truncateMetricsFrom(step);
                            badInARow = 0;
                            continue;
                        }
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                throughput.add(options.batch(), seconds);
                Map<String, Double> losses = strategy.currentLosses();
                folder.appendMetrics(metricsLine(step, photos.epoch(), lr, losses, strategy, throughput.imagesPerSecond()));
                long remainingSteps = options.steps() - step - 1;
                emit(new TrainingEvent.Step(step, options.steps(), photos.epoch(), lr, losses, strategy.realScore(),
                        strategy.fakeScore(), throughput.imagesPerSecond(),
                        Duration.ofMillis((long) (remainingSteps * throughput.secondsPerStep() * 1000))));
                step++;
                if (step % options.sampleEvery() == 0 || step == options.steps()) {
                    writeSample(strategy, fixed, step);
                }
                if (step % options.checkpointEvery() == 0 || step == options.steps()) {
                    lastCheckpoint = checkpoint(strategy, step, photos, cartoons, lrScale, strategyRandom);
                }
                if (stopRequested) {
                    stopped = step < options.steps();
                    break;
                }
            }
            if (lastCheckpoint == null || RunFolder.stepOf(lastCheckpoint) != step) {
                lastCheckpoint = checkpoint(strategy, step, photos, cartoons, lrScale, strategyRandom);
                writeSample(strategy, fixed, step);
            }
            finished = new TrainingEvent.Finished(step, stopped, lastCheckpoint);
            emit(finished);
            return step;
        } finally {
            strategy.close();
        }
    }

    private boolean waitWhilePaused(long step) {
        if (!paused) {
            return stopRequested;
        }
        emit(new TrainingEvent.Paused(step));
        synchronized (pauseLock) {
            while (paused && !stopRequested) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        if (!stopRequested) {
            emit(new TrainingEvent.Resumed(step));
        }
        return stopRequested;
    }

    private Path checkpoint(TrainingStrategy strategy, long step, BatchSource photos, BatchSource cartoons,
            double lrScale, Random strategyRandom) throws IOException {
        Checkpoint.State state = new Checkpoint.State(step, photos.drawn(), cartoons.drawn(), lrScale,
                Checkpoint.optimizerSteps(strategy), Checkpoint.serialize(strategyRandom), Checkpoint.now());
        Path saved = Checkpoint.save(folder, strategy, state, options.keepCheckpoints());
        emit(new TrainingEvent.CheckpointSaved(step, saved));
        return saved;
    }

    private void writeSample(TrainingStrategy strategy, NDArray fixed, long step) throws IOException {
        try (NDManager scope = fixed.getManager().newSubManager()) {
            NDArray input = fixed.duplicate();
            input.attach(scope);
            NDArray out = strategy.translate(input);
            try (Image grid = SampleGrid.of(fixed, out)) {
                java.nio.file.Files.createDirectories(folder.samples());
                Path file = folder.sample(step);
                ImageWriter.write(grid, file, WriteOptions.defaults());
                emit(new TrainingEvent.Sample(step, file));
            }
        }
    }

    static NDArray tensor(FloatBatch batch, NDManager manager, Device device) {
        return tensor(batch.data(), new Shape(batch.batch(), 3, batch.height(), batch.width()), manager, device);
    }

    private static NDArray tensor(float[] data, Shape shape, NDManager manager, Device device) {
        NDArray cpu = manager.create(FloatBuffer.wrap(data), shape);
        return device.equals(cpu.getDevice()) ? cpu : cpu.toDevice(device, false);
    }

    private static Map<String, Object> metricsLine(long step, int epoch, double lr, Map<String, Double> losses,
            TrainingStrategy strategy, double imagesPerSecond) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("epoch", epoch);
        line.put("lr", lr);
        losses.forEach(line::put);
        line.put("d_real", finiteOrNull(strategy.realScore()));
        line.put("d_fake", finiteOrNull(strategy.fakeScore()));
        line.put("images_per_second", imagesPerSecond);
        return line;
    }

    private static Object finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static void skip(BatchSource source, long batches) {
        for (long i = 0; i < batches; i++) {
            source.next();
        }
    }

    /** Images per second over the last steps, and seconds per step for the ETA. */
    private static final class Throughput {
        private final double[] seconds = new double[20];
        private final int[] images = new int[20];
        private int count;

        void add(int imageCount, double secs) {
            seconds[count % seconds.length] = secs;
            images[count % images.length] = imageCount;
            count++;
        }

        double imagesPerSecond() {
            double s = 0;
            int n = 0;
            for (int i = 0; i < Math.min(count, seconds.length); i++) {
                s += seconds[i];
                n += images[i];
            }
            return s == 0 ? 0 : n / s;
        }

        double secondsPerStep() {
            int k = Math.min(count, seconds.length);
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += seconds[i];
            }
            return k == 0 ? 0 : s / k;
        }
    }
}
