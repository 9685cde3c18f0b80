package dev.toonsmith.app.studio.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The output folder the Batch page proposes before the user chooses one: a {@code cartoons} folder beside the
 * photos (inside the first folder added, or beside the first photo), where the results are easy to find and the
 * listing leaves them out; where that cannot be written (a DVD, a shared folder, an installed copy's samples), a
 * {@code Toonsmith} folder in the user's Pictures.
 *
 * @param besidePhotos whether it is beside the photos, or the fallback
 */
public record OutputSuggestion(Path folder, boolean besidePhotos) {

    /** The folder's name beside the photos. */
    public static final String FOLDER_NAME = "cartoons";

    /**
     * @param firstInput the first file or folder added to the queue
     * @param fallback where results go when the photos' folder cannot take them
     * @param writable whether a folder can take new files ({@code Files::isWritable})
     */
    public static OutputSuggestion forInput(Path firstInput, Path fallback, Predicate<Path> writable) {
        Path base = Files.isDirectory(firstInput) ? firstInput : firstInput.toAbsolutePath().getParent();
        if (base != null) {
            Path beside = base.resolve(FOLDER_NAME);
            boolean usable = Files.isDirectory(beside) ? writable.test(beside)
                    : !Files.exists(beside) && writable.test(base);
            if (usable) {
                return new OutputSuggestion(beside, true);
            }
        }
        return new OutputSuggestion(fallback, false);
    }
}
