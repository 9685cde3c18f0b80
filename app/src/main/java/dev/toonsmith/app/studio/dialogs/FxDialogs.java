package dev.toonsmith.app.studio.dialogs;

import dev.toonsmith.app.studio.export.ExportFormat;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.app.studio.gallery.StyleDetailsForm;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ButtonBar;
import javafx.stage.DirectoryChooser;
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
        FileChooser chooser = imageChooser(texts.get("dialog.open.title"), folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public List<Path> chooseImages(Window owner, Path folder) {
        FileChooser chooser = imageChooser(texts.get("dialog.addFiles.title"), folder);
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    private FileChooser imageChooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.get("dialog.open.images"),
                        "*.jpg", "*.jpeg", "*.png", "*.webp", "*.bmp", "*.tif", "*.tiff",
                        "*.JPG", "*.JPEG", "*.PNG", "*.WEBP", "*.BMP", "*.TIF", "*.TIFF"),
                new FileChooser.ExtensionFilter(texts.get("dialog.allFiles"), "*"));
        startIn(chooser, folder);
        return chooser;
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
    public Optional<Path> chooseModel(Window owner, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("dialog.importModel.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.get("dialog.importModel.models"),
                        ImportModelViewModel.MODEL_EXTENSIONS.stream().flatMap(e -> java.util.stream.Stream.of(
                                "*." + e, "*." + e.toUpperCase(java.util.Locale.ROOT))).toList()),
                new FileChooser.ExtensionFilter(texts.get("dialog.allFiles"), "*"));
        startIn(chooser, folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public boolean askModelImport(Window owner, ImportModelViewModel form) {
        return new ImportModelDialog(form, texts, owner).showAndWait().filter(Boolean::booleanValue).isPresent();
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
    public Optional<Path> chooseOnnxTarget(Window owner, Path proposed) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("dialog.exportOnnx.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("dialog.exportOnnx.models"),
                "*." + GalleryViewModel.ONNX_EXTENSION));
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

    @Override
    public Optional<Path> chooseFolder(Window owner, String title, Path folder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public boolean askStyleDetails(Window owner, StyleDetailsForm form) {
        return new StyleDetailsDialog(form, texts, owner).showAndWait().filter(Boolean::booleanValue).isPresent();
    }

    @Override
    public boolean confirmQuitWhileTraining(Window owner, String runName) {
        ButtonType quit = new ButtonType(texts.get("dialog.quitTraining.quit"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.format("dialog.quitTraining.text", runName),
                ButtonType.CANCEL, quit);
        alert.initOwner(owner);
        alert.setTitle(texts.get("dialog.quitTraining.title"));
        alert.setHeaderText(texts.format("dialog.quitTraining.header", runName));
        return alert.showAndWait().filter(b -> b == quit).isPresent();
    }

    private static void startIn(FileChooser chooser, Path folder) {
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
    }
}
