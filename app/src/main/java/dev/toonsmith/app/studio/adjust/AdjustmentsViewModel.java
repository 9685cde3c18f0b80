package dev.toonsmith.app.studio.adjust;

import dev.toonsmith.app.studio.notify.NotificationsViewModel;
import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import dev.toonsmith.engine.post.Preset;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sliders, the preset picker, and undo/redo of their changes. Sliders bind to the double properties; any
 * change publishes a new {@link Adjustments} value in {@link #currentProperty()}, which the workspace
 * renders. A change becomes an undo step when the view calls {@link #commit()} (slider released, key pressed).
 */
public final class AdjustmentsViewModel {

    private static final int HISTORY_LIMIT = 200;

    private final Texts texts;
    private final BackgroundTasks tasks;
    private final NotificationsViewModel notifications;
    private PresetLibrary library;

    private final DoubleProperty strength = new SimpleDoubleProperty(this, "strength", 1);
    private final DoubleProperty outlines = new SimpleDoubleProperty(this, "outlines", 0);
    private final DoubleProperty outlineWidth = new SimpleDoubleProperty(this, "outlineWidth", 2);
    private final DoubleProperty colors = new SimpleDoubleProperty(this, "colors", 0);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0);
    private final DoubleProperty saturation = new SimpleDoubleProperty(this, "saturation", 1);
    private final ObservableList<PresetChoice> presets = FXCollections.observableArrayList();
    private final ObjectProperty<PresetChoice> preset = new SimpleObjectProperty<>(this, "preset");
    private final ReadOnlyObjectWrapper<Adjustments> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyStringWrapper presetLabel = new ReadOnlyStringWrapper(this, "presetLabel", "");
    private final PresetChoice none;
    private final History<Adjustments> history;
    private boolean applying;

    public AdjustmentsViewModel(Texts texts, BackgroundTasks tasks, NotificationsViewModel notifications) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.none = PresetChoice.none(texts.get("adjust.preset.none"), texts.get("adjust.preset.none.description"));
        presets.add(none);
        Adjustments initial = Adjustments.of(none);
        history = new History<>(initial, HISTORY_LIMIT);
        apply(initial);
        showModified(current.get());
        for (DoubleProperty p : List.of(strength, outlines, outlineWidth, colors, smoothing, saturation)) {
            p.addListener((obs, was, now) -> publish());
        }
        current.addListener((obs, was, now) -> {
            updateUndoRedo();
            showModified(now);
        });
        preset.addListener((obs, was, now) -> {
            if (!applying && now != null && !now.equals(was)) {
                choosePreset(now);
            }
        });
    }

    /**
     * Offers the built-in and user presets of {@code presetLibrary} and selects {@code preferred} (a name) if it is
     * among them. Called once the library has loaded in the background.
     */
    public void setPresets(PresetLibrary presetLibrary, List<Preset> available, String preferred) {
        this.library = presetLibrary;
        String keep = preferred != null ? preferred : preset.get() == null ? null : preset.get().name();
        List<PresetChoice> choices = new ArrayList<>();
        choices.add(none);
        available.stream().map(PresetChoice::of).forEach(choices::add);
        applying = true;
        try {
            presets.setAll(choices);
        } finally {
            applying = false;
        }
        PresetChoice chosen = choices.stream().filter(c -> c.name().equalsIgnoreCase(keep == null ? "" : keep))
                .findFirst().orElse(none);
        Adjustments start = Adjustments.of(chosen).withStrength(strength.get());
        apply(start);
        history.reset(start);
        updateUndoRedo();
    }

    /** Picks a preset: the post-processing sliders move to its values, the style strength stays. */
    public void choosePreset(PresetChoice choice) {
        Objects.requireNonNull(choice, "choice");
        apply(Adjustments.of(choice).withStrength(strength.get()));
        commit();
    }

    /** Back to the selected preset as shipped, at full style strength. */
    public void reset() {
        apply(Adjustments.of(selectedPreset()));
        commit();
    }

    /** Makes the sliders' current positions one undo step. */
    public void commit() {
        if (applying) {
            return;
        }
        history.commit(current.get());
        updateUndoRedo();
    }

    public void undo() {
        commit();
        history.undo().ifPresent(this::apply);
        updateUndoRedo();
    }

    public void redo() {
        history.redo().ifPresent(this::apply);
        updateUndoRedo();
    }

    /**
     * Saves the current post-processing as a user preset named {@code name} and selects it. Problems (a
     * built-in's name, a name that cannot be a file name, a full disk) become a notification.
     */
    public void savePreset(String name) {
        if (library == null) {
            notifications.info(texts.get("adjust.save.notReady"));
            return;
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            notifications.info(texts.get("adjust.save.noName"));
            return;
        }
        PresetLibrary presetLibrary = library;
        Adjustments saving = current.get();
        tasks.submit(null, progress -> {
            Preset saved = presetLibrary.save(cleanName, "", saving.postSettings());
            return new Saved(saved, presetLibrary.list().presets());
        }, saved -> {
            setPresets(presetLibrary, saved.all(), saved.preset().name());
            apply(Adjustments.of(PresetChoice.of(saved.preset())).withStrength(saving.strength()));
            history.reset(current.get());
            updateUndoRedo();
            notifications.info(texts.format("adjust.save.done", saved.preset().name(), saved.preset().file()));
        }, failure -> {
            if (failure instanceof IllegalArgumentException) {
                notifications.info(texts.format("adjust.save.refused", failure.getMessage()));
            } else {
                notifications.unexpected(texts.format("adjust.save.failed", cleanName, failure.getMessage()), failure);
            }
        });
    }

    private record Saved(Preset preset, List<Preset> all) {}

    /** Moves every control to {@code state} and publishes it once. */
    private void apply(Adjustments state) {
        applying = true;
        try {
            if (!presets.contains(state.preset())) {
                presets.add(state.preset());
            }
            preset.set(state.preset());
            strength.set(state.strength());
            outlines.set(state.outlines());
            outlineWidth.set(state.outlineWidth());
            colors.set(state.colors());
            smoothing.set(state.smoothing());
            saturation.set(state.saturation());
        } finally {
            applying = false;
        }
        publish();
    }

    private void publish() {
        if (applying) {
            return;
        }
        Adjustments next = new Adjustments(strength.get(), round2(outlines.get()), (int) Math.round(outlineWidth.get()),
                snapColors(colors.get()), (int) Math.round(smoothing.get()), round2(saturation.get()), selectedPreset());
        if (!next.equals(current.get())) {
            current.set(next);
        }
    }

    /** Colour levels of 1 would be a single flat colour; the slider's first step past "off" is 2. */
    private static int snapColors(double value) {
        int k = (int) Math.round(value);
        return k == 1 ? 2 : k;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private PresetChoice selectedPreset() {
        return Optional.ofNullable(preset.get()).orElse(none);
    }

    /** The picker names the preset the sliders build on, and says when they have left it. */
    private void showModified(Adjustments now) {
        boolean changed = now != null && now.modified();
        modified.set(changed);
        String name = now == null ? "" : now.preset().name();
        presetLabel.set(changed ? texts.format("adjust.preset.modified", name) : name);
    }

    private void updateUndoRedo() {
        canUndo.set(history.canUndo() || !history.current().equals(current.get()));
        canRedo.set(history.canRedo());
    }

    public ReadOnlyObjectProperty<Adjustments> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Adjustments current() {
        return current.get();
    }

    public DoubleProperty strengthProperty() {
        return strength;
    }

    public DoubleProperty outlinesProperty() {
        return outlines;
    }

    public DoubleProperty outlineWidthProperty() {
        return outlineWidth;
    }

    public DoubleProperty colorsProperty() {
        return colors;
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public DoubleProperty saturationProperty() {
        return saturation;
    }

    public ObservableList<PresetChoice> presets() {
        return presets;
    }

    public ObjectProperty<PresetChoice> presetProperty() {
        return preset;
    }

    /**
     * Whether a post-processing slider has moved away from the selected preset: the look is the preset changed, not
     * the preset. Reset, undo, or moving the sliders back clears it.
     */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** The selected preset's name, "Clean cel (modified)" once a slider has left it. */
    public ReadOnlyStringProperty presetLabelProperty() {
        return presetLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
