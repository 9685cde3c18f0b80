package dev.toonsmith.app.studio.batch;

import dev.toonsmith.app.studio.adjust.PresetCell;
import dev.toonsmith.app.studio.adjust.PresetChoice;
import dev.toonsmith.app.studio.canvas.FxImages;
import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.gallery.StyleCardViewModel;
import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.engine.batch.ExistingOutput;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.toonsmith.app.studio.notify.PageMessageBar;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Batch page: the queue in the middle (a table that takes dropped photos and folders), the settings on the
 * right, progress and the run's buttons below. It only binds to the {@link BatchViewModel}.
 */
public final class BatchView extends BorderPane {

    private final BatchViewModel page;
    private final Texts texts;
    private final Dialogs dialogs;
    private final Supplier<Path> startFolder;
    /** Held so the bidirectional bindings to the spinners are not collected with their adapters. */
    private final ObjectProperty<Integer> qualityValue;
    private final ObjectProperty<Integer> maxEdgeValue;
    private final TableView<BatchRow> table = new TableView<>();

    public BatchView(BatchViewModel page, Texts texts, Dialogs dialogs, Supplier<Path> startFolder) {
        this.page = page;
        this.texts = texts;
        this.dialogs = dialogs;
        this.startFolder = startFolder;
        this.qualityValue = page.qualityProperty().asObject();
        this.maxEdgeValue = page.maxEdgeProperty().asObject();
        getStyleClass().add("batch-page");
        setCenter(queue());
        setRight(settings());
        acceptDrops();
    }

    private void acceptDrops() {
        // Handled here and consumed, so that the window's own drop handler (open in the Studio) does not see them.
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !page.runningProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                getStyleClass().remove("drop-target");
                getStyleClass().add("drop-target");
                e.consume();
            }
        });
        setOnDragExited(e -> getStyleClass().remove("drop-target"));
        setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                page.addInputs(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                e.setDropCompleted(true);
                e.consume();
            }
            getStyleClass().remove("drop-target");
        });
    }

    /**
     * How the last batch went, or why it stopped: below the queue, beside Start, where it takes room from the table
     * instead of pushing the page's buttons away from under the pointer.
     */
    private Region messageBar() {
        return PageMessageBar.of("batch-message", page.messageProperty(), page.messageIsProblemProperty(),
                page::dismissMessage);
    }

    /** A field's problem, in red beside the field; it takes no room while there is none. */
    private static Label fieldProblem(String id, ObservableValue<String> problem) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-problem-text");
        label.setWrapText(true);
        label.textProperty().bind(problem);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Marks {@code field} as wrong while {@code problem} is set. */
    private static void markWhile(Node field, ObservableValue<String> problem) {
        javafx.css.PseudoClass wrong = javafx.css.PseudoClass.getPseudoClass("problem");
        field.pseudoClassStateChanged(wrong, !problem.getValue().isEmpty());
        problem.addListener((obs, was, now) -> field.pseudoClassStateChanged(wrong, !now.isEmpty()));
    }

    /**
     * Where the desktop could not open a folder (no file manager): its path, selectable, and a button that copies
     * it, instead of an error about URIs.
     */
    private Region unopenedFolder() {
        Label says = new Label(texts.get("batch.open.noFileManager"));
        says.setMinWidth(Region.USE_PREF_SIZE);
        TextField path = new TextField();
        path.setId("batch-unopened-folder");
        path.setEditable(false);
        path.textProperty().bind(Bindings.createStringBinding(() -> page.unopenedFolderProperty().get() == null ? ""
                : page.unopenedFolderProperty().get().toString(), page.unopenedFolderProperty()));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button copy = new Button(texts.get("batch.open.copy"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("batch-copy-folder");
        copy.setOnAction(e -> {
            copyToClipboard(path.getText());
            path.selectAll();
            path.requestFocus();
        });
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll("flat", "small");
        close.setOnAction(e -> page.dismissUnopenedFolder());
        HBox bar = new HBox(8, says, path, copy, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("batch-folder-note");
        bar.visibleProperty().bind(page.unopenedFolderProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static void copyToClipboard(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    // ---- the queue ----

    private Region queue() {
        Label heading = new Label(texts.get("batch.heading"));
        heading.getStyleClass().add("page-title");
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> page.rows().isEmpty() ? "" : texts.format("batch.queue.count", page.rows().size()),
                page.rows()));
        Label intro = new Label(texts.get("batch.intro"));
        intro.getStyleClass().add("page-intro");
        intro.setWrapText(true);

        Button addFiles = new Button(texts.get("batch.addFiles"), new FontIcon(Material2AL.ADD_PHOTO_ALTERNATE));
        addFiles.setId("batch-add-files");
        addFiles.setOnAction(e -> {
            List<Path> chosen = dialogs.chooseImages(getScene().getWindow(), startFolder.get());
            if (!chosen.isEmpty()) {
                page.addInputs(chosen);
            }
        });
        Button addFolder = new Button(texts.get("batch.addFolder"), new FontIcon(Material2AL.CREATE_NEW_FOLDER));
        addFolder.setId("batch-add-folder");
        addFolder.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), texts.get("batch.addFolder.title"),
                startFolder.get()).ifPresent(folder -> page.addInputs(List.of(folder))));
        Button clear = new Button(texts.get("batch.clear"), new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("batch-clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> page.clearInputs());
        clear.disableProperty().bind(page.runningProperty().or(Bindings.isEmpty(page.inputs())));
        addFiles.disableProperty().bind(page.runningProperty());
        addFolder.disableProperty().bind(page.runningProperty());
        HBox titleRow = new HBox(10, heading, count, spacer(), addFiles, addFolder, clear);
        titleRow.setAlignment(Pos.BASELINE_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        // Everything that comes and goes sits between the table and the buttons: the table gives up the room.
        VBox box = new VBox(10, titleRow, intro, table, fieldProblem("batch-inputs-problem",
                page.inputsProblemProperty()), messageBar(), unopenedFolder(), progressRow(), failures(), runButtons());
        box.setPadding(new Insets(16, 16, 14, 18));
        box.getStyleClass().add("batch-queue");
        return box;
    }

    private void buildTable() {
        table.setId("batch-table");
        table.setItems(page.rows());
        table.getStyleClass().add("batch-table");
        Label placeholder = new Label(texts.get("batch.queue.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        placeholder.setMaxWidth(420);
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);

        TableColumn<BatchRow, Raster> picture = new TableColumn<>(texts.get("batch.column.picture"));
        picture.setCellValueFactory(c -> c.getValue().thumbnailProperty());
        picture.setCellFactory(c -> new ThumbnailCell());
        picture.setMinWidth(BatchViewModel.THUMBNAIL_EDGE + 16);
        picture.setMaxWidth(BatchViewModel.THUMBNAIL_EDGE + 16);
        picture.setSortable(false);

        TableColumn<BatchRow, String> name = column(texts.get("batch.column.name"),
                r -> new ReadOnlyObjectWrapper<>(r.name()));
        name.setPrefWidth(200);
        TableColumn<BatchRow, String> status = column(texts.get("batch.column.status"),
                r -> Bindings.createStringBinding(() -> texts.get(r.status().textKey()), r.statusProperty()));
        status.setMinWidth(90);
        status.setMaxWidth(120);
        TableColumn<BatchRow, String> time = column(texts.get("batch.column.time"), BatchRow::timeProperty);
        time.setMinWidth(60);
        time.setMaxWidth(80);
        time.getStyleClass().add("numeric");
        TableColumn<BatchRow, String> reason = column(texts.get("batch.column.reason"), BatchRow::reasonProperty);
        reason.setPrefWidth(360);
        reason.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // Two or three lines fit beside a thumbnail; the whole sentence is in the tooltip.
                setWrapText(true);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        table.getColumns().setAll(List.of(picture, name, status, time, reason));
        table.setRowFactory(t -> {
            StatusRow row = new StatusRow();
            row.setOnMouseClicked(e -> {
                if (row.getItem() == null) {
                    return;
                }
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                    openRow(row.getItem());
                } else if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                    // From the click itself, not the platform's context-menu event, which not every platform sends.
                    row.getTableView().getSelectionModel().select(row.getIndex());
                    showRowMenu(row, e.getScreenX(), e.getScreenY());
                }
            });
            row.setOnContextMenuRequested(e -> {
                if (row.getItem() != null && e.isKeyboardTrigger()) {
                    javafx.geometry.Point2D at = row.localToScreen(20, row.getHeight() / 2);
                    showRowMenu(row, at.getX(), at.getY());
                }
                e.consume();
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            BatchRow selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && selected != null) {
                openRow(selected);
                e.consume();
            }
        });
    }

    private ContextMenu shownMenu;

    private void showRowMenu(TableRow<BatchRow> row, double x, double y) {
        if (shownMenu != null) {
            shownMenu.hide();
        }
        shownMenu = rowMenu(row.getItem());
        shownMenu.show(row, x, y);
    }

    /** A double-click (or Enter): the result in a preview window; a row with no result yet opens in the Studio. */
    private void openRow(BatchRow row) {
        if (page.hasResult(row)) {
            preview(row);
        } else {
            page.openInStudio(row);
        }
    }

    /** The row's menu: its result previewed, its photo in the Studio, its folder, its path. */
    ContextMenu rowMenu(BatchRow row) {
        MenuItem preview = new MenuItem(texts.get("batch.row.preview"), new FontIcon(Material2MZ.PREVIEW));
        preview.setId("batch-row-preview");
        preview.setDisable(!page.hasResult(row));
        preview.setOnAction(e -> preview(row));
        MenuItem studio = new MenuItem(texts.get("batch.row.openInStudio"), new FontIcon(Material2MZ.PALETTE));
        studio.setId("batch-row-studio");
        studio.setOnAction(e -> page.openInStudio(row));
        MenuItem folder = new MenuItem(texts.get("batch.row.showInFolder"), new FontIcon(Material2AL.FOLDER_OPEN));
        folder.setId("batch-row-folder");
        folder.setOnAction(e -> page.showInFolder(row));
        MenuItem copy = new MenuItem(texts.get("batch.row.copyPath"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("batch-row-copy");
        copy.setOnAction(e -> copyToClipboard(page.fileOf(row).toString()));
        return new ContextMenu(preview, studio, folder, copy);
    }

    /** The result in a window of its own, fitted to it, with the row's other actions. */
    private void preview(BatchRow row) {
        ImageView picture = new ImageView();
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        StackPane holder = new StackPane(picture);
        holder.getStyleClass().add("batch-preview");
        holder.setMinSize(200, 150);
        picture.fitWidthProperty().bind(holder.widthProperty());
        picture.fitHeightProperty().bind(holder.heightProperty());
        Label path = new Label(page.fileOf(row).toString());
        path.getStyleClass().add("muted");
        Button studio = new Button(texts.get("batch.row.openInStudio"), new FontIcon(Material2MZ.PALETTE));
        Button folder = new Button(texts.get("batch.row.showInFolder"), new FontIcon(Material2AL.FOLDER_OPEN));
        folder.setOnAction(e -> page.showInFolder(row));
        Button copy = new Button(texts.get("batch.row.copyPath"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setOnAction(e -> copyToClipboard(page.fileOf(row).toString()));
        HBox actions = new HBox(8, path, spacer(), studio, folder, copy);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 12, 10, 12));
        BorderPane content = new BorderPane(holder, null, null, actions, null);
        javafx.stage.Stage window = new javafx.stage.Stage();
        window.initOwner(getScene().getWindow());
        window.setTitle(texts.format("batch.preview.title", row.name()));
        javafx.scene.Scene scene = new javafx.scene.Scene(content, 900, 680);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        window.setScene(scene);
        studio.setOnAction(e -> {
            window.close();
            page.openInStudio(row);
        });
        page.loadResult(row, PREVIEW_EDGE, raster -> picture.setImage(FxImages.toFx(raster, null)));
        window.show();
    }

    /** The preview window's picture: enough for a large screen, without decoding a 40-megapixel file in full. */
    private static final int PREVIEW_EDGE = 2048;

    private static <T> TableColumn<BatchRow, T> column(String title,
            Function<BatchRow, ObservableValue<T>> value) {
        TableColumn<BatchRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setSortable(false);
        return column;
    }

    /** A row styled by its status, so failures stand out in a long queue. */
    private static final class StatusRow extends TableRow<BatchRow> {
        private final javafx.beans.value.ChangeListener<RowStatus> restyle = (obs, was, now) -> style(now);

        @Override
        protected void updateItem(BatchRow row, boolean empty) {
            BatchRow previous = getItem();
            if (previous != null) {
                previous.statusProperty().removeListener(restyle);
            }
            super.updateItem(row, empty);
            if (row != null && !empty) {
                row.statusProperty().addListener(restyle);
                style(row.status());
            } else {
                style(null);
            }
        }

        private void style(RowStatus status) {
            getStyleClass().removeIf(c -> c.startsWith("batch-row-"));
            if (status != null) {
                getStyleClass().add("batch-row-" + status.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static final class ThumbnailCell extends TableCell<BatchRow, Raster> {
        private final ImageView view = new ImageView();

        ThumbnailCell() {
            view.setFitWidth(BatchViewModel.THUMBNAIL_EDGE);
            view.setFitHeight(BatchViewModel.THUMBNAIL_EDGE);
            view.setPreserveRatio(true);
            setAlignment(Pos.CENTER);
            setMinHeight(BatchViewModel.THUMBNAIL_EDGE + 6);
        }

        @Override
        protected void updateItem(Raster raster, boolean empty) {
            super.updateItem(raster, empty);
            if (empty || raster == null) {
                view.setImage(null);
                setGraphic(empty ? null : view);
            } else {
                view.setImage(FxImages.toFx(raster, null));
                setGraphic(view);
            }
        }
    }

    private Region progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("batch-progress");
        bar.progressProperty().bind(page.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = new Label();
        text.setId("batch-progress-text");
        text.textProperty().bind(page.progressTextProperty());
        text.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node failures() {
        Label failures = new Label();
        failures.setId("batch-failures");
        failures.setWrapText(true);
        failures.getStyleClass().add("batch-failures");
        failures.textProperty().bind(page.failuresProperty());
        failures.visibleProperty().bind(page.failuresProperty().isNotEmpty());
        failures.managedProperty().bind(failures.visibleProperty());
        return failures;
    }

    private Region runButtons() {
        Button start = new Button(texts.get("batch.start"), new FontIcon(Material2MZ.PLAY_ARROW));
        start.setId("batch-start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(false);
        start.disableProperty().bind(page.canStartProperty().not());
        start.setOnAction(e -> page.start());
        // A disabled button shows no tooltip, so the reason is written beside it.
        Label hint = new Label();
        hint.setId("batch-start-hint");
        hint.getStyleClass().add("muted");
        hint.textProperty().bind(page.startHintProperty());
        Button cancel = new Button(texts.get("batch.cancel"), new FontIcon(Material2MZ.STOP));
        cancel.setId("batch-cancel");
        cancel.disableProperty().bind(page.runningProperty().not().or(page.cancellingProperty()));
        cancel.setOnAction(e -> page.cancel());
        Button open = new Button(texts.get("batch.openOutput"), new FontIcon(Material2AL.FOLDER_OPEN));
        open.setId("batch-open-output");
        open.disableProperty().bind(page.finishedFolderProperty().isNull().and(page.outputFolderProperty().isNull()));
        open.setOnAction(e -> page.openOutputFolder());
        HBox row = new HBox(8, start, cancel, hint, spacer(), open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    // ---- the settings ----

    private Region settings() {
        Label heading = new Label(texts.get("batch.settings"));
        heading.getStyleClass().add("section-title");

        Label output = new Label();
        output.setId("batch-output-folder");
        output.getStyleClass().add("batch-output-path");
        output.setWrapText(true);
        markWhile(output, page.outputProblemProperty());
        Label outputNote = new Label();
        outputNote.setId("batch-output-note");
        outputNote.getStyleClass().addAll("muted", "field-note");
        outputNote.setWrapText(true);
        outputNote.textProperty().bind(page.outputNoteProperty());
        outputNote.visibleProperty().bind(outputNote.textProperty().isNotEmpty());
        outputNote.managedProperty().bind(outputNote.visibleProperty());
        output.textProperty().bind(Bindings.createStringBinding(() -> page.outputFolderProperty().get() == null
                ? texts.get("batch.output.none") : page.outputFolderProperty().get().toString(),
                page.outputFolderProperty()));
        Button chooseOutput = new Button(texts.get("batch.output.choose"), new FontIcon(Material2AL.FOLDER));
        chooseOutput.setId("batch-choose-output");
        chooseOutput.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), texts.get("batch.output.title"),
                page.outputFolderProperty().get() != null ? page.outputFolderProperty().get() : startFolder.get())
                .ifPresent(page.outputFolderProperty()::set));
        CheckBox recursive = new CheckBox(texts.get("batch.recursive"));
        recursive.setId("batch-recursive");
        recursive.setWrapText(true);
        recursive.selectedProperty().bindBidirectional(page.recursiveProperty());

        ComboBox<StyleCardViewModel> style = new ComboBox<>(page.styles());
        style.setId("batch-style");
        style.valueProperty().bindBidirectional(page.styleProperty());
        style.setMaxWidth(Double.MAX_VALUE);

        Slider strength = new Slider(0, 1, 1);
        strength.setId("batch-strength");
        strength.valueProperty().bindBidirectional(page.strengthProperty());
        Label strengthValue = new Label();
        strengthValue.getStyleClass().add("numeric");
        strengthValue.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(page.strengthProperty().get() * 100) + " %", page.strengthProperty()));
        strengthValue.setMinWidth(44);
        HBox.setHgrow(strength, Priority.ALWAYS);
        HBox strengthRow = new HBox(8, strength, strengthValue);
        strengthRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<PresetChoice> preset = new ComboBox<>(page.presets());
        preset.setId("batch-preset");
        preset.valueProperty().bindBidirectional(page.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        // "Clean cel, modified" when the Studio page's sliders came along: the batch renders the changed look.
        preset.setButtonCell(new PresetCell(page.presetLabelProperty(), page.presetModifiedProperty()));
        preset.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PresetChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : page.presetText(item));
            }
        });

        Button useCurrent = new Button(texts.get("batch.useCurrentLook"), new FontIcon(Material2MZ.PALETTE));
        useCurrent.setId("batch-use-current");
        useCurrent.setTooltip(new Tooltip(texts.get("batch.useCurrentLook.tip")));
        useCurrent.setOnAction(e -> page.useCurrentLook());
        useCurrent.setMaxWidth(Double.MAX_VALUE);

        ComboBox<OutputChoice> format = new ComboBox<>();
        format.getItems().setAll(OutputChoice.values());
        format.setId("batch-format");
        format.setConverter(converter(c -> texts.get(c.textKey())));
        format.valueProperty().bindBidirectional(page.formatProperty());
        format.setMaxWidth(Double.MAX_VALUE);

        Spinner<Integer> quality = new Spinner<>(1, 100, page.qualityProperty().get());
        quality.setId("batch-quality");
        quality.setEditable(true);
        quality.getValueFactory().valueProperty().bindBidirectional(qualityValue);
        quality.disableProperty().bind(Bindings.createBooleanBinding(
                () -> page.formatProperty().get() != null && !page.formatProperty().get().lossy(),
                page.formatProperty()));
        quality.setMaxWidth(Double.MAX_VALUE);

        Spinner<Integer> maxEdge = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                BatchViewModel.MAX_EDGE_LIMIT, page.maxEdgeProperty().get(), 256));
        maxEdge.setId("batch-max-edge");
        maxEdge.setEditable(true);
        maxEdge.getValueFactory().valueProperty().bindBidirectional(maxEdgeValue);
        maxEdge.setTooltip(new Tooltip(texts.get("batch.maxEdge.tip")));
        maxEdge.setPrefWidth(110);
        Label maxEdgeUnit = new Label(texts.get("batch.maxEdge.full"));
        maxEdgeUnit.getStyleClass().add("muted");
        HBox maxEdgeRow = new HBox(8, maxEdge, maxEdgeUnit);
        maxEdgeRow.setAlignment(Pos.CENTER_LEFT);

        TextField template = new TextField();
        template.setId("batch-name-template");
        template.textProperty().bindBidirectional(page.nameTemplateProperty());
        template.setTooltip(new Tooltip(texts.get("batch.nameTemplate.tip")));
        markWhile(template, page.templateProblemProperty());

        ComboBox<ExistingOutput> onExists = new ComboBox<>();
        onExists.getItems().setAll(ExistingOutput.values());
        onExists.setId("batch-on-exists");
        onExists.setConverter(converter(o -> texts.get("batch.onExists." + o.name().toLowerCase(Locale.ROOT))));
        onExists.valueProperty().bindBidirectional(page.onExistsProperty());
        onExists.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.add(fieldLabel("batch.output"), 0, row);
        grid.add(chooseOutput, 1, row++);
        grid.add(output, 0, row++, 2, 1);
        grid.add(outputNote, 0, row++, 2, 1);
        grid.add(fieldProblem("batch-output-problem", page.outputProblemProperty()), 0, row++, 2, 1);
        grid.add(recursive, 0, row++, 2, 1);
        grid.add(separator(), 0, row++, 2, 1);
        grid.add(fieldLabel("batch.style"), 0, row);
        grid.add(style, 1, row++);
        grid.add(fieldLabel("batch.strength"), 0, row);
        grid.add(strengthRow, 1, row++);
        grid.add(fieldLabel("batch.preset"), 0, row);
        grid.add(preset, 1, row++);
        grid.add(useCurrent, 1, row++);
        grid.add(fieldProblem("batch-look-problem", page.lookProblemProperty()), 0, row++, 2, 1);
        grid.add(separator(), 0, row++, 2, 1);
        grid.add(fieldLabel("batch.format"), 0, row);
        grid.add(format, 1, row++);
        grid.add(fieldLabel("batch.quality"), 0, row);
        grid.add(quality, 1, row++);
        grid.add(fieldLabel("batch.maxEdge"), 0, row);
        grid.add(maxEdgeRow, 1, row++);
        grid.add(fieldLabel("batch.nameTemplate"), 0, row);
        grid.add(template, 1, row++);
        grid.add(fieldProblem("batch-template-problem", page.templateProblemProperty()), 0, row++, 2, 1);
        grid.add(fieldLabel("batch.onExists"), 0, row);
        grid.add(onExists, 1, row++);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        // The settings are copied when a batch starts; changing them during it would only mislead.
        grid.disableProperty().bind(page.runningProperty());

        VBox panel = new VBox(12, heading, grid);
        panel.setPadding(new Insets(16, 16, 14, 14));
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("batch-settings");
        scroll.setPrefWidth(390);
        scroll.setMinWidth(330);
        return scroll;
    }

    private Label fieldLabel(String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Region separator() {
        javafx.scene.control.Separator separator = new javafx.scene.control.Separator();
        separator.setPadding(new Insets(4, 0, 4, 0));
        return separator;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    /** The queue, for tests. */
    TableView<BatchRow> table() {
        return table;
    }
}
