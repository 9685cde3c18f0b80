package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.engine.train.CheckpointInfo;
import dev.toonsmith.ui.UiResources.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One run on the Train page: progress and controls above, the loss, score and learning-rate charts on the left,
 * the sample grids, checkpoints and events on the right. Binds to a {@link TrainRunViewModel}; charts redraw only
 * while the page is visible, and at most as often as the ViewModel's throttled updates.
 */
final class RunView extends StackPane {

    /** Decimation buckets per series: a chart never draws more than four times this many points a series. */
    static final int BUCKETS = 500;
    private static final int HISTOGRAM_BINS = 12;
    private static final double CHECKPOINT_THUMB = 48;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final TrainRunViewModel run;
    private final Texts texts;
    private final MetricChart losses;
    private final MetricChart scores;
    private final MetricChart rate;
    private final BarChart<String, Number> histogram;
    private final FlowPane seriesToggles = new FlowPane(8, 4);
    private final Map<String, CheckBox> toggles = new HashMap<>();
    private final Slider smoothing = new Slider(0, 0.99, 0.6);
    private final CheckBox logScale;
    private final ChangeListener<Number> onRevision = (obs, was, now) -> redrawIfVisible();
    private final StackPane zoom = new StackPane();
    private boolean visible;
    private int drawnRevision = -1;

    RunView(TrainRunViewModel run, TrainViewModel page, Texts texts, Dialogs dialogs) {
        this.run = run;
        this.texts = texts;
        getStyleClass().add("run-view");
        losses = new MetricChart(texts.get("train.chart.loss"));
        scores = new MetricChart(texts.get("train.chart.score"));
        rate = new MetricChart(texts.get("train.chart.rate"));
        losses.setId("loss-chart");
        scores.setId("score-chart");
        histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
        histogram.setAnimated(false);
        histogram.setTitle(texts.get("train.chart.histogram"));
        histogram.setLegendVisible(true);
        histogram.setLegendSide(javafx.geometry.Side.TOP);
        histogram.setBarGap(0);
        histogram.setCategoryGap(1);
        histogram.getStyleClass().add("score-histogram");
        logScale = new CheckBox(texts.get("train.chart.log"));
        logScale.setId("log-scale");

        BorderPane content = new BorderPane();
        content.setTop(header(page));
        SplitPane split = new SplitPane(charts(), side(page, dialogs));
        split.setDividerPositions(0.58);
        content.setCenter(split);
        zoom.getStyleClass().add("sample-zoom");
        zoom.setId("sample-zoom");
        zoom.setVisible(false);
        zoom.setFocusTraversable(true);
        zoom.setOnMouseClicked(e -> closeZoom());
        zoom.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                closeZoom();
                e.consume();
            }
        });
        getChildren().addAll(content, zoom);

        smoothing.valueProperty().addListener((obs, was, now) -> redraw());
        logScale.selectedProperty().addListener((obs, was, now) -> redraw());
        run.chartRevisionProperty().addListener(onRevision);
    }

    private Region header(TrainViewModel page) {
        Label name = new Label(run.name());
        name.getStyleClass().add("page-title");
        Label phase = new Label();
        phase.setId("run-phase");
        phase.getStyleClass().add("run-phase");
        phase.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("train.phase." + run.phase().name().toLowerCase(java.util.Locale.ROOT)),
                run.phaseProperty()));
        Button pause = button("train.pause", Material2MZ.PAUSE, "pause-run");
        pause.setOnAction(e -> run.pause());
        pause.visibleProperty().bind(run.phaseProperty().isEqualTo(RunPhase.RUNNING));
        // One name, "Resume training", for going on with a paused run here and a stopped one here or in the list.
        Button resume = button("train.resume", Material2MZ.PLAY_ARROW, "resume-run");
        resume.setOnAction(e -> run.resume());
        resume.visibleProperty().bind(run.phaseProperty().isEqualTo(RunPhase.PAUSED));
        Button stop = button("train.stop", Material2MZ.STOP, "stop-run");
        stop.setOnAction(e -> run.stop());
        stop.visibleProperty().bind(run.phaseProperty().isEqualTo(RunPhase.RUNNING)
                .or(run.phaseProperty().isEqualTo(RunPhase.PAUSED)));
        Button continueRun = button("train.resume", Material2MZ.PLAY_ARROW, "continue-run");
        continueRun.setOnAction(e -> page.runs().stream().filter(s -> s.folder().equals(run.folder().root()))
                .findFirst().ifPresent(page::resume));
        continueRun.visibleProperty().bind(run.phaseProperty().isEqualTo(RunPhase.STOPPED)
                .or(run.phaseProperty().isEqualTo(RunPhase.FAILED)).or(run.phaseProperty().isEqualTo(RunPhase.FINISHED)));
        for (Button b : List.of(pause, resume, stop, continueRun)) {
            b.managedProperty().bind(b.visibleProperty());
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox title = new HBox(10, name, phase, grow, pause, resume, stop, continueRun);
        title.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(run.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = muted(run.progressTextProperty());
        progress.setId("run-progress-text");
        Label speed = muted(run.speedTextProperty());
        speed.setId("run-speed");
        // The slowdown note is long: it wraps rather than pushing the bar away.
        speed.setWrapText(true);
        speed.setMinWidth(120);
        HBox progressRow = new HBox(12, bar, progress, speed, muted(run.deviceTextProperty()));
        progressRow.setAlignment(Pos.CENTER_LEFT);
        Label health = new Label();
        health.setId("run-health");
        health.getStyleClass().add("run-health");
        health.setWrapText(true);
        health.textProperty().bind(run.healthTextProperty());
        health.setMaxWidth(Double.MAX_VALUE);
        run.healthWarningProperty().addListener((obs, was, now) -> setWarning(health, now));
        setWarning(health, run.healthWarningProperty().get());
        VBox box = new VBox(8, title, progressRow, health);
        box.setPadding(new Insets(14, 18, 10, 18));
        box.getStyleClass().add("run-header");
        return box;
    }

    private Region charts() {
        Label smoothingLabel = new Label();
        smoothingLabel.textProperty().bind(Bindings.createStringBinding(() -> texts.format("train.chart.smoothing",
                String.format(java.util.Locale.ROOT, "%.2f", smoothing.getValue())), smoothing.valueProperty()));
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(140);
        HBox tools = new HBox(10, smoothingLabel, smoothing, logScale);
        tools.setAlignment(Pos.CENTER_LEFT);
        seriesToggles.setId("series-toggles");
        VBox.setVgrow(losses, Priority.ALWAYS);
        losses.setMinHeight(220);
        HBox lower = new HBox(8, scores, histogram, rate);
        HBox.setHgrow(scores, Priority.ALWAYS);
        HBox.setHgrow(rate, Priority.ALWAYS);
        scores.setPrefWidth(320);
        histogram.setPrefWidth(240);
        rate.setPrefWidth(220);
        lower.setPrefHeight(230);
        lower.setMinHeight(180);
        VBox box = new VBox(6, tools, seriesToggles, losses, lower);
        box.setPadding(new Insets(6, 10, 10, 14));
        box.getStyleClass().add("run-charts");
        return box;
    }

    private Region side(TrainViewModel page, Dialogs dialogs) {
        Tab samples = new Tab(texts.get("train.tab.samples"), samples());
        Tab checkpoints = new Tab(texts.get("train.tab.checkpoints"), checkpoints(page, dialogs));
        Tab events = new Tab(texts.get("train.tab.events"), events());
        samples.setId("tab-samples");
        checkpoints.setId("tab-checkpoints");
        events.setId("tab-events");
        TabPane tabs = new TabPane(samples, checkpoints, events);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("run-tabs");
        return tabs;
    }

    private Region samples() {
        SampleTiles shown = new SampleTiles(i -> openZoom(run.shownSampleProperty().get(), i));
        shown.setId("sample-grid");
        SampleTiles compared = new SampleTiles(i -> openZoom(run.comparedSampleProperty().get(), i));
        compared.setId("sample-grid-compared");
        run.shownSampleProperty().addListener((obs, was, now) -> shown.setGrid(load(now)));
        run.comparedSampleProperty().addListener((obs, was, now) -> compared.setGrid(load(now)));
        shown.setGrid(load(run.shownSampleProperty().get()));
        Label shownStep = new Label();
        shownStep.setId("sample-step");
        shownStep.textProperty().bind(Bindings.createStringBinding(() -> run.shownSampleProperty().get() == null
                ? texts.get("train.samples.none")
                : texts.format("train.samples.step", run.shownSampleProperty().get().step()), run.shownSampleProperty()));
        Label comparedStep = new Label();
        comparedStep.textProperty().bind(Bindings.createStringBinding(() -> run.comparedSampleProperty().get() == null
                ? "" : texts.format("train.samples.step", run.comparedSampleProperty().get().step()),
                run.comparedSampleProperty()));
        Slider scrub = scrubber(run.sampleIndexProperty());
        scrub.setId("sample-scrubber");
        Slider scrubCompared = scrubber(run.compareIndexProperty());
        CheckBox compare = new CheckBox(texts.get("train.samples.compare"));
        compare.setId("sample-compare");
        compare.selectedProperty().bindBidirectional(run.compareProperty());
        Label explain = new Label(texts.get("train.samples.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("page-intro");
        // The tiles take all the height the panel has; in compare mode the two grids share it.
        VBox.setVgrow(shown, Priority.ALWAYS);
        VBox.setVgrow(compared, Priority.ALWAYS);
        VBox comparedBox = new VBox(4, comparedStep, compared, scrubCompared);
        VBox.setVgrow(comparedBox, Priority.ALWAYS);
        comparedBox.visibleProperty().bind(run.compareProperty());
        comparedBox.managedProperty().bind(run.compareProperty());
        VBox box = new VBox(6, explain, shownStep, shown, scrub, compare, comparedBox);
        box.setPadding(new Insets(10));
        box.setMinSize(0, 0);
        return box;
    }

    /** Shows one pair of a grid large over the page: the photo and the generator's picture of it side by side. */
    private void openZoom(SampleGridItem item, int index) {
        if (item == null) {
            return;
        }
        Image grid = new Image(item.file().toUri().toString(), true);
        double fit = Math.max(160, Math.min((getWidth() - 120) / 2, getHeight() - 160));
        ImageView photo = zoomed(grid, index, 0, fit);
        ImageView drawn = zoomed(grid, index, 1, fit);
        drawn.setId("sample-zoom-drawn");
        Label photoCaption = new Label(texts.get("train.samples.zoomPhoto"));
        Label drawnCaption = new Label(texts.format("train.samples.zoomDrawn", item.step()));
        HBox pictures = new HBox(24, new VBox(6, photoCaption, photo), new VBox(6, drawnCaption, drawn));
        pictures.setAlignment(Pos.CENTER);
        Label hint = new Label(texts.get("train.samples.zoomClose"));
        VBox box = new VBox(14, pictures, hint);
        box.setAlignment(Pos.CENTER);
        zoom.getChildren().setAll(box);
        zoom.setVisible(true);
        zoom.requestFocus();
    }

    private static ImageView zoomed(Image grid, int index, int row, double fit) {
        ImageView v = new ImageView(grid);
        Runnable crop = () -> {
            double edge = grid.getHeight() / 2;
            v.setViewport(new javafx.geometry.Rectangle2D(index * edge, row * edge, edge, edge));
        };
        if (grid.getProgress() >= 1) {
            crop.run();
        } else {
            grid.progressProperty().addListener((obs, was, now) -> {
                if (now.doubleValue() >= 1) {
                    crop.run();
                }
            });
        }
        v.setFitWidth(fit);
        v.setFitHeight(fit);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    private void closeZoom() {
        zoom.setVisible(false);
        zoom.getChildren().clear();
    }

    /** Whether a pair is shown enlarged, for tests. */
    boolean zoomShown() {
        return zoom.isVisible();
    }

    private static void setWarning(Label health, boolean warning) {
        health.getStyleClass().remove("warning");
        if (warning) {
            health.getStyleClass().add("warning");
        }
    }

    private Slider scrubber(javafx.beans.property.IntegerProperty index) {
        Slider s = new Slider(0, 0, 0);
        s.setMajorTickUnit(1);
        s.setMinorTickCount(0);
        s.setSnapToTicks(true);
        s.maxProperty().bind(Bindings.max(0, Bindings.size(run.samples()).subtract(1)));
        s.disableProperty().bind(Bindings.size(run.samples()).lessThan(2));
        s.setValue(Math.max(0, index.get()));
        index.addListener((obs, was, now) -> {
            if ((int) Math.round(s.getValue()) != now.intValue()) {
                s.setValue(now.intValue());
            }
        });
        s.valueProperty().addListener((obs, was, now) -> {
            int i = (int) Math.round(now.doubleValue());
            if (i != index.get() && i < run.samples().size()) {
                index.set(i);
            }
        });
        return s;
    }

    private static Image load(SampleGridItem item) {
        // Loaded by JavaFX's own background loader: a grid is decoded off the UI thread.
        return item == null ? null : new Image(item.file().toUri().toString(), true);
    }

    private Region checkpoints(TrainViewModel page, Dialogs dialogs) {
        ListView<CheckpointInfo> list = new ListView<>(run.checkpoints());
        list.setId("checkpoint-list");
        list.setPlaceholder(new Label(texts.get("train.checkpoints.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CheckpointInfo c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                ImageView thumb = new ImageView();
                c.sample().ifPresent(s -> {
                    Image grid = new Image(s.toUri().toString(), 0, 2 * CHECKPOINT_THUMB, true, true, true);
                    // The grid's lower row is the generator's pictures: show those, once the image has loaded.
                    grid.progressProperty().addListener((obs, was, now) -> {
                        if (now.doubleValue() >= 1 && !grid.isError()) {
                            // Three pictures at most, so that the buttons beside them stay in view.
                            double edge = grid.getHeight() / 2;
                            thumb.setViewport(new javafx.geometry.Rectangle2D(0, edge,
                                    Math.min(grid.getWidth(), 3 * edge), edge));
                        }
                    });
                    thumb.setImage(grid);
                    thumb.setFitHeight(CHECKPOINT_THUMB);
                    thumb.setPreserveRatio(true);
                });
                Label title = new Label(texts.format("train.checkpoints.step", c.step()));
                title.getStyleClass().add("checkpoint-title");
                Label when = new Label(TIME.format(c.time()));
                when.getStyleClass().add("muted");
                Button preview = new Button(texts.get("train.checkpoints.preview"), new FontIcon(Material2MZ.VISIBILITY));
                preview.getStyleClass().addAll("flat", "small");
                preview.setId("preview-" + c.step());
                preview.setOnAction(e -> page.previewInStudio(run, c));
                Button export = new Button(texts.get("train.checkpoints.export"), new FontIcon(Material2AL.ADD_TO_PHOTOS));
                export.getStyleClass().addAll("flat", "small");
                export.setId("export-" + c.step());
                export.setOnAction(e -> {
                    dev.toonsmith.app.studio.gallery.StyleDetailsForm form = page.styleDetails(run);
                    if (dialogs.askStyleDetails(getScene().getWindow(), form)) {
                        page.exportStyle(run, c, new TrainViewModel.StyleDetails(form.name(), form.author(),
                                form.licence()));
                    }
                });
                VBox text = new VBox(2, title, when, new HBox(6, preview, export));
                HBox row = new HBox(10, thumb, text);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        return list;
    }

    private Region events() {
        ListView<RunLogEntry> list = new ListView<>(run.log());
        list.setId("run-events");
        list.setPlaceholder(new Label(texts.get("train.events.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunLogEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("event-problem");
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(e.time() + "  " + texts.format("train.events.step", e.step()) + "  " + e.text());
                setWrapText(true);
                setPrefWidth(0);
                setGraphic(e.problem() ? new FontIcon(Material2AL.ERROR_OUTLINE) : null);
                if (e.problem()) {
                    getStyleClass().add("event-problem");
                }
            }
        });
        run.log().addListener((javafx.collections.ListChangeListener<RunLogEntry>) c -> list.scrollTo(run.log().size() - 1));
        return list;
    }

    /** The page became visible or hidden: charts redraw only while visible. */
    void setVisibleOnScreen(boolean now) {
        visible = now;
        if (now) {
            redrawIfVisible();
        }
    }

    private void redrawIfVisible() {
        if (visible && drawnRevision != run.chartRevisionProperty().get()) {
            redraw();
        }
    }

    /** Draws the charts from the run's data: smoothed, decimated, the hidden series left out. */
    void redraw() {
        RunCharts c = run.charts();
        drawnRevision = run.chartRevisionProperty().get();
        double smooth = smoothing.getValue();
        for (String name : c.lossNames()) {
            CheckBox toggle = toggles.computeIfAbsent(name, n -> {
                CheckBox box = new CheckBox(n);
                // Loss names have underscores (G_adv), which JavaFX would take for mnemonics and hide.
                box.setMnemonicParsing(false);
                box.setId("series-" + n);
                // The totals are what most people read; the terms are a click away.
                box.setSelected(n.endsWith("_total") || c.lossNames().size() <= 4);
                box.selectedProperty().addListener((obs, was, now) -> redraw());
                seriesToggles.getChildren().add(box);
                return box;
            });
            losses.set(name, c.loss(name).view(smooth, BUCKETS), toggle.isSelected());
        }
        losses.setLogScale(logScale.isSelected());
        scores.set(c.realScore().name(), c.realScore().view(smooth, BUCKETS), true);
        scores.set(c.fakeScore().name(), c.fakeScore().view(smooth, BUCKETS), true);
        rate.set(c.learningRate().name(), c.learningRate().view(0, BUCKETS), true);
        drawHistogram(c.scoreHistogram(RunHealth.RECENT * 4, HISTOGRAM_BINS));
    }

    private void drawHistogram(RunCharts.Histogram h) {
        XYChart.Series<String, Number> real = new XYChart.Series<>();
        real.setName(texts.get("train.chart.real"));
        XYChart.Series<String, Number> fake = new XYChart.Series<>();
        fake.setName(texts.get("train.chart.fake"));
        double width = (h.high() - h.low()) / HISTOGRAM_BINS;
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            String label = String.format(java.util.Locale.ROOT, "%.2f", h.low() + (i + 0.5) * width);
            real.getData().add(new XYChart.Data<>(label, h.real()[i]));
            fake.getData().add(new XYChart.Data<>(label, h.fake()[i]));
        }
        histogram.getData().setAll(List.of(real, fake));
    }

    private Button button(String key, org.kordamp.ikonli.Ikon icon, String id) {
        Button b = new Button(texts.get(key), new FontIcon(icon));
        b.setId(id);
        return b;
    }

    private static Label muted(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add("muted");
        return l;
    }

    /** Unhooks from the ViewModel, which may outlive this view (the live run). */
    void dispose() {
        run.chartRevisionProperty().removeListener(onRevision);
    }

    /** For tests: the loss chart. */
    MetricChart lossChart() {
        return losses;
    }

    /** For tests: points the loss chart draws. */
    int lossPointsDrawn() {
        return losses.pointCount();
    }
}
