package dev.toonsmith.app.studio.canvas;

import dev.toonsmith.app.studio.render.Raster;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The original and the result: side by side, or in split mode one picture with a draggable divider
 * (original left of it, result right). Both canvases share one viewport, so zoom and pan stay in sync.
 *
 * <p>While the result is on its way the result's side says so: a spinner and what is happening, centred over the
 * photo blurred and faded, so the pane is never a blank grey box.
 */
public final class CompareView extends StackPane {

    private final ImageCanvas before;
    private final ImageCanvas after;
    /** The photo, blurred and faded, where the result will be, while it is on its way. */
    private final ImageCanvas placeholder;
    private final StackPane pending;
    private final StackPane beforePane;
    private final StackPane afterPane;
    private final HBox sideBySide;
    private final Pane split = new Pane() {
        @Override
        protected void layoutChildren() {
            layoutSplit();
        }
    };
    private final Region divider = new Region();
    private final StackPane handle = new StackPane();
    private final DoubleProperty splitPosition;

    /**
     * @param waiting what the result waits for ("Drawing the cartoon…"), shown over its pane; empty when nothing is
     *     on its way
     */
    public CompareView(ViewportModel viewport, ObservableValue<Raster> original, ObservableValue<Raster> result,
            ObservableValue<String> waiting, BooleanProperty splitMode, DoubleProperty splitPosition,
            String beforeCaption, String afterCaption) {
        this.splitPosition = splitPosition;
        getStyleClass().add("compare-view");
        before = new ImageCanvas(viewport);
        before.setId("before-canvas");
        before.rasterProperty().bind(original);
        after = new ImageCanvas(viewport);
        after.setId("after-canvas");
        after.rasterProperty().bind(result);
        placeholder = new ImageCanvas(viewport);
        placeholder.setId("after-placeholder");
        placeholder.getStyleClass().add("result-placeholder");
        placeholder.rasterProperty().bind(original);
        ColorAdjust faded = new ColorAdjust();
        faded.setSaturation(-0.6);
        faded.setInput(new GaussianBlur(24));
        placeholder.setEffect(faded);
        placeholder.setMouseTransparent(true);
        pending = pendingState(waiting);

        beforePane = captioned(beforeCaption);
        afterPane = captioned(afterCaption);
        sideBySide = new HBox(beforePane, afterPane);
        sideBySide.getStyleClass().add("side-by-side");
        HBox.setHgrow(beforePane, Priority.ALWAYS);
        HBox.setHgrow(afterPane, Priority.ALWAYS);
        beforePane.setMinWidth(0);
        afterPane.setMinWidth(0);
        beforePane.prefWidthProperty().bind(sideBySide.widthProperty().divide(2));
        afterPane.prefWidthProperty().bind(sideBySide.widthProperty().divide(2));

        divider.getStyleClass().add("split-divider");
        divider.setId("split-divider");
        handle.getStyleClass().add("split-handle");
        handle.setId("split-handle");
        handle.getChildren().add(new FontIcon(Material2AL.CODE));
        handle.setCursor(Cursor.H_RESIZE);
        divider.setCursor(Cursor.H_RESIZE);
        split.getStyleClass().add("split-view");
        for (Region r : new Region[] {divider, handle}) {
            r.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
                double x = split.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
                splitPosition.set(Math.max(0, Math.min(1, x / Math.max(1, split.getWidth()))));
                e.consume();
            });
            r.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        }
        splitPosition.addListener(o -> split.requestLayout());

        BooleanBinding isWaiting = Bindings.createBooleanBinding(
                () -> waiting.getValue() != null && !waiting.getValue().isEmpty(), waiting);
        pending.visibleProperty().bind(isWaiting);
        placeholder.visibleProperty().bind(isWaiting);
        show(splitMode.get());
        splitMode.addListener((obs, was, now) -> show(now));
    }

    private StackPane captioned(String caption) {
        Label label = new Label(caption);
        label.getStyleClass().add("canvas-caption");
        StackPane pane = new StackPane(label);
        StackPane.setAlignment(label, Pos.TOP_LEFT);
        pane.getStyleClass().add("canvas-pane");
        return pane;
    }

    /** A spinner and the text of what the result waits for, on a card centred over the result's pane. */
    private static StackPane pendingState(ObservableValue<String> waiting) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("pending-spinner");
        Label text = new Label();
        text.setId("result-waiting");
        text.getStyleClass().add("pending-text");
        text.textProperty().bind(waiting);
        text.setWrapText(true);
        VBox card = new VBox(10, spinner, text);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("pending-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane layer = new StackPane(card);
        layer.getStyleClass().add("pending-state");
        layer.setMouseTransparent(true);
        layer.setMinSize(0, 0);
        return layer;
    }

    private void show(boolean splitMode) {
        beforePane.getChildren().remove(before);
        afterPane.getChildren().removeAll(placeholder, after, pending);
        split.getChildren().clear();
        if (splitMode) {
            // The before canvas already shows the photo under the divider's right side.
            split.getChildren().addAll(before, after, divider, handle);
            getChildren().setAll(split, pending);
        } else {
            after.setClipLeft(0);
            beforePane.getChildren().add(0, before);
            afterPane.getChildren().add(0, placeholder);
            afterPane.getChildren().add(1, after);
            afterPane.getChildren().add(pending);
            getChildren().setAll(sideBySide);
        }
        split.requestLayout();
    }

    private void layoutSplit() {
        if (split.getChildren().isEmpty()) {
            return;
        }
        double w = split.getWidth();
        double h = split.getHeight();
        before.resizeRelocate(0, 0, w, h);
        after.resizeRelocate(0, 0, w, h);
        double x = Math.round(splitPosition.get() * w);
        after.setClipLeft(x);
        divider.resizeRelocate(x - 1, 0, 2, h);
        double size = 34;
        handle.resizeRelocate(x - size / 2, h / 2 - size / 2, size, size);
    }

    public ImageCanvas beforeCanvas() {
        return before;
    }

    public ImageCanvas afterCanvas() {
        return after;
    }
}
