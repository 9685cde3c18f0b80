package dev.toonsmith.app.studio.workspace;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The photos last opened in the workspace, newest first, for the File menu's Open recent. Kept as strings in the
 * studio settings, so that a photo on a drive that is not plugged in now still comes back when it is. Changed on
 * the UI thread only.
 */
public final class RecentPhotos {

    /** How many the menu lists. */
    public static final int LIMIT = 10;

    private final ObservableList<Path> photos = FXCollections.observableArrayList();
    /** One wrapper for everyone: a wrapper made per call listens weakly and would lose its listeners. */
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(photos);

    /** @param saved what the settings remembered, newest first; entries that are not paths are dropped */
    public RecentPhotos(List<String> saved) {
        if (saved != null) {
            for (String s : saved) {
                try {
                    Path p = Path.of(s).toAbsolutePath().normalize();
                    if (!photos.contains(p) && photos.size() < LIMIT) {
                        photos.add(p);
                    }
                } catch (InvalidPathException e) {
                    // Written on another system (a Windows path on Linux): not openable here.
                }
            }
        }
    }

    /** A photo was opened: it goes first, once, and the eleventh falls off. */
    public void opened(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(photos);
        next.remove(p);
        next.add(0, p);
        photos.setAll(next.subList(0, Math.min(LIMIT, next.size())));
    }

    /** Takes a photo off the list (it went missing). */
    public void forget(Path file) {
        photos.remove(file.toAbsolutePath().normalize());
    }

    public void clear() {
        photos.clear();
    }

    /** Newest first. */
    public ObservableList<Path> photos() {
        return readOnly;
    }

    /** What the settings store. */
    public List<String> toSettings() {
        return photos.stream().map(Path::toString).toList();
    }
}
