package dev.toonsmith.app.studio.batch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Shows a folder in the system's file manager. Behind an interface because the desktop integration is missing on
 * some systems (headless tests, minimal Linux desktops, where AWT's desktop fails with "Failed to show URI"), and
 * tests check what the page shows then: the folder's path with a Copy button.
 */
@FunctionalInterface
public interface FolderOpener {

    /**
     * Opens {@code folder}; may block, so never called on the UI thread.
     *
     * @return false if this system cannot open folders
     * @throws IOException if the file manager refused the folder
     */
    boolean open(Path folder) throws IOException;

    /** The system's file manager through {@link java.awt.Desktop}, where it has one. */
    static FolderOpener desktop() {
        return folder -> {
            if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.Desktop.isDesktopSupported()) {
                return false;
            }
            java.awt.Desktop desktop = java.awt.Desktop.getDesktop();
            if (!desktop.isSupported(java.awt.Desktop.Action.OPEN)) {
                return false;
            }
            desktop.open(folder.toFile());
            return true;
        };
    }
}
