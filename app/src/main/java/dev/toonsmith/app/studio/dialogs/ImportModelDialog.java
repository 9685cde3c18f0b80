package dev.toonsmith.app.studio.dialogs;

import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The "Import model" dialog: a thin view of {@link ImportModelViewModel}, whose fields it edits in place. Import stays
 * disabled while the form says what is missing (a licence above all). Fields the form fills from the model file's
 * own metadata while the dialog is open follow, as they are bound.
 */
public final class ImportModelDialog extends Dialog<Boolean> {

    private final ButtonType importButton;

    public ImportModelDialog(ImportModelViewModel form, Texts texts, Window owner) {
        FormParts.adopt(this, owner);
        setTitle(texts.get("dialog.importModel.title"));
        setHeaderText(texts.format("dialog.importModel.header", form.modelProperty().get() == null ? ""
                : form.modelProperty().get().getFileName()));
        getDialogPane().getStyleClass().add("import-model-dialog");

        TextField name = new TextField();
        name.setId("import-model-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField author = new TextField();
        author.setId("import-model-author");
        author.setPromptText(texts.get("dialog.importModel.authorPrompt"));
        author.textProperty().bindBidirectional(form.authorProperty());
        javafx.scene.control.ComboBox<String> licence = LicenceField.of(form.licenceProperty(),
                dev.toonsmith.app.studio.gallery.CreditsMemory.MODEL_LICENCES,
                texts.get("dialog.importModel.licencePrompt"));
        licence.setId("import-model-licence");

        Spinner<Integer> multiple = new Spinner<>(ImportModelViewModel.MIN_MULTIPLE, ImportModelViewModel.MAX_MULTIPLE,
                form.sizeMultipleProperty().get());
        multiple.setId("import-model-multiple");
        multiple.setEditable(true);
        multiple.setPrefWidth(90);
        multiple.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                form.sizeMultipleProperty().set(now);
            }
        });
        form.sizeMultipleProperty().addListener((obs, was, now) -> multiple.getValueFactory().setValue(now.intValue()));

        Spinner<Integer> workingEdge = new Spinner<>(0, ImportModelViewModel.MAX_WORKING_EDGE,
                form.workingEdgeProperty().get(), 128);
        workingEdge.setId("import-model-working-edge");
        workingEdge.setEditable(true);
        workingEdge.setPrefWidth(110);
        workingEdge.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                form.workingEdgeProperty().set(now);
            }
        });
        form.workingEdgeProperty().addListener((obs, was, now) ->
                workingEdge.getValueFactory().setValue(now.intValue()));

        GridPane grid = FormParts.grid(320);
        int row = 0;
        grid.addRow(row++, new Label(texts.get("dialog.importModel.name")), name);
        grid.addRow(row++, new Label(texts.get("dialog.importModel.author")), author);
        grid.addRow(row++, new Label(texts.get("dialog.importModel.licence")), licence);
        Label licenceHint = hint(texts.get("dialog.importModel.licenceHint"));
        grid.add(licenceHint, 1, row++);
        grid.addRow(row++, new Label(texts.get("dialog.importModel.range")), choices(form.rangeProperty(),
                ModelConvention.Range.values(), "range", texts));
        grid.addRow(row++, new Label(texts.get("dialog.importModel.channels")), choices(form.channelsProperty(),
                ModelConvention.Channels.values(), "channels", texts));
        grid.addRow(row++, new Label(texts.get("dialog.importModel.layout")), choices(form.layoutProperty(),
                ModelConvention.Layout.values(), "layout", texts));
        grid.addRow(row++, new Label(texts.get("dialog.importModel.multiple")), multiple);
        grid.add(hint(texts.get("dialog.importModel.conventionHint")), 0, row++, 2, 1);
        grid.addRow(row++, new Label(texts.get("dialog.importModel.workingEdge")), workingEdge);
        grid.add(hint(texts.get("dialog.importModel.workingEdgeHint")), 1, row++);
        grid.add(FormParts.missing(this, "import-model-missing", form.missingProperty()), 0, row, 2, 1);
        getDialogPane().setContent(grid);

        importButton = new ButtonType(texts.get("dialog.importModel.import"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, importButton);
        // Not while the model's own metadata is being read: it may still fill the form.
        getDialogPane().lookupButton(importButton).disableProperty().bind(form.missingProperty().isNotEmpty()
                .or(form.readingMetadataProperty()));
        getDialogPane().lookupButton(importButton).setId("import-model-ok");
        setResultConverter(b -> b == importButton);
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        return hint;
    }

    /** Radio buttons for an enum, bound both ways to {@code property}. */
    private static <E extends Enum<E>> HBox choices(ObjectProperty<E> property, E[] values, String key, Texts texts) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(14);
        for (E value : values) {
            RadioButton button = new RadioButton(texts.get("dialog.importModel." + key + "."
                    + value.name().toLowerCase(Locale.ROOT)));
            button.setId("import-model-" + key + "-" + value.name().toLowerCase(Locale.ROOT));
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setSelected(value == property.get());
            box.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked")
                E chosen = (E) now.getUserData();
                property.set(chosen);
            }
        });
        property.addListener((obs, was, now) -> {
            for (Toggle t : group.getToggles()) {
                t.setSelected(t.getUserData() == now);
            }
        });
        return box;
    }

    /** The Import button's type, which the result converter answers true for. */
    public ButtonType importButtonType() {
        return importButton;
    }
}
