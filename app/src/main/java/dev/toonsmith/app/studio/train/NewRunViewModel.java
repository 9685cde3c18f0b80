package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.cli.TrainCommand;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.app.studio.tasks.Lane;
import dev.toonsmith.engine.train.TrainingOptions;
import dev.toonsmith.engine.train.data.FolderSurvey;
import dev.toonsmith.engine.train.data.SkippedFile;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The new-run wizard: two folders, checked in the background as soon as they are chosen (image counts, a few
 * thumbnails, files that cannot be used); the run's mode, architecture, crop size and steps, a preset, and the
 * advanced options of {@code toonsmith train} by the same names. {@link #refusalProperty()} says, in one sentence,
 * why the run cannot start yet; empty when it can.
 */
public final class NewRunViewModel {

    /** Fewer usable images than this in a folder teaches nothing but that folder's few pictures. */
    public static final int MIN_IMAGES = 8;

    /** Thumbnails shown per folder. */
    public static final int THUMBNAILS = 6;

    /** Options the wizard asks for itself, above the advanced sheet; the folders and the run are its own. */
    static final List<String> OWN = List.of("photos", "cartoons", "run", "resume", "mode", "arch", "size",
            "steps", "start-from");

    /**
     * What a new run's generator starts from: random weights (no path), a style of the gallery, or a run's newest
     * checkpoint.
     */
    public record StartChoice(String label, Path path) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Texts texts;
    private final Lane photoScan;
    private final Lane cartoonScan;
    private final Supplier<Path> runsFolder;
    private final ObjectProperty<Path> photos = new SimpleObjectProperty<>(this, "photos");
    private final ObjectProperty<Path> cartoons = new SimpleObjectProperty<>(this, "cartoons");
    private final ReadOnlyObjectWrapper<FolderCheck> photoCheck = new ReadOnlyObjectWrapper<>(this, "photoCheck");
    private final ReadOnlyObjectWrapper<FolderCheck> cartoonCheck = new ReadOnlyObjectWrapper<>(this, "cartoonCheck");
    private final ObjectProperty<TrainPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final StringProperty mode = new SimpleStringProperty(this, "mode", "cartoongan");
    private final StringProperty architecture = new SimpleStringProperty(this, "architecture", "lite");
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 128);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 2000);
    private final StringProperty runName = new SimpleStringProperty(this, "runName", "");
    private final ObservableList<StartChoice> startChoices = FXCollections.observableArrayList();
    private final ObjectProperty<StartChoice> startFrom = new SimpleObjectProperty<>(this, "startFrom");
    private final List<AdvancedOption> advanced = new ArrayList<>();
    private final ObservableList<String> photoProblems = FXCollections.observableArrayList();
    private final ObservableList<String> cartoonProblems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyStringWrapper photoSummary = new ReadOnlyStringWrapper(this, "photoSummary", "");
    private final ReadOnlyStringWrapper cartoonSummary = new ReadOnlyStringWrapper(this, "cartoonSummary", "");

    /**
     * @param runsFolder where runs are kept (read each time: a run name must be free there)
     */
    public NewRunViewModel(Texts texts, BackgroundTasks tasks, Supplier<Path> runsFolder) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.photoScan = tasks.lane("scan-photos");
        this.cartoonScan = tasks.lane("scan-cartoons");
        this.runsFolder = Objects.requireNonNull(runsFolder, "runsFolder");
        for (TrainCommand.OptionHelp help : TrainCommand.optionHelp()) {
            if (!OWN.contains(help.name())) {
                advanced.add(new AdvancedOption(help));
            }
        }
        photos.addListener((obs, was, now) -> scan(now, photoScan, photoCheck));
        cartoons.addListener((obs, was, now) -> scan(now, cartoonScan, cartoonCheck));
        photos.addListener((obs, was, now) -> proposeName());
        preset.addListener((obs, was, now) -> applyPreset(now));
        startChoices.add(new StartChoice(texts.get("train.wizard.fromScratch"), null));
        startFrom.set(startChoices.get(0));
        List<Observable> inputs = new ArrayList<>(List.of(photoCheck, cartoonCheck, mode, architecture, size, steps,
                runName, startFrom));
        advanced.forEach(a -> inputs.add(a.valueProperty()));
        inputs.forEach(o -> o.addListener(x -> update()));
        preset.set(TrainPreset.QUICK);
        update();
    }

    private void scan(Path folder, Lane lane, ReadOnlyObjectWrapper<FolderCheck> check) {
        if (folder == null) {
            lane.cancel();
            check.set(null);
            return;
        }
        check.set(FolderCheck.scanning(folder));
        lane.submit(texts.get("job.scanFolder"), (request, progress) -> FolderSurvey.scan(folder,
                (done, total) -> progress.update(total == 0 ? 0 : (double) done / total)),
                survey -> check.set(new FolderCheck(folder, survey, null)),
                failure -> check.set(new FolderCheck(folder, null, failure.getMessage())));
    }

    private void proposeName() {
        Path folder = photos.get();
        if (folder != null && (runName.get().isBlank() || runName.get().equals(proposedName))) {
            Path name = folder.getFileName();
            String base = (name == null ? "run" : name.toString()).replaceAll("[^A-Za-z0-9._-]+", "-") + "-"
                    + LocalDate.now();
            String candidate = base;
            for (int i = 2; Files.exists(runsFolder.get().resolve(candidate)); i++) {
                candidate = base + "-" + i;
            }
            proposedName = candidate;
            runName.set(candidate);
        }
    }

    private String proposedName = "";

    private void applyPreset(TrainPreset p) {
        if (p == null) {
            return;
        }
        mode.set(p.argument("--mode") == null ? "cartoongan" : p.argument("--mode"));
        architecture.set(p.argument("--arch") == null ? "lite" : p.argument("--arch"));
        size.set(p.argument("--size") == null ? 128 : Integer.parseInt(p.argument("--size")));
        steps.set(p.argument("--steps") == null ? 2000 : Integer.parseInt(p.argument("--steps")));
        for (AdvancedOption option : advanced) {
            String v = p.argument("--" + option.name());
            if (v == null) {
                option.reset();
            } else {
                option.setFromArgument(v);
            }
        }
    }

    /** The {@code train} arguments of the run as set up now (without the folders and the run folder). */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--mode", mode.get(), "--arch", architecture.get(), "--size",
                Integer.toString(size.get()), "--steps", Integer.toString(steps.get())));
        advanced.forEach(a -> args.addAll(a.arguments()));
        StartChoice from = startFrom.get();
        if (from != null && from.path() != null) {
            args.addAll(List.of("--start-from", from.path().toString()));
        }
        return args;
    }

    /**
     * What starting the run needs, or empty with {@link #refusalProperty()} saying why.
     *
     * @param folder the new run's folder
     */
    public record Plan(Path folder, Path photos, Path cartoons, TrainingOptions options, List<String> arguments) {}

    public Optional<Plan> plan() {
        update();
        if (!refusal.get().isEmpty()) {
            return Optional.empty();
        }
        List<String> args = arguments();
        return Optional.of(new Plan(runsFolder.get().resolve(runName.get().trim()), photos.get(), cartoons.get(),
                TrainCommand.newRunOptions(args), args));
    }

    private void update() {
        photoSummary.set(summarize(photoCheck.get(), photoProblems));
        cartoonSummary.set(summarize(cartoonCheck.get(), cartoonProblems));
        refusal.set(findRefusal());
    }

    private String summarize(FolderCheck check, ObservableList<String> problems) {
        if (check == null) {
            problems.clear();
            return "";
        }
        if (check.isScanning()) {
            problems.clear();
            return texts.get("train.wizard.scanning");
        }
        if (check.error() != null) {
            problems.setAll(check.error());
            return texts.get("train.wizard.unreadable");
        }
        FolderSurvey survey = check.survey();
        List<String> lines = new ArrayList<>();
        for (SkippedFile skipped : survey.problems()) {
            lines.add(texts.format("train.wizard.problem", check.folder().relativize(skipped.file()), skipped.reason()));
        }
        problems.setAll(lines);
        long small = survey.smallerThan(size.get());
        String text = texts.format("train.wizard.count", survey.images().size(), survey.problems().size());
        return small == 0 ? text : text + " " + texts.format("train.wizard.small", small, size.get());
    }

    private String findRefusal() {
        String folders = folderRefusal(photos.get(), photoCheck.get(), "train.wizard.needPhotos");
        if (folders == null) {
            folders = folderRefusal(cartoons.get(), cartoonCheck.get(), "train.wizard.needCartoons");
        }
        if (folders != null) {
            return folders;
        }
        String name = runName.get().trim();
        if (name.isEmpty() || !name.matches("[A-Za-z0-9._ -]+") || name.startsWith(".")) {
            return texts.get("train.wizard.badName");
        }
        if (Files.exists(runsFolder.get().resolve(name))) {
            return texts.format("train.wizard.nameTaken", name);
        }
        try {
            TrainCommand.newRunOptions(arguments());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "";
    }

    private String folderRefusal(Path folder, FolderCheck check, String needKey) {
        if (folder == null) {
            return texts.get(needKey);
        }
        if (check == null || check.isScanning()) {
            return texts.format("train.wizard.waitScan", folder.getFileName());
        }
        if (check.error() != null) {
            return check.error();
        }
        FolderSurvey survey = check.survey();
        if (survey.images().isEmpty()) {
            return survey.problems().isEmpty() ? texts.format("train.wizard.empty", folder)
                    : texts.format("train.wizard.noneUsable", folder, survey.problems().size(),
                            survey.problems().get(0).file().getFileName(), survey.problems().get(0).reason());
        }
        if (survey.images().size() < MIN_IMAGES) {
            return texts.format("train.wizard.tooFew", folder, survey.images().size(), MIN_IMAGES);
        }
        return null;
    }

    public ObjectProperty<Path> photosProperty() {
        return photos;
    }

    public ObjectProperty<Path> cartoonsProperty() {
        return cartoons;
    }

    public ReadOnlyObjectProperty<FolderCheck> photoCheckProperty() {
        return photoCheck.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FolderCheck> cartoonCheckProperty() {
        return cartoonCheck.getReadOnlyProperty();
    }

    /** "412 images · 3 files skipped", or why the folder cannot be used. */
    public ReadOnlyStringProperty photoSummaryProperty() {
        return photoSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cartoonSummaryProperty() {
        return cartoonSummary.getReadOnlyProperty();
    }

    /** Files of the photo folder that cannot be used, one line each with the reason. */
    public ObservableList<String> photoProblems() {
        return photoProblems;
    }

    public ObservableList<String> cartoonProblems() {
        return cartoonProblems;
    }

    public ObjectProperty<TrainPreset> presetProperty() {
        return preset;
    }

    public StringProperty modeProperty() {
        return mode;
    }

    public StringProperty architectureProperty() {
        return architecture;
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public StringProperty runNameProperty() {
        return runName;
    }

    /**
     * Offers these styles and runs to start from, after "random weights"; the choice is kept if it is still offered.
     */
    public void setStartChoices(List<StartChoice> offered) {
        StartChoice kept = startFrom.get();
        List<StartChoice> all = new ArrayList<>();
        all.add(startChoices.get(0));
        all.addAll(offered);
        startChoices.setAll(all);
        startFrom.set(all.stream().filter(c -> kept != null && java.util.Objects.equals(c.path(), kept.path()))
                .findFirst().orElse(all.get(0)));
    }

    public ObservableList<StartChoice> startChoices() {
        return startChoices;
    }

    /** Fine-tuning: the generator's architecture and hyperparameters then come from the choice. */
    public ObjectProperty<StartChoice> startFromProperty() {
        return startFrom;
    }

    /** The advanced settings, in {@code train --help}'s order. */
    public List<AdvancedOption> advanced() {
        return advanced;
    }

    /** Why the run cannot start, in one sentence; empty when it can. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
