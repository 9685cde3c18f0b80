package dev.toonsmith.app.studio.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The slim column of page buttons on the left: icon above label, one selected at a time. */
public final class NavigationRail extends VBox {

    private final ToggleGroup group = new ToggleGroup();

    public NavigationRail(List<Page> pages, Consumer<Page> onSelect) {
        getStyleClass().add("navigation-rail");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(4);
        for (Page page : pages) {
            ToggleButton button = new ToggleButton(page.title(), new FontIcon(page.icon()));
            button.setId("nav-" + page.id());
            button.setContentDisplay(ContentDisplay.TOP);
            button.getStyleClass().add("rail-button");
            button.setToggleGroup(group);
            button.setUserData(page);
            button.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // A rail always shows a page: clicking the current one keeps it.
                group.selectToggle(was);
            } else {
                onSelect.accept((Page) now.getUserData());
            }
        });
    }

    public void select(String pageId) {
        group.getToggles().stream().filter(t -> ((Page) t.getUserData()).id().equals(pageId)).findFirst()
                .ifPresent(group::selectToggle);
    }
}
