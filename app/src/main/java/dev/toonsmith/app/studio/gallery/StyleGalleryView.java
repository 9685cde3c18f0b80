package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The style gallery: a header with Import, the cards, a friendly empty state when no style is installed,
 * and the files of the styles folder that could not be offered. Dropping a {@code .toon} imports it.
 */
public final class StyleGalleryView extends VBox {

    private final GalleryViewModel gallery;
    private final FlowPane cards = new FlowPane();
    private final double cardWidth;
    private final boolean managing;

    public StyleGalleryView(GalleryViewModel gallery, Texts texts, Dialogs dialogs, double cardWidth) {
        this(gallery, texts, dialogs, cardWidth, false);
    }

    /**
     * @param managing whether the header also offers "Import model…" (TorchScript or ONNX) and the cards an
     *     "Export as ONNX…" button besides their context menu, as the Styles page does
     */
    public StyleGalleryView(GalleryViewModel gallery, Texts texts, Dialogs dialogs, double cardWidth,
            boolean managing) {
        this(gallery, texts, dialogs, cardWidth, managing, managing);
    }

    /**
     * @param managing whether the cards offer an "Export as ONNX…" button besides their context menu
     * @param offerModels whether the header also offers "Import model…" (TorchScript or ONNX)
     */
    public StyleGalleryView(GalleryViewModel gallery, Texts texts, Dialogs dialogs, double cardWidth,
            boolean managing, boolean offerModels) {
        this.gallery = gallery;
        this.cardWidth = cardWidth;
        this.managing = managing;
        getStyleClass().add("style-gallery");
        setSpacing(8);

        Label title = new Label(texts.get("gallery.title"));
        title.getStyleClass().add("section-title");
        Button importButton = new Button(texts.get("gallery.import"), new FontIcon(Material2AL.ADD));
        importButton.setId("import-style");
        importButton.getStyleClass().addAll("flat", "small");
        importButton.setOnAction(e -> dialogs.chooseStyle(getScene().getWindow(), gallery.userFolder().orElse(null))
                .ifPresent(gallery::importStyle));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, importButton);
        if (offerModels) {
            Button importModel = new Button(texts.get("gallery.importModel"), new FontIcon(Material2AL.INPUT));
            importModel.setId("import-model");
            importModel.getStyleClass().addAll("flat", "small");
            importModel.setTooltip(new javafx.scene.control.Tooltip(texts.get("gallery.importModel.tooltip")));
            importModel.setOnAction(e -> importModel(dialogs));
            header.getChildren().add(importModel);
        }
        header.setAlignment(Pos.CENTER_LEFT);

        cards.setHgap(8);
        cards.setVgap(8);
        cards.getStyleClass().add("style-cards");

        Label empty = new Label();
        empty.getStyleClass().add("empty-hint");
        empty.setWrapText(true);
        empty.setId("gallery-empty");
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.format("gallery.empty", gallery.userFolder().map(Object::toString).orElse("")),
                gallery.loadedProperty()));
        empty.visibleProperty().bind(gallery.emptyProperty().and(gallery.loadedProperty()));
        empty.managedProperty().bind(empty.visibleProperty());

        VBox problems = new VBox(4);
        problems.getStyleClass().add("gallery-problems");
        gallery.problems().addListener((ListChangeListener<String>) c -> showProblems(problems, texts));

        getChildren().addAll(header, cards, empty, problems);
        rebuild(dialogs, texts);
        gallery.cards().addListener((ListChangeListener<StyleCardViewModel>) c -> rebuild(dialogs, texts));
        gallery.selectedProperty().addListener((obs, was, now) -> markSelected());

        setOnDragOver(e -> {
            if (hasStyleFile(e)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            if (hasStyleFile(e)) {
                e.getDragboard().getFiles().stream().map(File::toPath)
                        .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".toon"))
                        .forEach(gallery::importStyle);
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    /** Asks for a model file and its details, then imports it in the background. */
    private void importModel(Dialogs dialogs) {
        dialogs.chooseModel(getScene().getWindow(), null).ifPresent(model -> importModel(gallery, dialogs,
                getScene().getWindow(), model));
    }

    /**
     * Asks the details of importing {@code model} (the "Import model" dialog, filled from what the file says about
     * itself), then imports it in the background: what "Import model…" does once a file is chosen, and what a model
     * file dropped on the window does. FX thread.
     */
    public static void importModel(GalleryViewModel gallery, Dialogs dialogs, Window owner, Path model) {
        ImportModelViewModel form = gallery.newModelImport(model);
        if (dialogs.askModelImport(owner, form)) {
            gallery.importModel(form);
        }
    }

    /** Asks where to write the card's style as ONNX (proposing {@code <style id>.onnx}), then exports it. */
    private void exportOnnx(Dialogs dialogs, StyleCardViewModel card) {
        gallery.proposedOnnxTarget(card).flatMap(p -> dialogs.chooseOnnxTarget(getScene().getWindow(), p))
                .ifPresent(target -> gallery.exportOnnx(card, target));
    }

    private static boolean hasStyleFile(DragEvent e) {
        return e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream()
                .anyMatch(f -> f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".toon"));
    }

    private void rebuild(Dialogs dialogs, Texts texts) {
        List<StyleCardView> views = gallery.cards().stream().map(card -> new StyleCardView(card, texts, cardWidth,
                c -> gallery.selectedProperty().set(c), c -> {
                    if (dialogs.confirmDeleteStyle(getScene().getWindow(), c.name())) {
                        gallery.delete(c);
                    }
                }, c -> exportOnnx(dialogs, c), managing)).toList();
        cards.getChildren().setAll(views);
        markSelected();
    }

    private void markSelected() {
        StyleCardViewModel selected = gallery.selected();
        cards.getChildren().forEach(n -> ((StyleCardView) n).setSelected(((StyleCardView) n).card() == selected));
    }

    private void showProblems(VBox box, Texts texts) {
        box.getChildren().setAll(gallery.problems().stream().map(p -> {
            Label label = new Label(p, new FontIcon(Material2AL.ERROR_OUTLINE));
            label.setWrapText(true);
            label.getStyleClass().add("problem");
            return label;
        }).toList());
    }
}
