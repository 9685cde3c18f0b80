package dev.toonsmith.engine.train.data;

import dev.toonsmith.engine.image.ImageDimensions;
import dev.toonsmith.engine.image.ImageFormatException;
import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.image.ImageReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quick look at a training folder before a run starts: which images a run would train on and how large they
 * are, and which files it would leave out and why.
 *
 * <p>Loading a folder for training ({@link FolderDataset#load}) decodes every image, which takes minutes for a
 * thousand camera photos; the new-run wizard needs its answer while the user is still choosing folders. So a
 * survey takes the same files in the same order (the listing is shared), but reads only each image's size from
 * its header where the format allows ({@link ImageReader#readDimensions}), still catching files that are not
 * images, are cut short or are too small. A file whose compressed data is damaged in the middle can pass here
 * and be left out when the run loads; everything else a survey says, the run will find too.
 *
 * @param folder the surveyed folder, absolute
 * @param images the usable images, in the order training takes them
 * @param problems files and subfolders that a run would leave out, in the order met, with the reason for each
 */
public record FolderSurvey(Path folder, List<ImageInfo> images, List<SkippedFile> problems) {

    private static final Logger log = LoggerFactory.getLogger(FolderSurvey.class);

    /**
     * Reading a thousand camera photos whole (to catch truncation) is most of a survey's time; a few threads
     * share it, while the folder's disk usually stays the limit.
     */
    private static final int READ_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public FolderSurvey {
        Objects.requireNonNull(folder, "folder");
        images = List.copyOf(images);
        problems = List.copyOf(problems);
    }

    /**
     * One usable image and its size as training sees it (upright, after the EXIF orientation).
     *
     * @param file the image file under the surveyed folder
     * @param width pixels across
     * @param height pixels down
     */
    public record ImageInfo(Path file, int width, int height) {

        public ImageInfo {
            Objects.requireNonNull(file, "file");
        }

        /** The shorter side: what random crops are cut from. */
        public int shortSide() {
            return Math.min(width, height);
        }
    }

    /**
     * Surveys {@code folder} and its subfolders.
     *
     * <p>An empty folder, or one without usable images, is a survey with no images rather than an error: the
     * wizard shows what was found. Only a folder that cannot be looked into at all fails.
     *
     * @param progress told after each image file, on this thread
     * @throws DatasetException naming the folder if it is missing, is a file, or cannot be listed (no
     *     permission, say)
     * @throws InterruptedIOException if this thread is interrupted while surveying
     */
    public static FolderSurvey scan(Path folder, DatasetProgress progress) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        Path absolute = folder.toAbsolutePath().normalize();
        FolderListing listing = FolderListing.of(absolute);
        List<ImageInfo> images = new ArrayList<>();
        List<SkippedFile> problems = new ArrayList<>(listing.unreadable());
        List<Path> files = listing.images();
        ExecutorService pool = Executors.newFixedThreadPool(READ_THREADS, task -> {
            Thread thread = new Thread(task, "folder-survey");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Examined>> pending = new ArrayList<>(files.size());
            for (Path file : files) {
                pending.add(pool.submit(() -> examine(file)));
            }
            // Collected in listing order, so the lists and the progress calls do not depend on thread timing.
            for (int i = 0; i < pending.size(); i++) {
                Examined examined = FolderListing.await(pending.get(i), "Surveying the training images in " + absolute);
                if (examined.image() != null) {
                    images.add(examined.image());
                } else {
                    problems.add(examined.problem());
                }
                progress.loaded(i + 1, files.size());
            }
        } finally {
            pool.shutdownNow();
        }
        FolderSurvey survey = new FolderSurvey(absolute, images, problems);
        log.info("Surveyed {} in {} ms", survey, (System.nanoTime() - start) / 1_000_000);
        return survey;
    }

    /** What one file gave: its size, or why a run would leave it out. */
    private record Examined(ImageInfo image, SkippedFile problem) {}

    private static Examined examine(Path file) {
        try {
            // Refused as loading the folder for training would refuse it: too large to decode is unusable too.
            ImageDimensions size = ImageReader.readDimensions(file, ImageLimits.DEFAULT);
            if (size.shortSide() < FolderDataset.MIN_SHORT_SIDE) {
                return new Examined(null, new SkippedFile(file, FolderDataset.tooSmall(file, size.width(), size.height())));
            }
            return new Examined(new ImageInfo(file, size.width(), size.height()), null);
        } catch (ImageFormatException e) {
            return new Examined(null, new SkippedFile(file, e.getMessage()));
        }
    }


    /**
     * Up to {@code count} usable images spread evenly over the folder, in folder order, for a strip of
     * thumbnails: the first, then every {@code size / count}-th. A run whose sample grid shows {@code count}
     * photos picks its photos the same way.
     *
     * @param count at most this many; all usable images when there are fewer
     */
    public List<Path> samples(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        int samples = Math.min(count, images.size());
        List<Path> picked = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            picked.add(images.get((int) ((long) s * images.size() / samples)).file());
        }
        return picked;
    }

    /**
     * How many usable images have a shorter side below {@code cropSize}: training enlarges them to cut its
     * crops, and enlarged images teach blur, so a wizard can suggest a smaller crop or larger images.
     */
    public long smallerThan(int cropSize) {
        return images.stream().filter(image -> image.shortSide() < cropSize).count();
    }

    @Override
    public String toString() {
        return images.size() + " usable image" + (images.size() == 1 ? "" : "s") + " in " + folder
                + (problems.isEmpty() ? "" : " (" + problems.size() + " left out)");
    }
}
