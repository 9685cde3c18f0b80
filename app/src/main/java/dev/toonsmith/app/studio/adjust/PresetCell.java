package dev.toonsmith.app.studio.adjust;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/**
 * A preset picker's face: the preset's name, or "Clean cel (modified)" in italics once sliders have left it, so the
 * name never claims a look the sliders have changed. The Studio page's picker and the Batch page's share it.
 */
public final class PresetCell extends ListCell<PresetChoice> {

    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");

    /**
     * @param label what the face says, "Clean cel" or "Clean cel (modified)"
     * @param modified whether the look differs from the preset as shipped
     */
    public PresetCell(ObservableStringValue label, ObservableBooleanValue modified) {
        getStyleClass().add("preset-cell");
        // The text follows the label, not the item: only the label knows whether the sliders moved.
        textProperty().bind(label);
        pseudoClassStateChanged(MODIFIED, modified.get());
        modified.addListener((obs, was, now) -> pseudoClassStateChanged(MODIFIED, now));
    }
}
