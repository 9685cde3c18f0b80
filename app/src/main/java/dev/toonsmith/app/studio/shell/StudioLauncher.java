package dev.toonsmith.app.studio.shell;

import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the studio. Deliberately not a subclass of {@code Application}: launched from the classpath, a
 * main class extending it fails with "JavaFX runtime components are missing".
 */
public final class StudioLauncher {

    private static volatile Path logFile;

    private StudioLauncher() {}

    /** @return the exit code: 0, or 2 for bad options */
    public static int launch(String[] args) {
        StudioOptions options;
        try {
            options = StudioOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        logFile = StudioLogging.configure(UserDirectories.platform().root(),
                options.verbose() || Boolean.getBoolean("toonsmith.verbose"));
        Application.launch(StudioApplication.class, args);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /** Where this run logs. */
    static Path logFile() {
        Path f = logFile;
        return f != null ? f : UserDirectories.platform().root().resolve(StudioLogging.LOG_FILE);
    }
}
