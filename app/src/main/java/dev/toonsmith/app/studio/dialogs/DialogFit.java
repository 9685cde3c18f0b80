package dev.toonsmith.app.studio.dialogs;

import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Dialog;

/**
 * Keeps a dialog as large as its content when a message in it changes: a dialog's window keeps the size it opened
 * with, so a sentence that appears later (what is missing, a name already taken) would be cut to "…".
 */
final class DialogFit {

    private DialogFit() {}

    static void followText(Dialog<?> dialog, ObservableStringValue text) {
        text.addListener((obs, was, now) -> Platform.runLater(() -> {
            if (dialog.isShowing() && dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
    }
}
