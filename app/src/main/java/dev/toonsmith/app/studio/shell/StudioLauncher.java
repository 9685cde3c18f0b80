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

    /**
     * Shows {@code problem} in a window, for a studio started from the desktop where no one reads the terminal, and
     * waits until it is closed.
     *
     * @return 1, the exit code
     */
    public static int refuse(String problem) {
        try {
            java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
            javafx.application.Platform.startup(() -> {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.ERROR, problem);
                alert.setTitle("Toonsmith cannot start");
                alert.setHeaderText("Toonsmith cannot start");
                alert.showAndWait();
                closed.countDown();
            });
            closed.await();
        } catch (RuntimeException | InterruptedException e) {
            // No display: the message is on standard error already.
        }
        return 1;
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
