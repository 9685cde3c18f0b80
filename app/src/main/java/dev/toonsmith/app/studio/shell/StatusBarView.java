package dev.toonsmith.app.studio.shell;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The window's bottom line: device, memory, and the running background jobs with progress. */
public final class StatusBarView extends HBox {

    public StatusBarView(StatusBarViewModel status) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);

        Label device = new Label(null, new FontIcon(Material2MZ.MEMORY));
        device.setId("status-device");
        device.textProperty().bind(status.deviceProperty());
        Label memory = new Label(null, new FontIcon(Material2AL.DATA_USAGE));
        memory.setId("status-memory");
        memory.textProperty().bind(status.memoryProperty());

        Label jobs = new Label();
        jobs.setId("status-jobs");
        jobs.textProperty().bind(status.jobsTextProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(status.jobProgressProperty());
        progress.visibleProperty().bind(jobs.textProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(device, memory, spacer, jobs, progress);

        status.refreshMemory();
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> status.refreshMemory()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }
}
