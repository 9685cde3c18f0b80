package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One style card: the thumbnail, the name (two lines at most, wrapped between words or at an id's dashes, never
 * inside a word), the architecture and licence badges, delete for user styles, and "Export as ONNX…" in its context
 * menu (and, on the Styles page, as a button; an imported model's is disabled and says why); the buttons sit on the
 * picture's corner. A training checkpoint tried on is dashed and marked "Preview · step N" instead of a licence.
 */
public final class StyleCardView extends VBox {

    /** Tooltips wrap at this width: a long one stays a readable paragraph on any screen. */
    static final double TOOLTIP_WIDTH = 360;

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
        double inner = width - 12;

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
        name.setId("style-card-name-" + (card.isNoStyle() ? "none" : card.styleId()));
        name.setAlignment(Pos.TOP_LEFT);
        // Laid out here, in the font the stylesheet gives it, and again if that changes.
        name.setText(nameLines(card.name(), name.getFont(), inner));
        name.fontProperty().addListener((obs, was, now) -> name.setText(nameLines(card.name(), now, inner)));
        // Two lines, on every card alike so that rows line up; a longer name ends in "…" and the tooltip has it all.
        double twoLines = 2 * lineHeight(name) + 2;
        name.setMinSize(inner, twoLines);
        name.setPrefSize(inner, twoLines);
        name.setMaxSize(inner, twoLines);
        if (!card.isNoStyle()) {
            name.setTooltip(tip(texts.format("gallery.name.tooltip", card.name())));
        }

        // Badges flow onto a second row rather than being cut; one longer than the card ends in "…".
        FlowPane badges = new FlowPane(4, 3);
        badges.setPrefWrapLength(inner);
        badges.setMaxWidth(inner);
        badges.getStyleClass().add("style-card-badges");
        if (card.isNoStyle()) {
            badges.getChildren().add(badge(texts.get("gallery.noStyle.badge"), null, inner, "badge-muted"));
        } else {
            if (card.preview()) {
                getStyleClass().add("style-card-preview");
                Label marker = badge(card.previewBadge(), card.previewNote(), inner, "badge-preview");
                marker.setId("preview-badge-" + card.styleId());
                badges.getChildren().add(marker);
            }
            Label arch = card.imported()
                    ? badge(texts.get("gallery.imported.badge"), texts.get("gallery.imported.tooltip"), inner,
                            "badge-imported")
                    : badge(card.architecture(), texts.get("gallery.architecture.tooltip"), inner,
                            "badge-architecture");
            badges.getChildren().add(arch);
            if (!card.preview()) {
                Label licence = card.licenceKnown()
                        ? badge(card.licence(), texts.format("gallery.licence.tooltip", card.licence(),
                                card.sourceLabel()), inner, "badge-licence")
                        : badge(card.licence(), texts.format("gallery.licence.unknown.tooltip", card.sourceLabel()),
                                inner, "badge-licence", "badge-licence-unknown");
                licence.setId("licence-" + card.styleId());
                badges.getChildren().add(licence);
            }
        }

        // The card's buttons sit on the picture's corner, so they never take the badges' room.
        HBox actions = new HBox(2);
        actions.getStyleClass().add("style-card-actions");
        actions.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(actions, Pos.TOP_RIGHT);
        StackPane.setMargin(actions, new Insets(4));
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
                Tooltip.install(holder, tip(card.onnxNote()));
                actions.getChildren().add(holder);
            }
        }
        if (card.deletable()) {
            Button delete = new Button(null, new FontIcon(Material2AL.DELETE_OUTLINE));
            delete.getStyleClass().addAll("flat", "icon-button", "style-card-delete");
            delete.setTooltip(tip(texts.format("gallery.delete.tooltip", card.name())));
            delete.setOnAction(e -> onDelete.accept(card));
            actions.getChildren().add(delete);
        }
        if (!actions.getChildren().isEmpty()) {
            frame.getChildren().add(actions);
        }

        getChildren().addAll(frame, name, badges);
        setOnMouseClicked(e -> onSelect.accept(card));

        show(card.thumbnailProperty().get());
        card.thumbnailProperty().addListener((obs, was, now) -> show(now));
    }

    /** A badge that keeps its full text while it fits the card, and ends in "…" (the tooltip has it all) when not. */
    private static Label badge(String text, String tooltip, double maxWidth, String... styles) {
        Label badge = new Label(text);
        badge.getStyleClass().add("badge");
        badge.getStyleClass().addAll(styles);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMaxWidth(maxWidth);
        badge.setTextOverrun(OverrunStyle.ELLIPSIS);
        if (tooltip != null && !tooltip.isBlank()) {
            badge.setTooltip(tip(tooltip));
        }
        return badge;
    }

    /** A tooltip that wraps at a readable width instead of running off the screen. */
    static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(TOOLTIP_WIDTH);
        tooltip.setShowDuration(javafx.util.Duration.seconds(20));
        return tooltip;
    }

    /** {@code text} in at most two lines of {@code width} in {@code font}, see {@link CardNameLayout}. */
    private static String nameLines(String text, javafx.scene.text.Font font, double width) {
        Text probe = new Text();
        probe.setFont(font);
        // A little slack: the label's own clipping must never get to add a second "…".
        return CardNameLayout.lines(text, s -> {
            probe.setText(s);
            return probe.getLayoutBounds().getWidth();
        }, width - 6, 2);
    }

    /** The height of one line of {@code label}'s text in its font. */
    private static double lineHeight(Label label) {
        Text probe = new Text("Ag");
        probe.setFont(label.getFont());
        return Math.ceil(probe.getLayoutBounds().getHeight());
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
