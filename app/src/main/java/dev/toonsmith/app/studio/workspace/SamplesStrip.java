package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.function.Consumer;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A row of the sample photos; clicking one opens it. */
public final class SamplesStrip extends HBox {

    private static final double THUMB_HEIGHT = 52;

    public SamplesStrip(SamplesViewModel samples, Texts texts, Consumer<Path> open) {
        getStyleClass().add("samples-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        Label title = new Label(texts.get("samples.title"));
        title.getStyleClass().add("samples-title");
        HBox items = new HBox(6);
        items.setAlignment(Pos.CENTER_LEFT);
        for (SampleViewModel sample : samples.samples()) {
            ImageView view = new ImageView();
            view.setFitHeight(THUMB_HEIGHT);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            sample.thumbnailProperty().addListener((obs, was, now) ->
                    view.setImage(now == null ? null : FxImages.toFx(now, null)));
            Button button = new Button(null, view);
            button.setId("sample-" + sample.name());
            button.getStyleClass().add("sample-button");
            button.setMinHeight(THUMB_HEIGHT + 8);
            button.setMinWidth(THUMB_HEIGHT);
            button.setTooltip(new Tooltip(sample.name()));
            button.setOnAction(e -> open.accept(sample.file()));
            items.getChildren().add(button);
        }
        ScrollPane scroll = new ScrollPane(items);
        scroll.getStyleClass().add("samples-scroll");
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
        setVisible(!samples.samples().isEmpty());
        setManaged(isVisible());
    }
}
