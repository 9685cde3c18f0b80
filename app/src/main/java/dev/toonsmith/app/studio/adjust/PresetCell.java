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

    private final ObservableStringValue label;

    /**
     * @param label what the face says, "Clean cel" or "Clean cel (modified)"
     * @param modified whether the look differs from the preset as shipped
     */
    public PresetCell(ObservableStringValue label, ObservableBooleanValue modified) {
        this.label = label;
        getStyleClass().add("preset-cell");
        // Not bound: the combo box's skin sets a button cell's text itself at times.
        label.addListener((obs, was, now) -> setText(now));
        pseudoClassStateChanged(MODIFIED, modified.get());
        modified.addListener((obs, was, now) -> pseudoClassStateChanged(MODIFIED, now));
    }

    @Override
    protected void updateItem(PresetChoice item, boolean empty) {
        super.updateItem(item, empty);
        // The label, not the item's name: only the label knows whether the sliders moved.
        setText(empty || item == null ? null : label.get());
    }
}
