package dev.toonsmith.app;

import dev.toonsmith.engine.io.UserDirectories;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's data folder as the application starts: styles, presets, runs, logs and caches live there, never inside
 * the installation, so an upgrade or uninstall keeps them. It must be writable; when it is not, the user is told which
 * folder and what to do, instead of a stack trace later.
 */
final class DataFolder {

    /** Set by the installers' launcher options: the app runs from an installation, not from a clone. */
    static final String INSTALLED_PROPERTY = "toonsmith.installed";

    private DataFolder() {}

    /** Why {@code root} cannot be used, as one sentence naming it and what to do, or empty when it can. */
    static Optional<String> problem(Path root) {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".write-check", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return Optional.of("Toonsmith cannot write its data folder " + root + " (" + reason + "). Make it"
                    + " writable, or set " + UserDirectories.HOME_VARIABLE + " to a folder you can write, e.g. "
                    + UserDirectories.HOME_VARIABLE + "=$HOME/toonsmith-data.");
        }
    }

    /**
     * In an installation, DJL unpacks the PyTorch natives it finds in the package (never downloads them, the app runs
     * offline) into the user's cache folder beside the rest of Toonsmith's files, rather than into {@code ~/.djl.ai},
     * so that wiping the data folder wipes everything. A developer's clone keeps DJL's shared default.
     */
    static void useForNativeCache(UserDirectories dirs) {
        if (Boolean.getBoolean(INSTALLED_PROPERTY) && System.getProperty("DJL_CACHE_DIR") == null
                && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dirs.cache().resolve("djl").toString());
        }
    }
}
