package dev.toonsmith.app.studio;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.export.ExportFormat;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Dialogs that answer what the test set up, instead of opening native file choosers. */
public final class ScriptedDialogs implements Dialogs {

    public volatile Path image;
    public volatile Path style;
    public volatile Path exportTarget;
    public volatile Path proposedExport;
    public volatile String presetName;
    public volatile boolean confirmDelete = true;

    @Override
    public Optional<Path> chooseImage(Window owner, Path folder) {
        return Optional.ofNullable(image);
    }

    @Override
    public Optional<Path> chooseStyle(Window owner, Path folder) {
        return Optional.ofNullable(style);
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, Path proposed, ExportFormat format) {
        proposedExport = proposed;
        return Optional.ofNullable(exportTarget);
    }

    @Override
    public Optional<String> askPresetName(Window owner) {
        return Optional.ofNullable(presetName);
    }

    @Override
    public boolean confirmDeleteStyle(Window owner, String name) {
        return confirmDelete;
    }
}
