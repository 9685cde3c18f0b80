package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.studio.adjust.AdjustmentsView;
import dev.toonsmith.app.studio.canvas.CompareView;
import dev.toonsmith.app.studio.canvas.ViewportModel;
import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.export.ExportView;
import dev.toonsmith.app.studio.gallery.StyleGalleryView;
import dev.toonsmith.app.studio.notify.NotificationView;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Studio page: the before/after canvases with their toolbar and the Samples strip, and on the right
 * the style gallery, the sliders and export. The pictures get all the room the panel leaves.
 */
public final class WorkspaceView extends BorderPane {

    public static final double SIDE_PANEL_WIDTH = 344;

    private final WorkspaceViewModel workspace;
    private final CompareView compare;
    private final ExportView exportView;
    private final NotificationView notifications;

    public WorkspaceView(WorkspaceViewModel workspace, Texts texts, Dialogs dialogs, Supplier<Path> lastFolder) {
        this.workspace = workspace;
        getStyleClass().add("workspace");

        compare = new CompareView(workspace.viewport(), workspace.originalProperty(), workspace.resultProperty(),
                workspace.waitingProperty(), workspace.splitViewProperty(), workspace.splitPositionProperty(),
                texts.get("canvas.before"), texts.get("canvas.after"));

        VBox empty = emptyState(texts, () -> dialogs.chooseImage(getScene().getWindow(), lastFolder.get())
                .ifPresent(workspace::open));
        VBox opening = openingState(workspace);
        // From the first frame of a first launch the page says what it is doing, not "Open a photo to begin".
        opening.visibleProperty().bind(workspace.photoProperty().isNull().and(workspace.openingProperty().isNotEmpty()));
        empty.visibleProperty().bind(workspace.photoProperty().isNull().and(workspace.openingProperty().isEmpty()));
        compare.visibleProperty().bind(workspace.photoProperty().isNotNull());
        StackPane stage = new StackPane(compare, empty, opening);
        stage.getStyleClass().add("canvas-stage");
        notifications = new NotificationView(workspace.notifications(), stage);
        VBox.setVgrow(notifications, Priority.ALWAYS);

        SamplesStrip samples = new SamplesStrip(workspace.samples(), texts, workspace::open);
        VBox center = new VBox(toolbar(texts), notifications, samples);
        center.getStyleClass().add("workspace-center");
        setCenter(center);

        StyleGalleryView gallery = new StyleGalleryView(workspace.gallery(), texts, dialogs, 148, false, true);
        AdjustmentsView adjustments = new AdjustmentsView(workspace.adjustments(), texts, dialogs);
        exportView = new ExportView(workspace.export(), texts, dialogs, workspace.photoProperty().isNotNull());
        VBox panel = new VBox(14, gallery, new Separator(), adjustments, new Separator(), exportView);
        panel.getStyleClass().add("side-panel-content");
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("side-panel");
        scroll.setPrefWidth(SIDE_PANEL_WIDTH);
        scroll.setMinWidth(SIDE_PANEL_WIDTH);
        setRight(scroll);
    }

    private GridPane toolbar(Texts texts) {
        ViewportModel viewport = workspace.viewport();
        Label info = new Label();
        info.setId("image-info");
        info.getStyleClass().add("image-info");
        info.textProperty().bind(workspace.imageInfoProperty());

        Button zoomOut = iconButton("zoom-out", Material2MZ.ZOOM_OUT, texts.get("menu.view.zoomOut"), viewport::zoomOut);
        Button zoomIn = iconButton("zoom-in", Material2MZ.ZOOM_IN, texts.get("menu.view.zoomIn"), viewport::zoomIn);
        Button fit = iconButton("zoom-fit", Material2AL.CROP_FREE, texts.get("menu.view.fit"), viewport::fit);
        Button actual = new Button("1:1");
        actual.setId("zoom-actual");
        actual.getStyleClass().addAll("flat", "small");
        actual.setTooltip(new Tooltip(texts.get("menu.view.actual")));
        actual.setOnAction(e -> viewport.actualPixels());
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.getStyleClass().add("zoom-label");
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Math.round(viewport.zoom() * 100) + " %",
                viewport.zoomProperty()));
        ToggleButton split = new ToggleButton(texts.get("toolbar.split"), new FontIcon(Material2MZ.VERTICAL_SPLIT));
        split.setId("split-toggle");
        split.getStyleClass().add("small");
        split.setTooltip(new Tooltip(texts.get("menu.view.split")));
        split.selectedProperty().bindBidirectional(workspace.splitViewProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("render-busy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(workspace.renderingProperty());
        Label render = new Label();
        render.setId("render-info");
        render.getStyleClass().add("render-info");
        render.textProperty().bind(workspace.renderInfoProperty());

        HBox zoomGroup = new HBox(2, zoomOut, zoom, zoomIn, fit, actual);
        zoomGroup.setAlignment(Pos.CENTER);
        HBox controls = new HBox(10, zoomGroup, split);
        controls.setAlignment(Pos.CENTER);
        controls.setId("canvas-controls");
        HBox status = new HBox(8, busy, render);
        status.setAlignment(Pos.CENTER_RIGHT);
        info.setMinWidth(0);
        render.setMinWidth(0);
        // Three columns: the side ones start from nothing and share the room equally, so the controls stay centred
        // and never move when the photo's or the render's text changes length (long texts end in "…" instead).
        GridPane bar = new GridPane();
        bar.setHgap(10);
        ColumnConstraints side = new ColumnConstraints(0, 0, Double.MAX_VALUE, Priority.ALWAYS, HPos.LEFT, true);
        ColumnConstraints middle = new ColumnConstraints();
        middle.setHalignment(HPos.CENTER);
        ColumnConstraints end = new ColumnConstraints(0, 0, Double.MAX_VALUE, Priority.ALWAYS, HPos.RIGHT, true);
        bar.getColumnConstraints().setAll(side, middle, end);
        RowConstraints row = new RowConstraints();
        row.setValignment(VPos.CENTER);
        row.setVgrow(Priority.ALWAYS);
        bar.getRowConstraints().setAll(row);
        bar.addRow(0, info, controls, status);
        bar.getStyleClass().add("canvas-toolbar");
        bar.disableProperty().bind(workspace.photoProperty().isNull());
        return bar;
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "icon-button");
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static VBox emptyState(Texts texts, Runnable open) {
        FontIcon icon = new FontIcon(Material2AL.ADD_PHOTO_ALTERNATE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label(texts.get("workspace.empty.title"));
        title.getStyleClass().add("empty-title");
        Label hint = new Label(texts.get("workspace.empty.hint"));
        hint.getStyleClass().add("empty-hint");
        hint.setWrapText(true);
        Button button = new Button(texts.get("workspace.empty.open"), new FontIcon(Material2AL.FOLDER_OPEN));
        button.getStyleClass().add("accent");
        button.setOnAction(e -> open.run());
        VBox box = new VBox(12, icon, title, hint, button);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        box.setId("workspace-empty");
        box.getStyleClass().add("empty-state");
        return box;
    }

    /** A spinner and "Opening Grace Hopper…" while the page has no photo yet but one is on its way. */
    private static VBox openingState(WorkspaceViewModel workspace) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("pending-spinner");
        Label text = new Label();
        text.setId("opening-state");
        text.getStyleClass().add("empty-title");
        text.textProperty().bind(workspace.waitingProperty());
        VBox box = new VBox(16, spinner, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.setMouseTransparent(true);
        return box;
    }

    public CompareView compare() {
        return compare;
    }

    public ExportView exportView() {
        return exportView;
    }

    public NotificationView notificationView() {
        return notifications;
    }
}
