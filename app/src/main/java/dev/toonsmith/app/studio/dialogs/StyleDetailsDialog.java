package dev.toonsmith.app.studio.dialogs;

import dev.toonsmith.app.studio.gallery.CreditsMemory;
import dev.toonsmith.app.studio.gallery.StyleDetailsForm;
import dev.toonsmith.ui.UiResources.Texts;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * "Export as style" for a training checkpoint: a thin view of {@link StyleDetailsForm}. Export stays disabled while the
 * form says what is missing (a name no installed style has, a licence), and the sentence shows under the fields.
 */
public final class StyleDetailsDialog extends Dialog<Boolean> {

    private final ButtonType exportButton;

    public StyleDetailsDialog(StyleDetailsForm form, Texts texts, Window owner) {
        FormParts.adopt(this, owner);
        setTitle(texts.get("dialog.styleDetails.title"));
        setHeaderText(texts.get("dialog.styleDetails.header"));
        getDialogPane().getStyleClass().add("style-details-dialog");

        TextField name = new TextField();
        name.setId("style-details-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField author = new TextField();
        author.setId("style-details-author");
        author.setPromptText(texts.get("dialog.styleDetails.authorPrompt"));
        author.textProperty().bindBidirectional(form.authorProperty());
        ComboBox<String> licence = LicenceField.of(form.licenceProperty(), CreditsMemory.COMMON_LICENCES,
                texts.get("dialog.styleDetails.licencePrompt"));
        licence.setId("style-details-licence");

        GridPane grid = FormParts.grid(300);
        grid.addRow(0, new Label(texts.get("dialog.styleDetails.name")), name);
        grid.addRow(1, new Label(texts.get("dialog.styleDetails.author")), author);
        grid.addRow(2, new Label(texts.get("dialog.styleDetails.licence")), licence);
        Label note = new Label(texts.get("dialog.styleDetails.note"));
        note.getStyleClass().add("field-hint");
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(note, 1, 3);
        grid.add(FormParts.missing(this, "style-details-missing", form.missingProperty()), 0, 4, 2, 1);
        getDialogPane().setContent(grid);

        exportButton = new ButtonType(texts.get("dialog.styleDetails.export"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, exportButton);
        getDialogPane().lookupButton(exportButton).disableProperty().bind(form.missingProperty().isNotEmpty());
        getDialogPane().lookupButton(exportButton).setId("style-details-ok");
        setResultConverter(b -> b == exportButton);
    }

    /** The Export button's type, which the result converter answers true for. */
    public ButtonType exportButtonType() {
        return exportButton;
    }
}
