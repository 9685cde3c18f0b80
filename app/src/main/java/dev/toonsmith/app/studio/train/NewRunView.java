package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The new-run wizard's form: the two folders (chosen or dropped) with their counts, thumbnails and problems, the
 * run's main settings and a preset, the advanced options grouped, each with its name in words, its one-line
 * explanation under it and its {@code train} option in a tooltip; the form scrolls, and the start button with the
 * reason it is disabled stays in a footer below it, in view however long the form grows. Binds to a
 * {@link NewRunViewModel}.
 */
final class NewRunView extends javafx.scene.layout.BorderPane {

    private static final double THUMB = 64;

    NewRunView(NewRunViewModel wizard, TrainViewModel page, Texts texts, Dialogs dialogs, Supplier<Path> startFolder) {
        Label heading = new Label(texts.get("train.wizard.heading"));
        heading.getStyleClass().add("page-title");
        Label intro = new Label(texts.get("train.wizard.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("page-intro");

        Region photos = folderPane(texts.get("train.wizard.photos"), "photos", wizard.photosProperty(),
                wizard.photoCheckProperty(), wizard.photoSummaryProperty(), wizard.photoProblems(), texts, dialogs,
                startFolder);
        Region cartoons = folderPane(texts.get("train.wizard.cartoons"), "cartoons", wizard.cartoonsProperty(),
                wizard.cartoonCheckProperty(), wizard.cartoonSummaryProperty(), wizard.cartoonProblems(), texts,
                dialogs, startFolder);
        GridPane folders = new GridPane();
        folders.setHgap(14);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            folders.getColumnConstraints().add(half);
        }
        folders.addRow(0, photos, cartoons);

        ComboBox<TrainPreset> preset = new ComboBox<>(FXCollections.observableArrayList(TrainPreset.values()));
        preset.setId("wizard-preset");
        preset.valueProperty().bindBidirectional(wizard.presetProperty());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrainPreset p) {
                return p == null ? "" : texts.get(p.textKey());
            }

            @Override
            public TrainPreset fromString(String s) {
                return null;
            }
        });
        Label presetHelp = new Label();
        presetHelp.setWrapText(true);
        presetHelp.getStyleClass().add("muted");
        presetHelp.textProperty().bind(Bindings.createStringBinding(() -> wizard.presetProperty().get() == null ? ""
                : texts.get(wizard.presetProperty().get().textKey() + ".description"), wizard.presetProperty()));

        ChoiceBox<String> mode = new ChoiceBox<>(FXCollections.observableArrayList("cartoongan", "cyclegan"));
        mode.setId("wizard-mode");
        mode.valueProperty().bindBidirectional(wizard.modeProperty());
        ChoiceBox<String> arch = new ChoiceBox<>(FXCollections.observableArrayList("lite", "cartoongan"));
        arch.setId("wizard-arch");
        arch.valueProperty().bindBidirectional(wizard.architectureProperty());
        Spinner<Integer> size = new Spinner<>(32, 512, 128, 16);
        size.setId("wizard-size");
        size.setEditable(true);
        size.getValueFactory().valueProperty().bindBidirectional(wizard.sizeProperty().asObject());
        Spinner<Integer> steps = new Spinner<>(1, 1_000_000, 2000, 100);
        steps.setId("wizard-steps");
        steps.setEditable(true);
        steps.getValueFactory().valueProperty().bindBidirectional(wizard.stepsProperty().asObject());
        ComboBox<NewRunViewModel.StartChoice> from = new ComboBox<>(wizard.startChoices());
        from.setId("wizard-start-from");
        from.valueProperty().bindBidirectional(wizard.startFromProperty());
        from.setMaxWidth(320);
        TextField name = new TextField();
        name.setId("wizard-name");
        name.textProperty().bindBidirectional(wizard.runNameProperty());

        GridPane settings = new GridPane();
        settings.setHgap(10);
        settings.setVgap(8);
        settings.addRow(0, new Label(texts.get("train.wizard.preset")), preset, presetHelp);
        settings.addRow(1, new Label(texts.get("train.wizard.mode")), mode, help(texts.get("train.wizard.modeHelp")));
        settings.addRow(2, new Label(texts.get("train.wizard.arch")), arch, help(texts.get("train.wizard.archHelp")));
        settings.addRow(3, new Label(texts.get("train.wizard.size")), size, help(texts.get("train.wizard.sizeHelp")));
        settings.addRow(4, new Label(texts.get("train.wizard.steps")), steps, help(texts.get("train.wizard.stepsHelp")));
        settings.addRow(5, new Label(texts.get("train.wizard.startFrom")), from,
                help(texts.get("train.wizard.startFromHelp")));
        settings.addRow(6, new Label(texts.get("train.wizard.name")), name, help(texts.get("train.wizard.nameHelp")));
        GridPane.setHgrow(presetHelp, Priority.ALWAYS);

        TitledPane advanced = new TitledPane(texts.get("train.wizard.advanced"), advancedForm(wizard, texts));
        advanced.setExpanded(false);
        advanced.setId("wizard-advanced-pane");

        Button start = new Button(texts.get("train.wizard.start"), new FontIcon(Material2MZ.PLAY_ARROW));
        start.setId("start-run");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(wizard.refusalProperty().isNotEmpty());
        start.setOnAction(e -> page.startNewRun());
        Label refusal = new Label();
        refusal.setId("wizard-refusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().add("wizard-refusal");
        refusal.textProperty().bind(wizard.refusalProperty());
        HBox.setHgrow(refusal, Priority.ALWAYS);
        HBox startRow = new HBox(12, start, refusal);
        startRow.setAlignment(Pos.CENTER_LEFT);
        startRow.getStyleClass().add("wizard-footer");
        startRow.setId("wizard-footer");

        VBox form = new VBox(14, heading, intro, folders, settings, advanced);
        form.setPadding(new Insets(18, 22, 22, 22));
        form.getStyleClass().add("wizard");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        scroll.setId("wizard-scroll");
        setCenter(scroll);
        setBottom(startRow);
    }

    /** The advanced options by group: a label in words (the option in its tooltip), the editor, and a line on it. */
    private static Region advancedForm(NewRunViewModel wizard, Texts texts) {
        GridPane grid = new GridPane();
        grid.setId("wizard-advanced");
        grid.setHgap(12);
        grid.setVgap(2);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(190);
        javafx.scene.layout.ColumnConstraints editors = new javafx.scene.layout.ColumnConstraints();
        editors.setMinWidth(140);
        javafx.scene.layout.ColumnConstraints lines = new javafx.scene.layout.ColumnConstraints();
        lines.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, editors, lines);
        java.util.Map<String, List<AdvancedOption>> groups = new java.util.LinkedHashMap<>();
        for (String g : List.of("generator", "discriminator", "losses", "optimization", "run")) {
            groups.put(g, new java.util.ArrayList<>());
        }
        wizard.advanced().forEach(o -> groups.computeIfAbsent(o.category(), g -> new java.util.ArrayList<>()).add(o));
        int row = 0;
        for (var group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            Label title = new Label(texts.get("train.option.group." + group.getKey()));
            title.getStyleClass().add("option-group");
            grid.add(title, 0, row++, 3, 1);
            for (AdvancedOption option : group.getValue()) {
                Label name = new Label(option.label(texts));
                name.getStyleClass().add("option-label");
                name.setId("option-" + option.name());
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip("--" + option.name());
                name.setTooltip(tip);
                javafx.scene.Node editor = editor(option, texts.get("train.option.prompt"));
                Label line = help(option.explanation(texts));
                line.setId("option-help-" + option.name());
                line.setMinHeight(Region.USE_PREF_SIZE);
                GridPane.setValignment(name, javafx.geometry.VPos.TOP);
                GridPane.setValignment(editor, javafx.geometry.VPos.TOP);
                GridPane.setValignment(line, javafx.geometry.VPos.TOP);
                grid.addRow(row++, name, editor, line);
            }
        }
        grid.setPadding(new Insets(4, 4, 8, 4));
        return grid;
    }

    private static javafx.scene.Node editor(AdvancedOption option, String prompt) {
        if (option.type() == Boolean.class) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox();
            box.setSelected(Boolean.TRUE.equals(option.valueProperty().get()));
            box.selectedProperty().addListener((obs, was, now) -> option.valueProperty().set(now));
            option.valueProperty().addListener((obs, was, now) -> box.setSelected(Boolean.TRUE.equals(now)));
            box.setId("option-editor-" + option.name());
            return box;
        }
        TextField field = new TextField(String.valueOf(option.valueProperty().get() == null ? ""
                : option.valueProperty().get()));
        field.setPrefColumnCount(10);
        // Empty means the option is left out and train's own default applies (some depend on the architecture).
        field.setPromptText(prompt);
        field.textProperty().addListener((obs, was, now) -> option.valueProperty().set(now));
        option.valueProperty().addListener((obs, was, now) -> {
            String text = now == null ? "" : now.toString();
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
        });
        field.setId("option-editor-" + option.name());
        return field;
    }

    private static Label help(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    private Region folderPane(String title, String id, ObjectProperty<Path> folder, ReadOnlyObjectProperty<FolderCheck> check,
            ObservableValue<String> summary, ObservableList<String> problems, Texts texts, Dialogs dialogs,
            Supplier<Path> startFolder) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        Label path = new Label();
        path.setId(id + "-folder");
        path.textProperty().bind(Bindings.createStringBinding(() -> folder.get() == null
                ? texts.get("train.wizard.dropHere") : folder.get().toString(), folder));
        path.setWrapText(true);
        Button choose = new Button(texts.get("train.wizard.choose"), new FontIcon(Material2AL.FOLDER_OPEN));
        choose.setId("choose-" + id);
        choose.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), title,
                folder.get() != null ? folder.get() : startFolder.get()).ifPresent(folder::set));
        Label count = new Label();
        count.setId(id + "-summary");
        count.textProperty().bind(summary);
        // Wraps rather than being cut off: the summary may add a sentence on small images.
        count.setWrapText(true);
        count.setMinHeight(Region.USE_PREF_SIZE);
        // Wraps instead of widening the form: two folders side by side must fit any window.
        javafx.scene.layout.FlowPane thumbs = new javafx.scene.layout.FlowPane(4, 4);
        thumbs.setId(id + "-thumbnails");
        thumbs.setMinHeight(THUMB);
        thumbs.setMinWidth(0);
        thumbs.setPrefWrapLength(300);
        check.addListener((obs, was, now) -> {
            thumbs.getChildren().clear();
            if (now != null && now.survey() != null) {
                for (Path p : now.survey().samples(NewRunViewModel.THUMBNAILS)) {
                    ImageView v = new ImageView(new Image(p.toUri().toString(), THUMB * 2, THUMB, true, true, true));
                    v.setFitHeight(THUMB);
                    v.setPreserveRatio(true);
                    thumbs.getChildren().add(v);
                }
            }
        });
        ListView<String> problemList = new ListView<>(problems);
        problemList.setId(id + "-problems");
        problemList.setPrefHeight(80);
        problemList.getStyleClass().add("problem-list");
        problemList.visibleProperty().bind(Bindings.isNotEmpty(problems));
        problemList.managedProperty().bind(problemList.visibleProperty());
        problemList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        HBox top = new HBox(10, heading, choose);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, path, count, thumbs, problemList);
        box.getStyleClass().add("folder-drop");
        box.setPadding(new Insets(10));
        box.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.LINK);
                e.consume();
            }
        });
        box.setOnDragDropped(e -> {
            Optional<Path> dropped = e.getDragboard().getFiles().stream().map(File::toPath).findFirst()
                    .map(p -> Files.isDirectory(p) ? p : p.getParent());
            dropped.ifPresent(folder::set);
            e.setDropCompleted(dropped.isPresent());
            e.consume();
        });
        return box;
    }
}
