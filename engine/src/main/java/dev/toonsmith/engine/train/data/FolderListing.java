package dev.toonsmith.engine.train.data;

import dev.toonsmith.engine.image.ImageFolder;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image files of a training folder and its subfolders, in the order training takes them.
 *
 * <p>Shared by {@link FolderDataset}, which trains on the files, and {@link FolderSurvey}, which checks them
 * before a run: what the survey shows must be exactly what the run will read. The listing itself is
 * {@link ImageFolder}'s, with subfolders; this adds the training wording of its problems.
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
        try {
            ImageFolder listed = ImageFolder.list(folder, true, null);
            List<SkippedFile> unreadable = listed.unlisted().stream()
                    .map(u -> new SkippedFile(u.path(), u.reason())).toList();
            return new FolderListing(folder, listed.images(), listed.otherFiles(), unreadable);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            throw new DatasetException("Cannot list the folder " + folder + " (" + why + "). Check that your "
                    + "account may read it, or choose another folder.", e);
        }
    }

    /**
     * The result of one file's work on a helper thread. The work turns every expected failure into a skipped file or
     * a problem; what is left is a bug or no memory, rethrown as it was.
     *
     * @param interrupted what was interrupted, for the message ("Loading the training images")
     */
    static <T> T await(java.util.concurrent.Future<T> future, String interrupted)
            throws java.io.InterruptedIOException {
        // A finished future returns without looking at the interrupt: check it first, so that a cancelled
        // survey or load stops at the next file whatever the threads' timing.
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException(interrupted + " was interrupted");
        }
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
