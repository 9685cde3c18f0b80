package dev.toonsmith.engine.train.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file in a training folder that was left out, and why: shown to the user so that a broken or tiny
 * image does not silently shrink the data set.
 *
 * @param file the file as found under the dataset folder
 * @param reason a sentence for the user, usually the reader's message naming the file
 */
public record SkippedFile(Path file, String reason) {

    public SkippedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
