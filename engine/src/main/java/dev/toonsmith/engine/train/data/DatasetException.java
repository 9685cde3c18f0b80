package dev.toonsmith.engine.train.data;

import java.io.IOException;

/**
 * A folder cannot serve as training data: it is missing, not a folder, cannot be listed, or holds no
 * image that could be used.
 *
 * <p>The message is written for the person who chose the folder: it names the folder, says what was
 * found and what to do, so the UI can show it as is. Single unreadable files are not errors; they are
 * listed in {@link FolderDataset#skipped()}.
 */
public final class DatasetException extends IOException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
