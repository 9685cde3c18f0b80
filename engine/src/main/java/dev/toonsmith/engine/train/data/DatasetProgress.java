package dev.toonsmith.engine.train.data;

/**
 * Told as a training folder loads or is surveyed, once per image file in folder order, so a UI can show a
 * progress bar for folders that take a while. Called on the thread that called
 * {@link FolderDataset#load(java.nio.file.Path, int, DatasetProgress)} or
 * {@link FolderSurvey#scan(java.nio.file.Path, DatasetProgress)}; keep it short.
 */
@FunctionalInterface
public interface DatasetProgress {

    /** Ignores progress. */
    DatasetProgress NONE = (loaded, total) -> { };

    /**
     * @param loaded image files handled so far (read or skipped), from 1
     * @param total image files found in the folder
     */
    void loaded(int loaded, int total);
}
