package dev.toonsmith.app.studio.adjust;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.function.DoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The sliders and the preset picker. Every slider is labelled and shows its value; releasing a slider (or
 * a key press on it) makes the change one undo step.
 */
public final class AdjustmentsView extends VBox {

    private final AdjustmentsViewModel adjustments;
    private final GridPane grid = new GridPane();
    private int row;

    public AdjustmentsView(AdjustmentsViewModel adjustments, Texts texts, Dialogs dialogs) {
        this.adjustments = adjustments;
        getStyleClass().add("adjustments");
        setSpacing(8);

        Label title = new Label(texts.get("adjust.title"));
        title.getStyleClass().add("section-title");
        Button reset = new Button(texts.get("adjust.reset"), new FontIcon(Material2MZ.RESTORE));
        reset.setId("reset-adjustments");
        reset.getStyleClass().addAll("flat", "small");
        reset.setTooltip(new Tooltip(texts.get("adjust.reset.tooltip")));
        reset.setOnAction(e -> adjustments.reset());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, reset);
        header.setAlignment(Pos.CENTER_LEFT);

        ComboBox<PresetChoice> presets = new ComboBox<>(adjustments.presets());
        presets.setId("preset-picker");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.valueProperty().bindBidirectional(adjustments.presetProperty());
        presets.setButtonCell(new PresetCell(adjustments.presetLabelProperty(), adjustments.modifiedProperty()));
        Tooltip modifiedTip = new Tooltip(texts.get("adjust.preset.modified.tooltip"));
        adjustments.modifiedProperty().addListener((obs, was, now) -> presets.setTooltip(now ? modifiedTip : null));
        presets.setTooltip(adjustments.modifiedProperty().get() ? modifiedTip : null);
        HBox.setHgrow(presets, Priority.ALWAYS);
        Button save = new Button(null, new FontIcon(Material2MZ.SAVE));
        save.setId("save-preset");
        save.getStyleClass().add("icon-button");
        save.setTooltip(new Tooltip(texts.get("adjust.savePreset.tooltip")));
        save.setOnAction(e -> dialogs.askPresetName(getScene().getWindow()).ifPresent(adjustments::savePreset));
        Label presetLabel = new Label(texts.get("adjust.preset"));
        presetLabel.getStyleClass().add("control-label");
        HBox presetRow = new HBox(6, presets, save);
        presetRow.setAlignment(Pos.CENTER_LEFT);

        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints sliders = new ColumnConstraints();
        sliders.setHgrow(Priority.ALWAYS);
        sliders.setFillWidth(true);
        ColumnConstraints values = new ColumnConstraints(44);
        grid.getColumnConstraints().addAll(labels, sliders, values);
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getStyleClass().add("slider-grid");

        slider("strength", texts.get("adjust.strength"), texts.get("adjust.strength.tooltip"),
                adjustments.strengthProperty(), 0, 1, 0.05, v -> Math.round(v * 100) + " %");
        slider("outlines", texts.get("adjust.outlines"), texts.get("adjust.outlines.tooltip"),
                adjustments.outlinesProperty(), 0, 1, 0.05,
                v -> v < 0.005 ? texts.get("adjust.off") : Math.round(v * 100) + " %");
        slider("outline-width", texts.get("adjust.outlineWidth"), texts.get("adjust.outlineWidth.tooltip"),
                adjustments.outlineWidthProperty(), 1, 16, 1, v -> Math.round(v) + " px");
        slider("colors", texts.get("adjust.colors"), texts.get("adjust.colors.tooltip"),
                adjustments.colorsProperty(), 0, Adjustments.MAX_COLORS, 1,
                v -> Math.round(v) == 0 ? texts.get("adjust.off") : Long.toString(Math.max(2, Math.round(v))));
        slider("smoothing", texts.get("adjust.smoothing"), texts.get("adjust.smoothing.tooltip"),
                adjustments.smoothingProperty(), 0, 10, 1,
                v -> Math.round(v) == 0 ? texts.get("adjust.off") : Long.toString(Math.round(v)));
        slider("saturation", texts.get("adjust.saturation"), texts.get("adjust.saturation.tooltip"),
                adjustments.saturationProperty(), 0, Adjustments.MAX_SATURATION, 0.05,
                v -> Math.round(v * 100) + " %");

        getChildren().addAll(header, presetLabel, presetRow, grid);
    }

    private void slider(String id, String label, String tooltip, DoubleProperty value, double min, double max,
            double step, DoubleFunction<String> format) {
        Label name = new Label(label);
        name.getStyleClass().add("control-label");
        name.setTooltip(new Tooltip(tooltip));
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id + "-slider");
        slider.setBlockIncrement(step);
        slider.setMajorTickUnit(step);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(step >= 1);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.setTooltip(new Tooltip(tooltip));
        name.setLabelFor(slider);
        slider.valueProperty().bindBidirectional(value);
        // One undo step per gesture: a drag commits when released, a key press at once.
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                adjustments.commit();
            }
        });
        slider.valueProperty().addListener((obs, was, now) -> {
            if (!slider.isValueChanging()) {
                adjustments.commit();
            }
        });
        Label shown = new Label();
        shown.setId(id + "-value");
        shown.getStyleClass().add("slider-value");
        shown.textProperty().bind(Bindings.createStringBinding(() -> format.apply(value.get()), value));
        grid.addRow(row++, name, slider, shown);
    }
}
