package dev.toonsmith.engine.train.data;

/**
 * Told as a training folder loads, once per image file in folder order, so a UI can show a progress bar
 * for folders that take a while to decode. Called on the thread that called
 * {@link FolderDataset#load(java.nio.file.Path, int, DatasetProgress)}; keep it short.
 */
@FunctionalInterface
public interface DatasetProgress {

    /** Ignores progress. */
    DatasetProgress NONE = (loaded, total) -> { };

    /**
     * @param loaded image files handled so far (decoded or skipped), from 1
     * @param total image files found in the folder
     */
    void loaded(int loaded, int total);
}
