package dev.toonsmith.app.studio;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.export.ExportFormat;
import dev.toonsmith.app.studio.train.TrainViewModel.StyleDetails;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Dialogs that answer what the test set up, instead of opening native file choosers. */
public final class ScriptedDialogs implements Dialogs {

    public volatile Path image;
    /** The answer to "Add files…" of the Batch page. */
    public volatile java.util.List<Path> images = java.util.List.of();
    public volatile Path style;
    public volatile Path exportTarget;
    public volatile Path proposedExport;
    /** The answer to "Export as ONNX…"'s save dialog; null answers Cancel. */
    public volatile Path onnxTarget;
    /** What "Export as ONNX…" proposed last. */
    public volatile Path proposedOnnx;
    public volatile String presetName;
    public volatile boolean confirmDelete = true;
    /** Answers to folder choosers, by the chooser's title. */
    public final java.util.Map<String, Path> folders = new java.util.concurrent.ConcurrentHashMap<>();
    /** Typed into the "Export as style" form over what it proposed; null answers Cancel. */
    public volatile StyleDetails styleDetails;
    /** What the last "Export as style" form proposed before {@link #styleDetails} were typed in. */
    public volatile StyleDetails proposedStyleDetails;
    /** The last "Export as style" form asked about. */
    public volatile dev.toonsmith.app.studio.gallery.StyleDetailsForm askedStyleDetails;
    public volatile boolean confirmQuit = true;
    /** The answer to "Import model…"'s file chooser. */
    public volatile Path model;
    /** Fills the "Import model" form as a user would; null answers Cancel. */
    public volatile java.util.function.Consumer<dev.toonsmith.app.studio.gallery.ImportModelViewModel> modelForm;
    public volatile int quitQuestions;
    /** Whether "Import model" shows the real dialog (which the test then answers) instead of {@link #modelForm}. */
    public volatile boolean realModelDialog;
    /** The last "Import model" form asked about. */
    public volatile dev.toonsmith.app.studio.gallery.ImportModelViewModel askedModelForm;

    @Override
    public Optional<Path> chooseImage(Window owner, Path folder) {
        return Optional.ofNullable(image);
    }

    @Override
    public java.util.List<Path> chooseImages(Window owner, Path folder) {
        return images;
    }

    @Override
    public Optional<Path> chooseStyle(Window owner, Path folder) {
        return Optional.ofNullable(style);
    }

    @Override
    public Optional<Path> chooseModel(Window owner, Path folder) {
        return Optional.ofNullable(model);
    }

    @Override
    public boolean askModelImport(Window owner, dev.toonsmith.app.studio.gallery.ImportModelViewModel form) {
        askedModelForm = form;
        if (realModelDialog) {
            return new dev.toonsmith.app.studio.dialogs.FxDialogs(dev.toonsmith.ui.UiResources.texts())
                    .askModelImport(owner, form);
        }
        java.util.function.Consumer<dev.toonsmith.app.studio.gallery.ImportModelViewModel> fill = modelForm;
        if (fill == null) {
            return false;
        }
        fill.accept(form);
        return form.ready();
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, Path proposed, ExportFormat format) {
        proposedExport = proposed;
        return Optional.ofNullable(exportTarget);
    }

    @Override
    public Optional<Path> chooseOnnxTarget(Window owner, Path proposed) {
        proposedOnnx = proposed;
        return Optional.ofNullable(onnxTarget);
    }

    @Override
    public Optional<String> askPresetName(Window owner) {
        return Optional.ofNullable(presetName);
    }

    @Override
    public boolean confirmDeleteStyle(Window owner, String name) {
        return confirmDelete;
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title, Path folder) {
        return Optional.ofNullable(folders.get(title));
    }

    @Override
    public boolean askStyleDetails(Window owner, dev.toonsmith.app.studio.gallery.StyleDetailsForm form) {
        askedStyleDetails = form;
        proposedStyleDetails = new StyleDetails(form.name(), form.author(), form.licence());
        StyleDetails typed = styleDetails;
        if (typed == null) {
            return false;
        }
        form.nameProperty().set(typed.name());
        form.authorProperty().set(typed.author());
        form.licenceProperty().set(typed.licence());
        return form.ready();
    }

    @Override
    public boolean confirmQuitWhileTraining(Window owner, String runName) {
        quitQuestions++;
        return confirmQuit;
    }
}
