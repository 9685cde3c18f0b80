package dev.toonsmith.engine.train.data;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.image.OutputFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images of one training domain (photos, or cartoons), read from a folder and its subfolders and
 * kept decoded in memory.
 *
 * <p>Training draws thousands of random crops from a few hundred images; decoding a JPEG for each would
 * make the CPU wait on the decoder rather than on the networks. So every image is decoded once, turned
 * into 8-bit BGR or BGRA, and shrunk (area averaging, never enlarged) so that its shorter side is at most
 * {@code cacheShortSide}: about 1.5 times the training crop keeps enough detail for random crops while
 * bounding memory (a 2:1 image cached at 384 px takes under 1 MB).
 *
 * <p>Files are taken in a stable order (their paths relative to the folder, compared as strings) so the
 * same folder and seed give the same batches on every machine. Hidden files and folders are ignored. The
 * listing is {@link FolderSurvey}'s too, so a survey shows the files a run will read.
 * Files that cannot be used (corrupt, not an image, too small) are left out and listed in
 * {@link #skipped()}; loading fails only when nothing usable is left.
 *
 * <p>{@link #load} may be called from any thread and decodes on two threads of its own. A loaded dataset
 * is read-only, so any number of threads may read it at once; {@link #close()} frees the pixel memory and
 * must not race with readers.
 */
public final class FolderDataset implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderDataset.class);

    /** Smaller images hold too little to crop from: upscaling them would teach blur. */
    public static final int MIN_SHORT_SIDE = 32;

    /** How many skipped files an error message quotes before summarising the rest. */
    private static final int REASONS_IN_MESSAGE = 3;

    private static final int DECODE_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final Path folder;
    private final int cacheShortSide;
    private final List<Path> files;
    private final List<Image> images;
    private final List<SkippedFile> skipped;

    private FolderDataset(Path folder, int cacheShortSide, List<Path> files, List<Image> images,
            List<SkippedFile> skipped) {
        this.folder = folder;
        this.cacheShortSide = cacheShortSide;
        this.files = List.copyOf(files);
        this.images = List.copyOf(images);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Finds and decodes every image under {@code folder}.
     *
     * @param cacheShortSide the largest shorter side an image is kept at, at least {@link #MIN_SHORT_SIDE}
     * @param progress told after each image file, on this thread
     * @throws DatasetException if the folder is missing, is a file, cannot be listed, holds no image
     *     files, or none of them can be used
     * @throws InterruptedIOException if this thread is interrupted while loading
     */
    public static FolderDataset load(Path folder, int cacheShortSide, DatasetProgress progress)
            throws IOException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(progress, "progress");
        if (cacheShortSide < MIN_SHORT_SIDE) {
            throw new IllegalArgumentException(
                    "cacheShortSide must be at least " + MIN_SHORT_SIDE + ", got " + cacheShortSide);
        }
        OpenCv.load();
        long start = System.nanoTime();
        Path absolute = folder.toAbsolutePath().normalize();
        FolderListing listing = FolderListing.of(absolute);
        List<SkippedFile> skipped = new ArrayList<>(listing.unreadable());
        if (listing.images().isEmpty()) {
            throw noImageFiles(absolute, listing.otherFiles(), skipped);
        }
        int unlistable = skipped.size();

        List<Path> files = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        decodeAll(listing.images(), cacheShortSide, progress, files, images, skipped);
        if (images.isEmpty()) {
            throw nothingUsable(absolute, listing.images().size(), skipped.subList(unlistable, skipped.size()));
        }
        FolderDataset dataset = new FolderDataset(absolute, cacheShortSide, files, images, skipped);
        log.info("Loaded {} in {} ms", dataset, (System.nanoTime() - start) / 1_000_000);
        return dataset;
    }

    /** The folder the images came from, absolute. */
    public Path folder() {
        return folder;
    }

    /** The number of usable images. */
    public int size() {
        return images.size();
    }

    /** The usable image files, in dataset order: index {@code i} here is image {@code i}. */
    public List<Path> files() {
        return files;
    }

    /** Files and subfolders that were left out, in the order they were met, with the reason for each. */
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** The largest shorter side images are kept at. */
    public int cacheShortSide() {
        return cacheShortSide;
    }

    /** Image {@code index}, 8-bit BGR or BGRA, still owned by this dataset: read it, never close it. */
    Image image(int index) {
        return images.get(index);
    }

    /** Frees the decoded pixels. */
    @Override
    public void close() {
        images.forEach(Image::close);
    }

    @Override
    public String toString() {
        return plural(images.size(), "image") + " from " + folder
                + (skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped)");
    }

    /** What one file gave: pixels to keep, or the reason it was left out. */
    private record Decoded(Image image, String problem) {}

    /**
     * Decodes in parallel but collects in listing order, so the dataset order, the skipped list and the
     * progress calls are the same whatever thread finishes first.
     */
    private static void decodeAll(List<Path> candidates, int cacheShortSide, DatasetProgress progress,
            List<Path> files, List<Image> images, List<SkippedFile> skipped) throws InterruptedIOException {
        ExecutorService pool = Executors.newFixedThreadPool(DECODE_THREADS, task -> {
            Thread thread = new Thread(task, "dataset-decode");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Decoded>> pending = new ArrayList<>(candidates.size());
        boolean complete = false;
        try {
            for (Path file : candidates) {
                pending.add(pool.submit(() -> decode(file, cacheShortSide)));
            }
            for (int i = 0; i < pending.size(); i++) {
                Decoded decoded = FolderListing.await(pending.get(i), "Loading the training images");
                if (decoded.image() != null) {
                    files.add(candidates.get(i));
                    images.add(decoded.image());
                } else {
                    skipped.add(new SkippedFile(candidates.get(i), decoded.problem()));
                }
                progress.loaded(i + 1, candidates.size());
            }
            complete = true;
        } finally {
            pool.shutdownNow();
            if (!complete) {
                discard(pool, pending);
                images.forEach(Image::close);
            }
        }
    }

    private static Decoded decode(Path file, int cacheShortSide) {
        Image image;
        try {
            // Refused from its header when too large to decode (the run lists it as skipped, with the reason).
            image = ImageReader.read(file, ImageLimits.DEFAULT);
        } catch (ImageFormatException e) {
            return new Decoded(null, e.getMessage());
        }
        try {
            int shortSide = Math.min(image.width(), image.height());
            if (shortSide < MIN_SHORT_SIDE) {
                return new Decoded(null, tooSmall(file, image.width(), image.height()));
            }
            if (shortSide > cacheShortSide) {
                // Largest long edge whose scaled short edge still rounds to at most cacheShortSide.
                int maxEdge = (int) ((long) Math.max(image.width(), image.height()) * cacheShortSide / shortSide);
                image = replace(image, ImageOps.resizeToMaxEdge(image, maxEdge));
            }
            if (image.bitDepth() == 16) {
                Mat eightBit = new Mat();
                image.mat().convertTo(eightBit, CvType.makeType(CvType.CV_8U, image.mat().channels()),
                        1.0 / 257.0);
                image = replace(image, Image.wrap(eightBit));
            }
            Decoded kept = new Decoded(image, null);
            image = null;
            return kept;
        } finally {
            if (image != null) {
                image.close();
            }
        }
    }

    /** Why an image of {@code width} x {@code height} cannot be trained on: the same words wherever it is found. */
    static String tooSmall(Path file, int width, int height) {
        return "Cannot use " + file.getFileName() + ": it is too small (" + width + "x" + height + " pixels); "
                + "training images need at least " + MIN_SHORT_SIDE + " pixels on their shorter side.";
    }

    private static Image replace(Image previous, Image next) {
        previous.close();
        return next;
    }

    /** Frees what the decoding threads produced after loading was abandoned. */
    private static void discard(ExecutorService pool, List<Future<Decoded>> pending) {
        boolean interrupted = Thread.interrupted();
        try {
            // Decoding is native code that ignores interrupts; each file takes milliseconds.
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        for (Future<Decoded> future : pending) {
            if (future.isDone() && !future.isCancelled()) {
                try {
                    Decoded decoded = future.get();
                    if (decoded.image() != null) {
                        decoded.image().close();
                    }
                } catch (ExecutionException | InterruptedException e) {
                    // nothing was produced
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static DatasetException noImageFiles(Path folder, int otherFiles, List<SkippedFile> skipped) {
        String found = otherFiles == 0 && skipped.isEmpty()
                ? "it is empty"
                : "found no " + OutputFormat.supportedExtensions() + " files in it or its subfolders"
                        + (otherFiles > 0 ? ", only " + plural(otherFiles, "other file") : "");
        return message("The folder " + folder + " holds no images: " + found + ".", skipped,
                "Put PNG, JPEG, WebP, BMP or TIFF images in it, or choose another folder.");
    }

    private static DatasetException nothingUsable(Path folder, int found, List<SkippedFile> skipped) {
        return message("None of the " + plural(found, "image file") + " in " + folder + " could be used:",
                skipped, "Replace or remove these files, or add images of at least " + MIN_SHORT_SIDE + "x"
                        + MIN_SHORT_SIDE + " pixels in PNG, JPEG, WebP, BMP or TIFF format.");
    }

    /** The problem, then the first few reasons as a list, then what to do. */
    private static DatasetException message(String problem, List<SkippedFile> skipped, String advice) {
        if (skipped.isEmpty()) {
            return new DatasetException(problem + " " + advice);
        }
        StringBuilder text = new StringBuilder(problem);
        skipped.stream().limit(REASONS_IN_MESSAGE).forEach(s -> text.append("\n- ").append(s.reason()));
        int rest = skipped.size() - REASONS_IN_MESSAGE;
        if (rest > 0) {
            text.append("\n- and ").append(plural(rest, "more file")).append('.');
        }
        return new DatasetException(text.append('\n').append(advice).toString());
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
