package dev.toonsmith.engine.train.data;

import dev.toonsmith.engine.image.OutputFormat;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The image files of a training folder and its subfolders, in the order training takes them.
 *
 * <p>Shared by {@link FolderDataset}, which trains on the files, and {@link FolderSurvey}, which checks them
 * before a run: what the survey shows must be exactly what the run will read. Files are taken by extension
 * (Toonsmith reads the formats it writes), hidden files and folders are ignored, links are followed, and the
 * order is that of the paths relative to the folder compared as strings, so the same folder gives the same
 * order on every machine.
 *
 * @param folder the folder, absolute
 * @param images the image files, in training order
 * @param otherFiles how many files were not image files (hidden ones not counted)
 * @param unreadable subfolders and files that could not be listed, with the reason for each, in the order met
 */
record FolderListing(Path folder, List<Path> images, int otherFiles, List<SkippedFile> unreadable) {

    FolderListing {
        images = List.copyOf(images);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Lists {@code folder}, which must be absolute and normalized.
     *
     * @throws DatasetException naming the folder if it is missing, is a file, or cannot be listed
     */
    static FolderListing of(Path folder) throws DatasetException {
        if (!Files.exists(folder)) {
            throw new DatasetException("The folder " + folder + " does not exist. Check the path, or choose "
                    + "another folder.");
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + " is a file, not a folder. Choose the folder that holds the "
                    + "training images.");
        }
        List<Path> images = new ArrayList<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        int[] otherFiles = {0};
        try {
            // Links are followed: people often assemble training sets from links to their photo library.
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(folder) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            // Toonsmith reads the same formats it writes.
                            if (attrs.isRegularFile() && OutputFormat.forPath(file).isPresent()) {
                                images.add(file);
                            } else {
                                otherFiles[0]++;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (file.equals(folder)) {
                                throw e;
                            }
                            unreadable.add(new SkippedFile(file, unreadableEntry(folder, file, e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            throw new DatasetException("Cannot list the folder " + folder + " (" + why + "). Check that your "
                    + "account may read it, or choose another folder.", e);
        }
        images.sort(Comparator.comparing(file -> sortKey(folder, file)));
        return new FolderListing(folder, images, otherFiles[0], unreadable);
    }

    /** Dot-files are hidden on every platform; Windows marks hidden files with an attribute as well. */
    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** Forward slashes and plain string order, so the order is the same on every platform. */
    private static String sortKey(Path folder, Path file) {
        Path relative = folder.relativize(file);
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static String unreadableEntry(Path folder, Path entry, IOException e) {
        String name = sortKey(folder, entry);
        if (e instanceof FileSystemLoopException) {
            return "Skipped " + name + ": it links back to a folder that contains it.";
        }
        if (e instanceof AccessDeniedException) {
            return "Cannot read " + name + ": permission denied. Check that your account may read it.";
        }
        return "Cannot read " + name + ": " + e.getMessage() + ".";
    }

    /**
     * The result of one file's work on a helper thread. The work turns every expected failure into a skipped file or
     * a problem; what is left is a bug or no memory, rethrown as it was.
     *
     * @param interrupted what was interrupted, for the message ("Loading the training images")
     */
    static <T> T await(java.util.concurrent.Future<T> future, String interrupted)
            throws java.io.InterruptedIOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(interrupted + " was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
