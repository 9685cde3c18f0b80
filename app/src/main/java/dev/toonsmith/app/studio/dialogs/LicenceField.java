package dev.toonsmith.app.studio.dialogs;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;

/**
 * A licence: one of the common ones from a list, or any SPDX id typed in. An editable combo box whose text is bound
 * both ways to the form's licence, so that what is typed counts as soon as it is typed, not only on Enter.
 */
final class LicenceField {

    private LicenceField() {}

    static ComboBox<String> of(StringProperty licence, List<String> choices, String prompt) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(choices);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setVisibleRowCount(choices.size());
        box.getEditor().setText(licence.get() == null ? "" : licence.get());
        box.getEditor().textProperty().bindBidirectional(licence);
        // Picking from the list shows in the editor (and so in the form).
        box.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(box.getEditor().getText())) {
                box.getEditor().setText(now);
            }
        });
        return box;
    }
}
