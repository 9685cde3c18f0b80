package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One style card: the thumbnail, the name, the architecture and licence badges, delete for user styles, and
 * "Export as ONNX…" in its context menu (and, on the Styles page, as a button; an imported model's is disabled and
 * says why).
 */
public final class StyleCardView extends VBox {

    private final ImageView thumbnail = new ImageView();
    private final StyleCardViewModel card;

    /** @param exportButton whether the card also shows "Export as ONNX…" as a button, as the Styles page does */
    public StyleCardView(StyleCardViewModel card, Texts texts, double width, Consumer<StyleCardViewModel> onSelect,
            Consumer<StyleCardViewModel> onDelete, Consumer<StyleCardViewModel> onExportOnnx, boolean exportButton) {
        this.card = card;
        getStyleClass().add("style-card");
        setId("style-card-" + (card.isNoStyle() ? "none" : card.styleId()));
        setPrefWidth(width);
        setMaxWidth(width);
        double imageHeight = Math.round(width * 0.66);

        thumbnail.setFitWidth(width - 12);
        thumbnail.setFitHeight(imageHeight);
        thumbnail.setPreserveRatio(false);
        thumbnail.setSmooth(true);
        StackPane frame = new StackPane();
        frame.getStyleClass().add("style-card-thumbnail");
        frame.setMinSize(width - 12, imageHeight);
        frame.setPrefSize(width - 12, imageHeight);
        frame.setMaxSize(width - 12, imageHeight);
        FontIcon placeholder = new FontIcon(card.isNoStyle() ? Material2AL.BLOCK : Material2MZ.PALETTE);
        placeholder.getStyleClass().add("style-card-placeholder");
        frame.getChildren().addAll(placeholder, thumbnail);

        Label name = new Label(card.name());
        name.getStyleClass().add("style-card-name");
        name.setMaxWidth(width - 12);
        name.setWrapText(true);

        HBox badges = new HBox(4);
        badges.setAlignment(Pos.CENTER_LEFT);
        badges.getStyleClass().add("style-card-badges");
        if (card.isNoStyle()) {
            Label hint = new Label(texts.get("gallery.noStyle.badge"));
            hint.getStyleClass().addAll("badge", "badge-muted");
            badges.getChildren().add(hint);
        } else {
            Label arch;
            if (card.imported()) {
                arch = new Label(texts.get("gallery.imported.badge"));
                arch.getStyleClass().addAll("badge", "badge-imported");
                arch.setTooltip(new Tooltip(texts.get("gallery.imported.tooltip")));
            } else {
                arch = new Label(card.architecture());
                arch.getStyleClass().addAll("badge", "badge-architecture");
                arch.setTooltip(new Tooltip(texts.get("gallery.architecture.tooltip")));
            }
            Label licence = new Label(card.licence());
            licence.getStyleClass().addAll("badge", "badge-licence");
            licence.setId("licence-" + card.styleId());
            if (card.licenceKnown()) {
                licence.setTooltip(new Tooltip(texts.format("gallery.licence.tooltip", card.licence(),
                        card.sourceLabel())));
            } else {
                licence.getStyleClass().add("badge-licence-unknown");
                licence.setTooltip(new Tooltip(texts.format("gallery.licence.unknown.tooltip", card.sourceLabel())));
            }
            badges.getChildren().addAll(arch, licence);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        badges.getChildren().add(spacer);
        if (!card.isNoStyle()) {
            MenuItem exportItem = new MenuItem(texts.get("gallery.onnx.export"), new FontIcon(Material2MZ.SAVE_ALT));
            exportItem.setId("onnx-export-item-" + card.styleId());
            exportItem.setDisable(!card.onnxExportable());
            exportItem.setOnAction(e -> onExportOnnx.accept(card));
            ContextMenu menu = new ContextMenu(exportItem);
            setOnContextMenuRequested(e -> {
                menu.show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            if (exportButton) {
                Button export = new Button(null, new FontIcon(Material2MZ.SAVE_ALT));
                export.getStyleClass().addAll("flat", "icon-button", "style-card-onnx");
                export.setId("onnx-export-" + card.styleId());
                export.setDisable(!card.onnxExportable());
                export.setOnAction(e -> onExportOnnx.accept(card));
                // The tooltip sits on a holder: a disabled button shows none, and the disabled one must say why.
                StackPane holder = new StackPane(export);
                holder.getStyleClass().add("style-card-onnx-holder");
                holder.setId("onnx-export-holder-" + card.styleId());
                Tooltip.install(holder, new Tooltip(card.onnxNote()));
                badges.getChildren().add(holder);
            }
        }
        if (card.deletable()) {
            Button delete = new Button(null, new FontIcon(Material2AL.DELETE_OUTLINE));
            delete.getStyleClass().addAll("flat", "icon-button", "style-card-delete");
            delete.setTooltip(new Tooltip(texts.format("gallery.delete.tooltip", card.name())));
            delete.setOnAction(e -> onDelete.accept(card));
            badges.getChildren().add(delete);
        }

        getChildren().addAll(frame, name, badges);
        setOnMouseClicked(e -> onSelect.accept(card));

        show(card.thumbnailProperty().get());
        card.thumbnailProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(Raster raster) {
        if (raster == null) {
            thumbnail.setImage(null);
            return;
        }
        thumbnail.setImage(FxImages.toFx(raster, null));
        // Cover the frame: crop the picture's middle to the frame's shape rather than squash it.
        double frameRatio = thumbnail.getFitWidth() / thumbnail.getFitHeight();
        double w = raster.width();
        double h = raster.height();
        if (w / h > frameRatio) {
            double cw = h * frameRatio;
            thumbnail.setViewport(new Rectangle2D((w - cw) / 2, 0, cw, h));
        } else {
            double ch = w / frameRatio;
            thumbnail.setViewport(new Rectangle2D(0, (h - ch) / 2, w, ch));
        }
    }

    public StyleCardViewModel card() {
        return card;
    }

    public void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }
}
