package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.shell.Page;
import dev.toonsmith.ui.UiResources.Texts;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Styles page: the library with larger cards, where styles are imported, inspected, exported as ONNX and
 * deleted.
 */
public final class StylesPage implements Page {

    private final String title;
    private final ScrollPane content;

    public StylesPage(GalleryViewModel gallery, Texts texts, Dialogs dialogs) {
        this.title = texts.get("nav.styles");
        Label heading = new Label(texts.get("styles.heading"));
        heading.getStyleClass().add("page-title");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.getStyleClass().add("page-intro");
        intro.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.format("styles.intro", gallery.userFolder().map(Object::toString).orElse("…")),
                gallery.loadedProperty()));
        Button reload = new Button(texts.get("styles.reload"), new FontIcon(Material2MZ.REFRESH));
        reload.getStyleClass().addAll("flat", "small");
        reload.setOnAction(e -> gallery.reload());
        StyleGalleryView cards = new StyleGalleryView(gallery, texts, dialogs, 220, true);
        VBox page = new VBox(14, heading, intro, new HBox(reload), cards);
        page.getStyleClass().add("styles-page");
        content = new ScrollPane(page);
        content.setFitToWidth(true);
        content.getStyleClass().add("page-scroll");
    }

    @Override
    public String id() {
        return "styles";
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Ikon icon() {
        return Material2MZ.PALETTE;
    }

    @Override
    public Node content() {
        return content;
    }
}
