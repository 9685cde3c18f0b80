package dev.toonsmith.app.studio.dialogs;

import dev.toonsmith.app.studio.export.ExportFormat;
import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.app.studio.gallery.StyleDetailsForm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The modal questions the studio asks: which file, which name, are you sure. Behind an interface because
 * native file choosers cannot be driven by UI tests; tests answer with a fake.
 */
public interface Dialogs {

    /** A photo to open, starting in {@code folder} when it exists. */
    Optional<Path> chooseImage(Window owner, Path folder);

    /** Photos to add to a batch, several at once; empty if the user cancelled. */
    List<Path> chooseImages(Window owner, Path folder);

    /** A {@code .toon} style file to import. */
    Optional<Path> chooseStyle(Window owner, Path folder);

    /** A TorchScript or ONNX generator ({@code .pt}, {@code .torchscript}, {@code .onnx}) to import as a style. */
    Optional<Path> chooseModel(Window owner, Path folder);

    /**
     * Asks the name, credits and pixel convention of a model to import, editing {@code form} in place.
     *
     * @return whether the user chose Import (the form is then ready)
     */
    boolean askModelImport(Window owner, ImportModelViewModel form);

    /** Where to export, proposing {@code proposed}. */
    Optional<Path> chooseExportTarget(Window owner, Path proposed, ExportFormat format);

    /** Where to write a style as an ONNX model ({@code .onnx}), proposing {@code proposed}. */
    Optional<Path> chooseOnnxTarget(Window owner, Path proposed);

    /** A name for a new preset. */
    Optional<String> askPresetName(Window owner);

    /** Whether to delete the user's style {@code name}. */
    boolean confirmDeleteStyle(Window owner, String name);

    /** A folder (of training images), starting in {@code folder} when it exists. */
    Optional<Path> chooseFolder(Window owner, String title, Path folder);

    /**
     * Asks the name, author and licence of a style made from a training checkpoint, editing {@code form} in place.
     *
     * @return whether the user chose Export (the form is then ready)
     */
    boolean askStyleDetails(Window owner, StyleDetailsForm form);

    /** Whether to quit while the run {@code runName} trains: it is stopped with a checkpoint first. */
    boolean confirmQuitWhileTraining(Window owner, String runName);
}
