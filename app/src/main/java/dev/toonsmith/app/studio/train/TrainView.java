package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.engine.train.RunState;
import dev.toonsmith.engine.train.RunSummary;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Path;
import java.util.function.Supplier;
import dev.toonsmith.app.studio.notify.PageMessageBar;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Train page's frame: the runs list on the left (with a new-run button), a message bar, and the wizard, the run
 * on show, or a welcome in the middle.
 */
public final class TrainView extends BorderPane {

    private final TrainViewModel page;
    private final Texts texts;
    private final Dialogs dialogs;
    private final StackPane main = new StackPane();
    private final NewRunView wizard;
    private final Region welcome;
    private RunView runView;
    private boolean visibleOnScreen;

    public TrainView(TrainViewModel page, Texts texts, Dialogs dialogs, Supplier<Path> startFolder) {
        this.page = page;
        this.texts = texts;
        this.dialogs = dialogs;
        getStyleClass().add("train-page");
        wizard = new NewRunView(page.wizard(), page, texts, dialogs, startFolder);
        welcome = welcome();
        setLeft(runsPanel());
        setTop(messageBar());
        setCenter(main);
        page.showingProperty().addListener((obs, was, now) -> showMain());
        page.shownProperty().addListener((obs, was, now) -> {
            if (runView != null) {
                runView.dispose();
            }
            runView = now == null ? null : new RunView(now, page, texts, dialogs);
            if (runView != null) {
                runView.setVisibleOnScreen(visibleOnScreen);
            }
            showMain();
        });
        showMain();
    }

    private void showMain() {
        Node content = switch (page.showingProperty().get()) {
            case WIZARD -> wizard;
            case RUN -> runView == null ? welcome : runView;
            case WELCOME -> welcome;
        };
        main.getChildren().setAll(content);
    }

    private Region runsPanel() {
        Label heading = new Label(texts.get("train.runs"));
        heading.getStyleClass().add("section-title");
        Button newRun = new Button(texts.get("train.newRun"), new FontIcon(Material2AL.ADD));
        newRun.setId("new-run");
        newRun.getStyleClass().add("accent");
        newRun.setMaxWidth(Double.MAX_VALUE);
        newRun.setOnAction(e -> page.newRun());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().addAll("flat", "small");
        refresh.setOnAction(e -> page.refreshRuns());
        HBox top = new HBox(8, heading, new Region(), refresh);
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<RunSummary> list = new ListView<>(page.runs());
        list.setId("runs-list");
        list.setPlaceholder(placeholder(texts.get("train.runs.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunSummary r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(r.name());
                name.getStyleClass().add("run-name");
                TrainRunViewModel active = page.activeProperty().get();
                boolean live = active != null && active.folder().root().equals(r.folder());
                Label state = new Label(live && active.phase() == RunPhase.PAUSED
                        ? texts.format("train.state.paused", active.step())
                        : live ? texts.get("train.state.live")
                        : r.state() == RunState.UNREADABLE ? texts.get("train.state.unreadable")
                        : texts.format("train.state." + r.state().name().toLowerCase(java.util.Locale.ROOT),
                                r.stepsDone(), r.stepsPlanned()));
                state.getStyleClass().add("run-state");
                state.setId(live ? "live-run-state" : null);
                Label mode = new Label(r.mode() == null ? "" : r.mode() + " · " + r.architecture());
                mode.getStyleClass().add("run-state");
                setGraphic(new VBox(1, name, state, mode));
                setText(null);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                page.open(now);
            }
        });
        // One name for going on with a run, paused or stopped, wherever the button is.
        Button resume = new Button(texts.get("train.resume"), new FontIcon(Material2MZ.PLAY_ARROW));
        resume.setId("resume-selected");
        resume.setMaxWidth(Double.MAX_VALUE);
        resume.setDisable(true);
        Runnable updateResume = () -> {
            RunSummary s = list.getSelectionModel().getSelectedItem();
            TrainRunViewModel active = page.activeProperty().get();
            resume.setDisable(s == null || (active == null ? s.state() != RunState.RESUMABLE
                    : !(active.phase() == RunPhase.PAUSED && active.folder().root().equals(s.folder()))));
        };
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> updateResume.run());
        resume.setOnAction(e -> {
            RunSummary s = list.getSelectionModel().getSelectedItem();
            TrainRunViewModel active = page.activeProperty().get();
            if (active != null && s != null && active.folder().root().equals(s.folder())) {
                active.resume();
            } else {
                page.resume(s);
            }
        });
        // The live run's entry follows its phase: "training now", "paused at step 340".
        javafx.beans.value.ChangeListener<RunPhase> onPhase = (obs, was, now) -> {
            list.refresh();
            updateResume.run();
        };
        page.activeProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.phaseProperty().removeListener(onPhase);
            }
            if (now != null) {
                now.phaseProperty().addListener(onPhase);
            }
            list.refresh();
            updateResume.run();
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox panel = new VBox(8, top, newRun, list, resume);
        panel.setPadding(new Insets(14, 10, 10, 12));
        panel.setPrefWidth(240);
        panel.getStyleClass().add("runs-panel");
        return panel;
    }

    private Region messageBar() {
        return PageMessageBar.of("train-message", page.messageProperty(), page.messageIsProblemProperty(),
                page::dismissMessage);
    }

    private Region welcome() {
        Label heading = new Label(texts.get("train.welcome.heading"));
        heading.getStyleClass().add("page-title");
        Label body = new Label(texts.get("train.welcome.body"));
        body.setWrapText(true);
        body.getStyleClass().add("page-intro");
        body.setMaxWidth(620);
        Button start = new Button(texts.get("train.newRun"), new FontIcon(Material2AL.ADD));
        start.getStyleClass().add("accent");
        start.setOnAction(e -> page.newRun());
        VBox box = new VBox(14, heading, body, start);
        box.setPadding(new Insets(40));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    /** Called as the page is shown or hidden; charts redraw only while shown. */
    public void setVisibleOnScreen(boolean now) {
        visibleOnScreen = now;
        if (runView != null) {
            runView.setVisibleOnScreen(now);
        }
    }

    /** The run view on show, for tests. */
    RunView runView() {
        return runView;
    }
}
