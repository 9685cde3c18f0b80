package dev.toonsmith.app.studio.shell;

import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The window's frame: menu on top, navigation rail on the left, the page, the status bar below. */
public final class ShellView extends BorderPane {

    private final StackPane pageArea = new StackPane();
    private final NavigationRail rail;

    public ShellView(MainMenu menu, List<Page> pages, StatusBarView status) {
        getStyleClass().add("shell");
        rail = new NavigationRail(pages, this::show);
        pageArea.getStyleClass().add("page-area");
        setTop(menu);
        setLeft(rail);
        setCenter(pageArea);
        setBottom(status);
        rail.select(pages.get(0).id());
    }

    private Page current;

    private void show(Page page) {
        if (current != null && current != page) {
            current.hidden();
        }
        current = page;
        pageArea.getChildren().setAll(page.content());
        page.shown();
    }

    public void select(String pageId) {
        rail.select(pageId);
    }
}
