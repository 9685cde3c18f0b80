package dev.toonsmith.app.studio.shell;

import dev.toonsmith.app.studio.tasks.Job;
import dev.toonsmith.ui.UiResources.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/** The status bar: where the generator runs, how much memory the studio holds, and the background jobs. */
public final class StatusBarViewModel {

    private final Texts texts;
    private final ObservableList<Job> jobs;
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
    private final StringBinding jobsText;
    private final DoubleBinding jobProgress;

    public StatusBarViewModel(Texts texts, ObservableList<Job> jobs) {
        this.texts = texts;
        this.jobs = jobs;
        device.set(texts.get("status.device.starting"));
        jobsText = Bindings.createStringBinding(() -> switch (jobs.size()) {
            case 0 -> "";
            case 1 -> jobs.get(0).name();
            default -> texts.format("status.jobs", jobs.get(0).name(), jobs.size() - 1);
        }, jobs);
        jobProgress = Bindings.createDoubleBinding(() -> jobs.isEmpty() ? 0 : jobs.get(0).progressProperty().get(),
                jobs);
    }

    /** Called once the engine has picked its device, e.g. "CPU (2 threads)". */
    public void setDevice(String description) {
        device.set(texts.format("status.device", description));
    }

    /**
     * Re-reads the memory figure: the process's resident memory, which counts the native pixels and tensors
     * that the Java heap figure would miss.
     */
    public void refreshMemory() {
        long resident = residentBytes();
        long bytes = resident > 0 ? resident : Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        memory.set(texts.format("status.memory", String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e9)));
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** The running jobs in a few words, empty when idle. */
    public StringBinding jobsTextProperty() {
        return jobsText;
    }

    /** The first job's progress: 0 to 1, or -1 when unknown. */
    public DoubleBinding jobProgressProperty() {
        return jobProgress;
    }

    public ObservableList<Job> jobs() {
        return jobs;
    }
}
