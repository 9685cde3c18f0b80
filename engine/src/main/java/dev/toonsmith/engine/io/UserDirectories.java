package dev.toonsmith.engine.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Toonsmith keeps the user's own files: imported and trained styles, post-processing presets, and
 * caches.
 *
 * <p>Everything lives under one root so that a user can find, back up or wipe it in one place, and so that
 * tests (and portable installs) can point the whole application elsewhere with {@code TOONSMITH_HOME}
 * without touching the real user folders. The root follows each platform's convention for application
 * data when {@code TOONSMITH_HOME} is not set.
 */
public final class UserDirectories {

    /** Environment variable that overrides the platform data folder. */
    public static final String HOME_VARIABLE = "TOONSMITH_HOME";

    /** System property that overrides both, for in-process tests and embedding. */
    public static final String HOME_PROPERTY = "toonsmith.home";

    private final Path root;

    /** Directories under an explicit root, e.g. a temporary folder in tests. */
    public UserDirectories(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The directories of this user on this machine: {@value #HOME_PROPERTY}, else the platform rule. */
    public static UserDirectories platform() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new UserDirectories(Path.of(property));
        }
        return new UserDirectories(
                platformRoot(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home"))));
    }

    /**
     * The data root for the given environment, operating system name (as in {@code os.name}) and home folder.
     * Separate from {@link #platform()} so that every platform's rule can be tested on any machine.
     */
    public static Path platformRoot(Map<String, String> env, String osName, Path userHome) {
        String override = env.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData)
                    : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Toonsmith");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Toonsmith");
        }
        // The XDG specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("toonsmith");
        }
        return userHome.resolve(".local").resolve("share").resolve("toonsmith");
    }

    /** The data root. It may not exist yet: it is created when something is first written. */
    public Path root() {
        return root;
    }

    /** The user's styles: {@code .toon} files imported or trained by the user. */
    public Path styles() {
        return root.resolve("styles");
    }

    /** The user's post-processing presets: {@code .json} files saved from the studio or written by hand. */
    public Path presets() {
        return root.resolve("presets");
    }

    /**
     * The studio's training runs, one folder per run ({@link dev.toonsmith.engine.train.RunFolder}): the Train page
     * starts new runs here and lists them from here, beside the styles they become.
     */
    public Path runs() {
        return root.resolve("runs");
    }

    /** Files Toonsmith can recreate at any time, such as bundled styles copied out of the application jar. */
    public Path cache() {
        return root.resolve("cache");
    }

    @Override
    public String toString() {
        return "UserDirectories[" + root + "]";
    }
}
