package dev.toonsmith.app.studio.dialogs;

import javafx.beans.binding.StringExpression;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * What the studio's form dialogs (Import model, Export as style) share: the window's look, the grid, the line saying
 * what is missing.
 */
final class FormParts {

    private FormParts() {}

    /** Owned by {@code owner} (may be null) and styled with its stylesheets, so the dialog matches the window. */
    static void adopt(Dialog<?> dialog, Window owner) {
        if (owner == null) {
            return;
        }
        dialog.initOwner(owner);
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    /** A labels-and-fields grid whose field column grows from {@code fieldWidth}. */
    static GridPane grid(double fieldWidth) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("import-model-form");
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(120, fieldWidth,
                Double.MAX_VALUE, Priority.ALWAYS, null, true));
        return grid;
    }

    /**
     * The sentence saying what keeps the dialog's OK button disabled, shown only while there is one; the dialog grows
     * to show it whole.
     */
    static Label missing(Dialog<?> dialog, String id, StringExpression missing) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("import-model-missing");
        label.setWrapText(true);
        label.setMaxWidth(460);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(missing);
        label.visibleProperty().bind(missing.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        DialogFit.followText(dialog, missing);
        return label;
    }
}
