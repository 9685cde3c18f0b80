package dev.toonsmith.engine.batch;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageDimensions;
import dev.toonsmith.engine.image.ImageFolder;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.OutputFormat;
import dev.toonsmith.engine.infer.TileProgress;
import dev.toonsmith.engine.render.RenderPipeline;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders files and folders with one {@link RenderSettings} into an output folder: the designer's batch.
 *
 * <p>The work is pipelined so that decoding, the generator, and post-processing with encoding overlap: one
 * thread decodes, one runs the generator (which has the cores to itself for its matrix work), and
 * {@code workers} threads finish and write. Queues between them are short and every image in flight holds
 * its pixels from a {@link PixelBudget}, so memory stays bounded whatever the folder holds.
 *
 * <p>Inputs that cannot be used (corrupt, unsupported, unreadable) are recorded with their reason and the
 * batch goes on; an output that cannot be written stops the batch, leaving every finished output intact
 * (outputs are written atomically). Sources are never modified and never overwritten. Re-running the same
 * batch skips what an earlier run finished ({@link BatchJournal}). The report and the settings are written
 * beside the outputs.
 *
 * <p>Built with {@link #builder()}; {@link #run()} blocks until the batch ends; {@link #cancel()} may be called
 * from any thread.
 */
public final class BatchJob {

    private static final Logger log = LoggerFactory.getLogger(BatchJob.class);

    /** The report's default name in the output folder; the JSON and the settings take the same stem. */
    public static final String REPORT_NAME = "toonsmith-batch-report.csv";
    /** Pixels in flight by default: one 12000x9000 scan, or about a hundred 1024 px photos. */
    public static final long DEFAULT_PIXEL_BUDGET = 128L * 1024 * 1024;

    private final List<Path> inputs;
    private final Path output;
    private final boolean recursive;
    private final RenderSettings settings;
    private final NameTemplate template;
    private final ExistingOutput onExists;
    private final Path reportCsv;
    private final DevicePreference device;
    private final int workers;
    private final long pixelBudget;
    private final BatchListener listener;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private final Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Object listenerLock = new Object();

    private BatchJob(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.output = b.output;
        this.recursive = b.recursive;
        this.settings = b.settings;
        this.template = b.template;
        this.onExists = b.onExists;
        this.reportCsv = b.report != null ? b.report : b.output.resolve(REPORT_NAME);
        this.device = b.device;
        this.workers = b.workers;
        this.pixelBudget = b.pixelBudget;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RenderSettings settings() {
        return settings;
    }

    public Path outputFolder() {
        return output;
    }

    /** Asks the batch to stop: inputs not finished are reported as cancelled; finished outputs stay. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            log.info("Batch cancelled");
            threads.forEach(Thread::interrupt);
        }
    }

    /**
     * Lists the inputs and names their outputs, without rendering anything. Outputs are named by the template;
     * two inputs that would get the same name are told apart with {@code -2}, {@code -3}; with
     * {@link ExistingOutput#RENAME} so is a name taken by a file from before.
     *
     * @throws IOException naming the input that cannot be listed
     */
    public List<BatchItem> plan() throws IOException {
        List<Source> sources = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path input : inputs) {
            Path absolute = input.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                ImageFolder folder = ImageFolder.list(absolute, recursive, output);
                for (Path image : folder.images()) {
                    if (seen.add(image)) {
                        Path relative = absolute.relativize(image).getParent();
                        sources.add(new Source(image, ImageFolder.relativeName(absolute, image), relative));
                    }
                }
                for (ImageFolder.Unlisted u : folder.unlisted()) {
                    log.warn("{}", u.reason());
                }
            } else if (seen.add(absolute)) {
                sources.add(new Source(absolute, absolute.getFileName().toString(), null));
            }
        }
        Set<Path> claimed = new HashSet<>();
        Set<Path> sourceFiles = new HashSet<>(seen);
        List<BatchItem> items = new ArrayList<>();
        int index = 1;
        for (Source source : sources) {
            Path folder = source.subfolder() == null ? output : output.resolve(source.subfolder());
            String name = source.file().getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot + 1) : "";
            OutputFormat format = settings.formatFor(ext);
            String fileName = template.apply(stem, settings.styleSlug(), settings.postSlug(), index,
                    format.extensions().get(0));
            Path target = folder.resolve(fileName).normalize();
            for (int n = 2; claimed.contains(target) || sourceFiles.contains(target)
                    || (onExists == ExistingOutput.RENAME && Files.exists(target)); n++) {
                target = folder.resolve(withSuffix(fileName, "-" + n)).normalize();
            }
            claimed.add(target);
            items.add(new BatchItem(index++, source.file(), source.displayName(), target));
        }
        return items;
    }

    private record Source(Path file, String displayName, Path subfolder) {}

    private static String withSuffix(String fileName, String suffix) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + suffix + fileName.substring(dot) : fileName + suffix;
    }

    /**
     * Runs the batch to its end and writes the report.
     *
     * @return every input's result; a stop by a fatal error is in {@link BatchReport#fatal()}
     * @throws IOException when the output folder cannot be made or written to (nothing was rendered), or the
     *     inputs cannot be listed
     */
    public BatchReport run() throws IOException {
        long start = System.nanoTime();
        prepareOutputFolder();
        List<BatchItem> items = plan();
        emit(new BatchEvent.Planned(items));
        log.info("Batch of {} inputs into {}: {}", items.size(), output, settings.describe());
        String fingerprint = BatchRecords.fingerprint(settings, template);
        BatchJournal journal = BatchJournal.open(output, fingerprint);
        ItemResult[] results = new ItemResult[items.size()];
        Tally tally = new Tally(items.size(), start);
        List<BatchItem> toRender = new ArrayList<>();
        for (BatchItem item : items) {
            Optional<Path> earlier = journal.finished(item.source());
            if (earlier.isPresent()) {
                BatchItem same = new BatchItem(item.index(), item.source(), item.displayName(), earlier.get());
                finish(results, tally, ItemResult.skipped(same, "Done in an earlier run of this batch."));
            } else if (onExists == ExistingOutput.SKIP && Files.exists(item.output())) {
                finish(results, tally, ItemResult.skipped(item, item.output().getFileName()
                        + " exists from before; left as it is (on-exists skip)."));
            } else {
                toRender.add(item);
            }
        }
        if (!toRender.isEmpty() && !cancelled.get()) {
            try (RenderPipeline pipeline = RenderPipeline.open(settings, device)) {
                new Stages(pipeline, journal, results, tally).run(toRender);
            }
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = ItemResult.cancelled(items.get(i));
            }
        }
        Path json = sibling(reportCsv, ".json");
        Path settingsFile = sibling(reportCsv, "-settings.json");
        BatchReport report = new BatchReport(List.of(results), Duration.ofNanos(System.nanoTime() - start),
                Optional.ofNullable(fatal.get()), cancelled.get() && fatal.get() == null, reportCsv, json,
                settingsFile);
        Path postFile = sibling(reportCsv, "-look.json");
        try {
            BatchRecords.writeSettings(settingsFile, BatchRecords.settings(settings, template, onExists, recursive,
                    inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList(), output,
                    postFile.getFileName().toString()), settings, postFile);
            BatchRecords.writeReport(report, settingsFile);
        } catch (IOException e) {
            log.error("Cannot write the batch report {}: {}", reportCsv, e.getMessage());
            if (report.fatal().isEmpty()) {
                throw new IOException("Cannot write the batch report " + reportCsv + ": " + e.getMessage()
                        + ". Free some space or choose another report location.", e);
            }
        }
        log.info("Batch finished in {} s: {} done, {} skipped, {} failed, {} cancelled ({} images/min){}",
                report.elapsed().toSeconds(), report.count(ItemStatus.DONE), report.count(ItemStatus.SKIPPED),
                report.count(ItemStatus.FAILED), report.count(ItemStatus.CANCELLED),
                String.format(Locale.ROOT, "%.1f", report.imagesPerMinute()),
                report.fatal().map(f -> "; stopped: " + f).orElse(""));
        emit(new BatchEvent.Finished(report));
        return report;
    }

    private static Path sibling(Path csv, String suffix) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + suffix);
    }

    /** Makes the output folder and proves it writable, before any model is loaded or photo decoded. */
    private void prepareOutputFolder() throws IOException {
        try {
            Files.createDirectories(output);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Cannot write to the output folder " + output + ": " + e.getFile()
                    + " is a file. Choose another output folder.", e);
        } catch (IOException e) {
            throw new IOException("Cannot create the output folder " + output + " (" + reason(e)
                    + "). Choose a folder you may write to.", e);
        }
        Path probe = output.resolve(".toonsmith-write-test-" + ProcessHandle.current().pid());
        try {
            Files.write(probe, new byte[] {1});
        } catch (IOException e) {
            throw new IOException("Cannot write to the output folder " + output + " (" + reason(e)
                    + "). Choose a folder you may write to, or free some space.", e);
        } finally {
            Files.deleteIfExists(probe);
        }
        Path reportFolder = reportCsv.toAbsolutePath().getParent();
        if (reportFolder != null && !Files.isDirectory(reportFolder)) {
            throw new IOException("Cannot write the report " + reportCsv + ": the folder " + reportFolder
                    + " does not exist. Choose an existing folder for the report.");
        }
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : name;
    }

    private void emit(BatchEvent event) {
        synchronized (listenerLock) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("A batch listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    private void finish(ItemResult[] results, Tally tally, ItemResult result) {
        BatchProgress progress;
        synchronized (tally) {
            results[result.item().index() - 1] = result;
            progress = tally.count(result);
        }
        if (result.status() == ItemStatus.FAILED) {
            // Reported to the user by the listener and the report; the log keeps it for the record.
            log.info("{}: {}", result.item().displayName(), result.message());
        }
        emit(new BatchEvent.ItemFinished(result, progress));
    }

    /** Counts for {@link BatchProgress}; guarded by its own monitor. */
    private static final class Tally {
        private final int total;
        private final long start;
        private int finished;
        private int failed;
        private int skipped;
        private int rendered;
        private long firstRenderStart = -1;

        Tally(int total, long start) {
            this.total = total;
            this.start = start;
        }

        BatchProgress count(ItemResult r) {
            finished++;
            if (r.status() == ItemStatus.FAILED) {
                failed++;
            }
            if (r.status() == ItemStatus.SKIPPED) {
                skipped++;
            }
            long now = System.nanoTime();
            if (r.status() == ItemStatus.DONE || r.status() == ItemStatus.FAILED && r.millis() > 0) {
                rendered++;
            }
            Optional<Duration> eta = Optional.empty();
            if (rendered > 0 && firstRenderStart >= 0) {
                double perItem = (double) (now - firstRenderStart) / rendered;
                eta = Optional.of(Duration.ofNanos((long) (perItem * (total - finished))));
            }
            return new BatchProgress(finished, total, failed, skipped, Duration.ofNanos(now - start), eta);
        }

        synchronized void renderingStarts() {
            if (firstRenderStart < 0) {
                firstRenderStart = System.nanoTime();
            }
        }
    }

    /** One input on its way through the stages; owns its images and its share of the pixel budget. */
    private static final class Work implements AutoCloseable {
        final BatchItem item;
        final long started;
        long pixels;
        Image photo;
        Image drawing;

        Work(BatchItem item) {
            this.item = item;
            this.started = System.nanoTime();
        }

        long millis() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        @Override
        public void close() {
            if (photo != null) {
                photo.close();
                photo = null;
            }
            if (drawing != null) {
                drawing.close();
                drawing = null;
            }
        }
    }

    private static final Work END = new Work(null);

    /** The threads of one run: decode, generate, finish. */
    private final class Stages {
        private final RenderPipeline pipeline;
        private final BatchJournal journal;
        private final ItemResult[] results;
        private final Tally tally;
        private final PixelBudget budget = new PixelBudget(pixelBudget);
        private final BlockingQueue<Work> decoded = new ArrayBlockingQueue<>(2);
        private final BlockingQueue<Work> generated = new ArrayBlockingQueue<>(Math.max(2, workers));

        Stages(RenderPipeline pipeline, BatchJournal journal, ItemResult[] results, Tally tally) {
            this.pipeline = pipeline;
            this.journal = journal;
            this.results = results;
            this.tally = tally;
        }

        void run(List<BatchItem> items) throws IOException {
            List<Thread> started = new ArrayList<>();
            started.add(start("batch-decode", () -> decodeAll(items)));
            started.add(start("batch-generate", this::generateAll));
            for (int i = 0; i < workers; i++) {
                started.add(start("batch-finish-" + (i + 1), this::finishAll));
            }
            for (Thread t : started) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    cancel();
                    Thread.currentThread().interrupt();
                    joinQuietly(started);
                    throw new java.io.InterruptedIOException("the batch was interrupted");
                }
            }
        }

        private void joinQuietly(List<Thread> started) {
            for (Thread t : started) {
                try {
                    t.join(10_000);
                } catch (InterruptedException ignored) {
                    return;
                }
            }
        }

        private Thread start(String name, Runnable body) {
            Thread t = new Thread(() -> {
                try {
                    body.run();
                } catch (RuntimeException | Error e) {
                    log.error("The batch's {} thread failed", name, e);
                    stop("An internal error stopped the batch: " + e);
                }
            }, name);
            t.setDaemon(true);
            threads.add(t);
            t.start();
            return t;
        }

        private boolean stopping() {
            return cancelled.get() || fatal.get() != null;
        }

        private void stop(String why) {
            if (fatal.compareAndSet(null, why)) {
                // Reported by the report and the front end; logged for the record only.
                log.info("Batch stopped: {}", why);
                threads.forEach(Thread::interrupt);
            }
        }

        private void decodeAll(List<BatchItem> items) {
            try {
                for (BatchItem item : items) {
                    if (stopping()) {
                        break;
                    }
                    Work work = new Work(item);
                    try {
                        ImageDimensions size = ImageReader.readDimensions(item.source());
                        // A picture over the limit is refused or decoded reduced, to at most the limit's pixels.
                        long pixels = Math.min((long) size.width() * size.height(),
                                pipeline.settings().imageLimits().maxPixels());
                        work.pixels = budget.acquire(pixels);
                        work.photo = pipeline.decode(item.source());
                        emit(new BatchEvent.ItemStarted(item));
                        decoded.put(work);
                    } catch (InterruptedException e) {
                        release(work);
                        break;
                    } catch (IOException | RuntimeException e) {
                        release(work);
                        if (!stopping()) {
                            finish(results, tally, ItemResult.failed(item, work.millis(), message(e)));
                        }
                    }
                }
            } finally {
                putEnd(decoded);
            }
        }

        private void generateAll() {
            try {
                while (true) {
                    Work work = decoded.take();
                    if (work == END) {
                        break;
                    }
                    if (stopping()) {
                        release(work);
                        continue;
                    }
                    tally.renderingStarts();
                    try {
                        work.drawing = pipeline.generate(work.photo, TileProgress.NONE).orElse(null);
                        generated.put(work);
                    } catch (InterruptedException | CancellationException e) {
                        release(work);
                    } catch (RuntimeException e) {
                        release(work);
                        finish(results, tally, ItemResult.failed(work.item, work.millis(), message(e)));
                    }
                }
            } catch (InterruptedException e) {
                drain(decoded);
            } finally {
                for (int i = 0; i < workers; i++) {
                    putEnd(generated);
                }
            }
        }

        private void finishAll() {
            try {
                while (true) {
                    Work work = generated.take();
                    if (work == END) {
                        return;
                    }
                    if (stopping()) {
                        release(work);
                        continue;
                    }
                    finishOne(work);
                }
            } catch (InterruptedException e) {
                drain(generated);
            }
        }

        private void finishOne(Work work) {
            BatchItem item = work.item;
            try (Image result = pipeline.finish(work.photo, Optional.ofNullable(work.drawing))) {
                if (work.drawing != null) {
                    work.drawing.close();
                    work.drawing = null;
                }
                try {
                    Files.createDirectories(item.output().getParent());
                    pipeline.write(result, item.output(), item.source());
                } catch (IOException e) {
                    // Output problems are the batch's, not the input's: the next file would fail the same way.
                    stop("Cannot write " + item.output() + " (" + reason(e) + "). Every finished output is"
                            + " intact; free some space or fix the folder, then run the same batch again to"
                            + " finish the rest.");
                    return;
                }
                try {
                    journal.record(item.source(), item.output());
                } catch (IOException e) {
                    log.warn("Cannot note {} in the batch journal: {}", item.output(), e.getMessage());
                }
                finish(results, tally, ItemResult.done(item, work.millis(), result.width(), result.height()));
            } catch (CancellationException e) {
                // cancelled mid-render: reported as cancelled
            } catch (RuntimeException e) {
                finish(results, tally, ItemResult.failed(item, work.millis(), message(e)));
            } finally {
                release(work);
            }
        }

        private void release(Work work) {
            work.close();
            if (work.pixels > 0) {
                budget.release(work.pixels);
                work.pixels = 0;
            }
        }

        private void drain(BlockingQueue<Work> queue) {
            Work w;
            while ((w = queue.poll()) != null) {
                if (w != END) {
                    release(w);
                }
            }
        }

        private void putEnd(BlockingQueue<Work> queue) {
            while (true) {
                try {
                    if (queue.offer(END, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    // Stopping: the consumers may be gone; the loop below makes room rather than wait.
                }
                // A stopping batch's consumers may have been interrupted and gone: make room, never wait forever.
                if (stopping()) {
                    Work dropped = queue.poll();
                    if (dropped != null && dropped != END) {
                        release(dropped);
                    }
                }
            }
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Collects a batch's options; {@link #build()} checks them. */
    public static final class Builder {
        private final List<Path> inputs = new ArrayList<>();
        private Path output;
        private boolean recursive;
        private RenderSettings settings;
        private NameTemplate template = NameTemplate.DEFAULT;
        private ExistingOutput onExists = ExistingOutput.SKIP;
        private Path report;
        private DevicePreference device = DevicePreference.AUTO;
        private int workers = defaultWorkers();
        private long pixelBudget = DEFAULT_PIXEL_BUDGET;
        private BatchListener listener = BatchListener.NONE;

        private Builder() {}

        /** Post-processing and encoding threads: the cores the generator's thread leaves, at least one. */
        public static int defaultWorkers() {
            return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }

        /** Drops the inputs given so far, to replace those of {@link #fromSettings}. */
        public Builder clearInputs() {
            inputs.clear();
            return this;
        }

        /**
         * A builder holding what the {@code -settings.json} file of an earlier batch records (inputs, output folder,
         * style, strength, post-processing, names, policy), to run the same batch again or a new folder alike.
         *
         * @throws IOException naming the file and what is wrong with it
         */
        public static Builder fromSettings(Path settingsFile) throws IOException {
            return BatchRecords.readSettings(settingsFile);
        }

        /** A file or a folder (its images; its sub-folders' too with {@link #optRecursive}). */
        public Builder addInput(Path input) {
            inputs.add(Objects.requireNonNull(input, "input"));
            return this;
        }

        public Builder addInputs(List<Path> more) {
            more.forEach(this::addInput);
            return this;
        }

        public Builder setOutputFolder(Path folder) {
            this.output = folder;
            return this;
        }

        public Builder optRecursive(boolean value) {
            this.recursive = value;
            return this;
        }

        public Builder setSettings(RenderSettings value) {
            this.settings = value;
            return this;
        }

        /** The render settings given so far, or null. */
        public RenderSettings settings() {
            return settings;
        }

        public Builder optNameTemplate(NameTemplate value) {
            this.template = Objects.requireNonNull(value, "template");
            return this;
        }

        public Builder optOnExists(ExistingOutput value) {
            this.onExists = Objects.requireNonNull(value, "onExists");
            return this;
        }

        /** Where the CSV report goes (the JSON and the settings beside it); default: the output folder. */
        public Builder optReport(Path csv) {
            this.report = csv;
            return this;
        }

        public Builder optDevice(DevicePreference value) {
            this.device = Objects.requireNonNull(value, "device");
            return this;
        }

        /** Threads that post-process and write, at least 1. */
        public Builder optWorkers(int value) {
            this.workers = value;
            return this;
        }

        /** Pixels of images in flight at most. */
        public Builder optPixelBudget(long value) {
            this.pixelBudget = value;
            return this;
        }

        public Builder optListener(BatchListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** @throws BatchOptionException naming the option that cannot be used */
        public BatchJob build() {
            if (inputs.isEmpty()) {
                throw new BatchOptionException("inputs", "is missing: give at least one image file or folder.");
            }
            for (Path input : inputs) {
                if (!Files.exists(input)) {
                    throw new BatchOptionException("inputs", input.toAbsolutePath().normalize()
                            + " does not exist. Check the path.");
                }
                if (!Files.isReadable(input)) {
                    throw new BatchOptionException("inputs", input.toAbsolutePath().normalize()
                            + " cannot be read (permission denied). Check that your account may read it.");
                }
            }
            if (output == null) {
                throw new BatchOptionException("output", "is missing: choose the folder the results go to.");
            }
            output = output.toAbsolutePath().normalize();
            for (Path input : inputs) {
                Path absolute = input.toAbsolutePath().normalize();
                if (Files.isDirectory(absolute) && absolute.equals(output)) {
                    throw new BatchOptionException("output", "is the input folder " + absolute + "; choose another"
                            + " folder (a new sub-folder of it is fine), so that results are never read as photos.");
                }
            }
            if (settings == null) {
                throw new BatchOptionException("settings", "are missing: choose a style or post-processing.");
            }
            if (workers < 1) {
                throw new BatchOptionException("jobs", "must be at least 1, not " + workers + ".");
            }
            if (pixelBudget < 1) {
                throw new BatchOptionException("pixel-budget", "must be positive, not " + pixelBudget + ".");
            }
            if (report != null) {
                report = report.toAbsolutePath().normalize();
                if (!report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    throw new BatchOptionException("report", "'" + report + "' must end with .csv (the JSON report"
                            + " and the settings are written beside it).");
                }
            }
            return new BatchJob(this);
        }
    }
}
