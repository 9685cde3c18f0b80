package dev.toonsmith.app.studio.notify;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The one-line message a page shows above its content (a run exported, a batch finished, why Start is refused),
 * with a close button; shown only while there is a message, in the error colour when it is a problem. The Train
 * and Batch pages share it, so their messages look and behave alike.
 */
public final class PageMessageBar {

    private PageMessageBar() {}

    /**
     * @param id the message label's id, for tests
     * @param dismiss what the close button does (clears the message)
     */
    public static Region of(String id, ReadOnlyStringProperty message, ReadOnlyBooleanProperty problem,
            Runnable dismiss) {
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(message);
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll("flat", "small");
        close.setOnAction(e -> dismiss.run());
        HBox bar = new HBox(8, text, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 14, 6, 14));
        bar.getStyleClass().add("train-message");
        bar.visibleProperty().bind(message.isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        problem.addListener((obs, was, now) -> {
            bar.getStyleClass().remove("problem");
            if (now) {
                bar.getStyleClass().add("problem");
            }
        });
        if (problem.get()) {
            bar.getStyleClass().add("problem");
        }
        return bar;
    }
}
