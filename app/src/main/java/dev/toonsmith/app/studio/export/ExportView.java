package dev.toonsmith.app.studio.export;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.ui.UiResources.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Format, quality, the Export button, and while exporting a progress bar with Cancel. */
public final class ExportView extends VBox {

    private final ExportViewModel export;
    private final Dialogs dialogs;

    public ExportView(ExportViewModel export, Texts texts, Dialogs dialogs, ObservableBooleanValue hasPhoto) {
        this.export = export;
        this.dialogs = dialogs;
        getStyleClass().add("export");
        setSpacing(8);

        Label title = new Label(texts.get("export.title"));
        title.getStyleClass().add("section-title");

        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(export.formatProperty());
        Label formatLabel = new Label(texts.get("export.format"));
        formatLabel.getStyleClass().add("control-label");

        Slider quality = new Slider(1, 100, export.qualityProperty().get());
        quality.setId("export-quality");
        quality.valueProperty().bindBidirectional(export.qualityProperty());
        quality.disableProperty().bind(Bindings.createBooleanBinding(() -> !export.formatProperty().get().lossy(),
                export.formatProperty()));
        Label qualityValue = new Label();
        qualityValue.getStyleClass().add("slider-value");
        qualityValue.textProperty().bind(Bindings.createStringBinding(
                () -> Long.toString(Math.round(export.qualityProperty().get())), export.qualityProperty()));
        Label qualityLabel = new Label(texts.get("export.quality"));
        qualityLabel.getStyleClass().add("control-label");
        qualityLabel.disableProperty().bind(quality.disableProperty());
        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        settings.getColumnConstraints().addAll(labels, controls, new ColumnConstraints(44));
        quality.setMaxWidth(Double.MAX_VALUE);
        settings.addRow(0, formatLabel, format);
        settings.addRow(1, qualityLabel, quality, qualityValue);

        Button exportButton = new Button(texts.get("export.button"), new FontIcon(Material2MZ.SAVE_ALT));
        exportButton.setId("export-button");
        exportButton.getStyleClass().add("accent");
        exportButton.setMaxWidth(Double.MAX_VALUE);
        exportButton.disableProperty().bind(Bindings.not(hasPhoto).or(export.runningProperty()));
        exportButton.setOnAction(e -> chooseAndExport());

        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.progressProperty().bind(export.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Button cancel = new Button(texts.get("export.cancel"), new FontIcon(Material2AL.CLOSE));
        cancel.setId("export-cancel");
        cancel.getStyleClass().addAll("flat", "small");
        cancel.setOnAction(e -> export.cancel());
        HBox running = new HBox(8, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(export.runningProperty());
        running.managedProperty().bind(running.visibleProperty());

        getChildren().addAll(title, settings, exportButton, running);
    }

    /** Asks where to export (proposing a name next to the photo), then exports. */
    public void chooseAndExport() {
        export.proposedTarget().flatMap(p -> dialogs.chooseExportTarget(getScene().getWindow(), p,
                export.formatProperty().get())).ifPresent(export::export);
    }
}
