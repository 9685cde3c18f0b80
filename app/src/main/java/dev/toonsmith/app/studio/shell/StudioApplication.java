package dev.toonsmith.app.studio.shell;

import dev.toonsmith.app.SampleImages;
import dev.toonsmith.app.studio.dialogs.FxDialogs;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.ui.UiResources;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application; started by {@link StudioLauncher}, which does not extend Application. */
public final class StudioApplication extends Application {

    private Studio studio;

    @Override
    public void start(Stage stage) {
        StudioOptions options = StudioOptions.parse(getParameters().getRaw());
        UserDirectories directories = UserDirectories.platform();
        Studio.Config config = new Studio.Config(directories, SampleImages.folder(), new FxDialogs(UiResources.texts()),
                DevicePreference.AUTO, StudioLauncher.logFile(), Platform::runLater);
        studio = Studio.open(stage, config, options);
        studio.setBrowser(UserGuide.Browser.of(getHostServices()));
        stage.setOnCloseRequest(e -> {
            if (studio.confirmClose()) {
                studio.saveSettings();
            } else {
                e.consume();
            }
        });
        if (options.screenshot() != null) {
            ScreenshotScript.run(studio, options.screenshot());
        }
    }

    @Override
    public void stop() {
        if (studio != null) {
            studio.close();
        }
    }
}
