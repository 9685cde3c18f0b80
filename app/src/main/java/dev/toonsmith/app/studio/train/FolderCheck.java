package dev.toonsmith.app.studio.train;

import dev.toonsmith.engine.train.data.FolderSurvey;
import java.nio.file.Path;

/**
 * What the wizard knows about one chosen folder: being scanned, scanned (the survey), or unusable (why).
 *
 * @param survey null while scanning or when the folder could not be read
 * @param error why the folder cannot be read at all, or null
 */
public record FolderCheck(Path folder, FolderSurvey survey, String error) {

    static FolderCheck scanning(Path folder) {
        return new FolderCheck(folder, null, null);
    }

    public boolean isScanning() {
        return survey == null && error == null;
    }

    public int usable() {
        return survey == null ? 0 : survey.images().size();
    }
}
