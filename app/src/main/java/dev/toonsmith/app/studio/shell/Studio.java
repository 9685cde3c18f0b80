package dev.toonsmith.app.studio.shell;

import dev.toonsmith.app.studio.batch.BatchPage;
import dev.toonsmith.app.studio.batch.BatchView;
import dev.toonsmith.app.studio.batch.BatchViewModel;
import dev.toonsmith.app.studio.batch.FolderOpener;
import dev.toonsmith.app.studio.dialogs.Dialogs;
import dev.toonsmith.app.studio.gallery.GalleryViewModel;
import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.app.studio.gallery.StyleGalleryView;
import dev.toonsmith.app.studio.gallery.StylesPage;
import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.render.Renderer;
import dev.toonsmith.app.studio.render.StylizerCache;
import dev.toonsmith.app.studio.settings.SettingsStore;
import dev.toonsmith.app.studio.settings.StudioSettings;
import dev.toonsmith.app.studio.settings.Theme;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.train.TrainPage;
import dev.toonsmith.app.studio.train.TrainView;
import dev.toonsmith.app.studio.train.TrainViewModel;
import dev.toonsmith.app.studio.workspace.RecentPhotos;
import dev.toonsmith.app.studio.workspace.StudioPage;
import dev.toonsmith.app.studio.workspace.WorkspaceView;
import dev.toonsmith.app.studio.workspace.WorkspaceViewModel;
import dev.toonsmith.engine.image.ImageLimits;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.ui.UiResources;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's composition root: builds the ViewModels, views and shell for a stage, shows it, and warms the
 * engine up in the background (libtorch, the style and preset libraries) so the window appears at once.
 */
public final class Studio implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Studio.class);

    /**
     * What a studio is built from; tests pass a temporary data folder and scripted dialogs.
     *
     * @param uiThread where results are delivered: {@code Platform::runLater}
     */
    public record Config(UserDirectories directories, Path samplesFolder, Dialogs dialogs, DevicePreference device,
            Path logFile, Executor uiThread) {}

    private final Config config;
    private final Texts texts = UiResources.texts();
    private final SettingsStore settingsStore;
    private final StudioSettings settings;
    private final BackgroundTasks tasks;
    private final GalleryViewModel gallery;
    private final WorkspaceViewModel workspace;
    private final StatusBarViewModel status;
    private final ObjectProperty<Theme> theme;
    private final Stage stage;
    private final Scene scene;
    private final WorkspaceView workspaceView;
    private final TrainViewModel train;
    private final TrainView trainView;
    private final BatchViewModel batch;
    private final RecentPhotos recent;
    private final BatchView batchView;
    private final ShellView shell;
    private final MainMenu menu;
    private UserGuide.Browser browser = UserGuide.Browser.NONE;
    private volatile Renderer renderer;
    /** Whether this is the first start in this user data folder: no settings were ever saved. */
    private final boolean firstLaunch;

    /**
     * The sample a first launch opens, so that a new user sees the default style's cartoon before doing anything: a
     * face, the subject people stylize most.
     */
    static final String FIRST_LAUNCH_SAMPLE = "grace-hopper.jpg";

    private Studio(Stage stage, Config config, StudioOptions options) {
        this.stage = stage;
        this.config = config;
        settingsStore = new SettingsStore(config.directories());
        firstLaunch = !Files.exists(settingsStore.file());
        settings = settingsStore.load();
        applyOptions(options);
        tasks = new BackgroundTasks(config.uiThread());
        NotificationsViewModel notifications = new NotificationsViewModel(
                texts.format("notify.details", config.logFile()));
        gallery = new GalleryViewModel(texts, tasks, notifications);
        gallery.credits().remember(settings.getLastAuthor(), settings.getLastLicence());
        workspace = new WorkspaceViewModel(texts, tasks, notifications, gallery, config.samplesFolder());
        workspace.setImageLimits(imageLimits());
        workspace.splitViewProperty().set(settings.isSplitView());
        if (settings.getLastExportFolder() != null) {
            workspace.export().lastFolderProperty().set(Path.of(settings.getLastExportFolder()));
        }
        status = new StatusBarViewModel(texts, tasks.jobs());
        theme = new SimpleObjectProperty<>(Theme.parse(settings.getTheme()));

        workspaceView = new WorkspaceView(workspace, texts, config.dialogs(), this::lastFolder);
        train = new TrainViewModel(texts, tasks, gallery, new TrainViewModel.Places(config.directories().runs(),
                config.directories().cache().resolve("checkpoint-styles"), this::showStudioPage));
        trainView = new TrainView(train, texts, config.dialogs(), this::lastFolder);
        batch = new BatchViewModel(texts, tasks, gallery, workspace.adjustments().presets(),
                workspace.adjustments()::current, config.device(), FolderOpener.desktop());
        batch.setImageLimits(imageLimits());
        batchView = new BatchView(batch, texts, config.dialogs(), this::lastFolder);
        batch.setStudioOpener(photo -> {
            workspace.open(photo);
            showStudioPage();
        });
        List<Page> pages = List.of(new StudioPage(texts.get("nav.studio"), workspaceView),
                new StylesPage(gallery, texts, config.dialogs()),
                new TrainPage(texts.get("nav.train"), train, trainView),
                new BatchPage(texts.get("nav.batch"), batch, batchView));
        recent = new RecentPhotos(settings.getRecentFiles());
        menu = new MainMenu(texts, workspace, recent, theme, new MainMenu.Actions(this::chooseAndOpen,
                this::openRecent, this::chooseAndImportStyle, () -> workspaceView.exportView().chooseAndExport(), this::savePreset,
                this::quit, this::showShortcuts, this::showUserGuide, this::showLog, this::about));
        shell = new ShellView(menu, pages, new StatusBarView(status));
        scene = new Scene(shell, settings.getWindowWidth(), settings.getWindowHeight());
        applyTheme(theme.get());
        theme.addListener((obs, was, now) -> {
            applyTheme(now);
            settings.setTheme(now.key());
        });
        acceptDrops();
        remember();

        stage.setTitle(texts.get("app.title"));
        for (int size : new int[] {32, 64, 256}) {
            // The same picture as the installers' icon (packaging/icons), for the taskbar and window switcher.
            stage.getIcons().add(new javafx.scene.image.Image(UiResources.resource("icon-" + size + ".png")
                    .toExternalForm()));
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (settings.getWindowX() != null && settings.getWindowY() != null) {
            stage.setX(settings.getWindowX());
            stage.setY(settings.getWindowY());
        }
        stage.setMaximized(settings.isMaximized());
        // Epoch time too, so a script can measure from the moment it launched ./toonsmith.
        stage.setOnShown(e -> log.info("Window shown {} ms after the JVM started (at {} ms since the epoch)",
                ManagementFactory.getRuntimeMXBean().getUptime(), System.currentTimeMillis()));
    }

    /** Builds the studio on {@code stage}, shows it and starts the engine's warm-up. FX thread only. */
    public static Studio open(Stage stage, Config config, StudioOptions options) {
        Studio studio = new Studio(stage, config, options);
        studio.warmUp();
        // Asked for before the window shows, so that its first frame says "Opening Grace Hopper…"; the photo decodes
        // beside the engine's warm-up and shows before the engine is ready.
        if (options.open() != null) {
            studio.workspace.open(options.open());
        } else if (studio.firstLaunch && options.files().isEmpty()) {
            studio.firstLaunchSample().ifPresent(studio.workspace::open);
        }
        stage.show();
        if (!options.files().isEmpty()) {
            // As if dropped on the window, once it is up: a model file's dialog waits for the user.
            Platform.runLater(() -> studio.drop(options.files()));
        }
        return studio;
    }

    private void applyOptions(StudioOptions options) {
        if (options.style() != null) {
            settings.setLastStyle("none".equalsIgnoreCase(options.style()) ? StudioSettings.NO_STYLE : options.style());
        }
        if (options.preset() != null) {
            settings.setLastPreset(options.preset());
        }
        if (options.theme() != null) {
            settings.setTheme(options.theme());
        }
        if (options.width() > 0) {
            settings.setWindowWidth(options.width());
            settings.setWindowHeight(options.height());
            settings.setMaximized(false);
        }
        if (options.split()) {
            settings.setSplitView(true);
        }
    }

    /** The largest picture to open, from the {@code maxPixels} setting. */
    private ImageLimits imageLimits() {
        String problem = ImageLimits.problem(settings.getMaxPixels());
        if (problem != null) {
            log.warn("maxPixels in {} {} Using the default.", settingsStore.file(), problem);
        }
        return settings.imageLimits();
    }

    private void warmUp() {
        UserDirectories directories = config.directories();
        DevicePreference device = config.device();
        long start = System.nanoTime();
        tasks.submit(texts.get("job.warmUp"), progress -> {
            String deviceName = TorchRuntime.describe(TorchRuntime.select(device));
            StyleLibrary styles = StyleLibrary.load(directories);
            PresetLibrary presets = new PresetLibrary(directories);
            PresetLibrary.Listing listing = presets.list();
            listing.problems().forEach(p -> log.warn("Preset not offered: {}", p.message()));
            Renderer engineRenderer = new Renderer(new StylizerCache(styles, device, 4), imageLimits());
            return new Warm(deviceName, styles, presets, listing, engineRenderer);
        }, warm -> {
            renderer = warm.renderer();
            status.setDevice(warm.device());
            gallery.setLibrary(warm.styles(), warm.renderer(), settings.getLastStyle());
            workspace.engineReady(warm.renderer(), warm.presets(),
                    // First launch: no preset, so a new user sees the style's own drawing (a preset's k-means colours
                    // posterize faces into patches over a style that already draws a cartoon).
                    warm.listing().presets(), settings.getLastPreset());
            log.info("Engine warm-up finished in {} ms ({} styles, {} presets, {})",
                    (System.nanoTime() - start) / 1_000_000, warm.styles().entries().size(),
                    warm.listing().presets().size(), warm.device());
        }, failure -> {
            workspace.engineFailed();
            workspace.notifications().unexpected(texts.get("workspace.warmUpFailed"), failure);
        });
    }

    private record Warm(String device, StyleLibrary styles, PresetLibrary presets, PresetLibrary.Listing listing,
            Renderer renderer) {}

    private void applyTheme(Theme t) {
        scene.getStylesheets().setAll(UiResources.stylesheet("studio.css"), UiResources.stylesheet(t.stylesheet()));
        shell.getStyleClass().removeAll("theme-light", "theme-dark");
        shell.getStyleClass().add("theme-" + t.key());
    }

    private void acceptDrops() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                e.setDropCompleted(true);
                e.consume();
                // After the drop is done: a model's dialog waits for the user, and the drag source must not.
                Platform.runLater(() -> drop(files));
            }
        });
    }

    /**
     * Files dropped on the window, whatever page shows: a model file ({@code .onnx}, {@code .pt},
     * {@code .torchscript}) opens the "Import model" dialog for it, as "Import model…" does; styles and pictures go
     * to the workspace. FX thread.
     */
    public void drop(List<Path> files) {
        List<Path> models = files.stream().filter(ImportModelViewModel::isModelFile).toList();
        List<Path> others = files.stream().filter(f -> !ImportModelViewModel.isModelFile(f)).toList();
        if (!others.isEmpty()) {
            workspace.drop(others);
        }
        for (Path model : models) {
            StyleGalleryView.importModel(gallery, config.dialogs(), stage, model);
        }
    }

    /** Keeps the settings in step with what the user does; they are written when the window closes. */
    private void remember() {
        gallery.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && workspace.readyProperty().get()) {
                settings.setLastStyle(now.isNoStyle() ? StudioSettings.NO_STYLE : now.styleId());
            }
        });
        workspace.adjustments().presetProperty().addListener((obs, was, now) -> {
            if (now != null && workspace.readyProperty().get()) {
                settings.setLastPreset(now.name());
            }
        });
        workspace.splitViewProperty().addListener((obs, was, now) -> settings.setSplitView(now));
        workspace.export().lastFolderProperty().addListener((obs, was, now) ->
                settings.setLastExportFolder(now == null ? null : now.toString()));
        gallery.credits().authorProperty().addListener((obs, was, now) -> settings.setLastAuthor(now));
        gallery.credits().licenceProperty().addListener((obs, was, now) -> settings.setLastLicence(now));
        workspace.photoProperty().addListener((obs, was, now) -> {
            if (now != null) {
                recent.opened(now.file());
            }
        });
        recent.photos().addListener((javafx.collections.ListChangeListener<Path>) c ->
                settings.setRecentFiles(recent.toSettings()));
        workspace.photoProperty().addListener((obs, was, now) -> {
            if (now != null && now.file().toAbsolutePath().getParent() != null
                    && !now.file().toAbsolutePath().startsWith(samplesFolderOrNone())) {
                settings.setLastFolder(now.file().toAbsolutePath().getParent().toString());
            }
        });
    }

    private Optional<Path> firstLaunchSample() {
        if (config.samplesFolder() == null) {
            return Optional.empty();
        }
        Path sample = config.samplesFolder().resolve(FIRST_LAUNCH_SAMPLE);
        return Files.isRegularFile(sample) ? Optional.of(sample) : Optional.empty();
    }

    private Path samplesFolderOrNone() {
        return config.samplesFolder() == null ? Path.of("/nonexistent-samples")
                : config.samplesFolder().toAbsolutePath().normalize();
    }

    private Path lastFolder() {
        String folder = settings.getLastFolder();
        if (folder != null && Files.isDirectory(Path.of(folder))) {
            return Path.of(folder);
        }
        return Path.of(System.getProperty("user.home"));
    }

    private void chooseAndOpen() {
        config.dialogs().chooseImage(stage, lastFolder()).ifPresent(workspace::open);
    }

    /** Opens a photo of the recent list; one that went missing is taken off the list, with a word why. */
    private void openRecent(Path photo) {
        if (Files.isRegularFile(photo)) {
            workspace.open(photo);
        } else {
            recent.forget(photo);
            workspace.notifications().info(texts.format("recent.missing", photo));
        }
    }

    /** The photos last opened, newest first, as the File menu lists them. */
    public RecentPhotos recent() {
        return recent;
    }

    private void chooseAndImportStyle() {
        config.dialogs().chooseStyle(stage, lastFolder()).ifPresent(gallery::importStyle);
    }

    private void savePreset() {
        config.dialogs().askPresetName(stage).ifPresent(workspace.adjustments()::savePreset);
    }

    /**
     * How Help ▸ User guide opens the README; {@link UserGuide.Browser#NONE} (the default, and the tests') shows its
     * path to copy instead. FX thread.
     */
    public void setBrowser(UserGuide.Browser browser) {
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    private void showShortcuts() {
        new ShortcutsDialog(stage, texts, menu.shortcuts()).show();
    }

    private void showUserGuide() {
        UserGuide.open(config.samplesFolder(), browser, stage, texts,
                guide -> workspace.notifications().info(texts.format("notify.guideOpened", guide)));
    }

    private void showLog() {
        workspace.notifications().info(texts.format("notify.logFile", config.logFile()));
    }

    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, texts.format("about.text", config.directories().root()));
        about.initOwner(stage);
        about.setTitle(texts.get("about.title"));
        about.setHeaderText(texts.get("app.title"));
        about.showAndWait();
    }

    private void showStudioPage() {
        shell.select("studio");
    }

    private void quit() {
        if (confirmClose()) {
            closeWindow();
        }
    }

    /**
     * Asks before the window closes while a run trains; if the user goes on, stops the run with a checkpoint in the
     * background and closes the window once it is written. FX thread.
     *
     * @return true if the window may close now; false if it must stay (the user cancelled, or the run is stopping and
     *     the window closes itself afterwards)
     */
    public boolean confirmClose() {
        if (!train.hasActiveRun()) {
            return true;
        }
        String run = train.activeProperty().get().name();
        if (!config.dialogs().confirmQuitWhileTraining(stage, run)) {
            return false;
        }
        tasks.submit(texts.format("job.stopForExit", run), progress -> train.stopForExit(STOP_TIMEOUT),
                stopped -> closeWindow(), failure -> {
                    log.warn("Could not stop the training run before quitting", failure);
                    closeWindow();
                });
        return false;
    }

    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofMinutes(5);

    private void closeWindow() {
        saveSettings();
        stage.close();
        Platform.exit();
    }

    /** Saves the window's size and position and the settings; called as the window closes. */
    public void saveSettings() {
        settings.setMaximized(stage.isMaximized());
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.setWindowWidth(scene.getWidth());
            settings.setWindowHeight(scene.getHeight());
            settings.setWindowX(stage.getX());
            settings.setWindowY(stage.getY());
        }
        settingsStore.save(settings);
    }

    @Override
    public void close() {
        saveSettings();
        try {
            // A run still training when the studio goes (a test, or a kill of the window) keeps its work.
            train.stopForExit(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        train.close();
        batch.close();
        tasks.close();
        Renderer r = renderer;
        if (r != null) {
            r.close();
        }
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    /** The style gallery, shared by every page. */
    public GalleryViewModel gallery() {
        return gallery;
    }

    public TrainViewModel train() {
        return train;
    }

    public TrainView trainView() {
        return trainView;
    }

    public BatchViewModel batch() {
        return batch;
    }

    public BatchView batchView() {
        return batchView;
    }

    public WorkspaceView workspaceView() {
        return workspaceView;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    /** The menu bar; its accelerators are the studio's keyboard shortcuts. */
    public MainMenu menu() {
        return menu;
    }

    public ShellView shell() {
        return shell;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StudioSettings settings() {
        return settings;
    }

    public Texts texts() {
        return texts;
    }

    /** The configuration the studio was built with. */
    public Config config() {
        return Objects.requireNonNull(config);
    }
}
