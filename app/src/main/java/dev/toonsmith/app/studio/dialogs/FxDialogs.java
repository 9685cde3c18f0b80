package dev.toonsmith.app.studio.dialogs;

import dev.toonsmith.app.studio.export.ExportFormat;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: the platform's file choosers and JavaFX's small dialogs. */
public final class FxDialogs implements Dialogs {

    private final Texts texts;

    public FxDialogs(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Optional<Path> chooseImage(Window owner, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("dialog.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.get("dialog.open.images"),
                        "*.jpg", "*.jpeg", "*.png", "*.webp", "*.bmp", "*.tif", "*.tiff",
                        "*.JPG", "*.JPEG", "*.PNG", "*.WEBP", "*.BMP", "*.TIF", "*.TIFF"),
                new FileChooser.ExtensionFilter(texts.get("dialog.allFiles"), "*"));
        startIn(chooser, folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseStyle(Window owner, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("dialog.importStyle.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.get("dialog.importStyle.styles"), "*.toon"),
                new FileChooser.ExtensionFilter(texts.get("dialog.allFiles"), "*"));
        startIn(chooser, folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, Path proposed, ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("dialog.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toString(),
                format.engineFormat().extensions().stream().map(e -> "*." + e).toList()));
        startIn(chooser, proposed.getParent());
        chooser.setInitialFileName(proposed.getFileName().toString());
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<String> askPresetName(Window owner) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("dialog.savePreset.title"));
        dialog.setHeaderText(texts.get("dialog.savePreset.header"));
        dialog.setContentText(texts.get("dialog.savePreset.label"));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean confirmDeleteStyle(Window owner, String name) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.format("dialog.deleteStyle.text", name),
                ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(texts.get("dialog.deleteStyle.title"));
        alert.setHeaderText(texts.format("dialog.deleteStyle.header", name));
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private static void startIn(FileChooser chooser, Path folder) {
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
    }
}
