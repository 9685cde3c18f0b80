package dev.toonsmith.engine.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the list of training runs: enough to recognise a run and choose what to do with it, read from its
 * folder without loading any network. Made by {@link RunLibrary}.
 *
 * @param folder the run's folder, absolute
 * @param name the folder's name
 * @param mode the training mode ({@code cartoongan} or {@code cyclegan}); empty when unreadable
 * @param architecture the generator architecture; empty when unreadable
 * @param stepsDone the step of the newest checkpoint, 0 if none: what resuming starts from
 * @param stepsPlanned the steps the run is configured for; 0 when unreadable
 * @param lastActivity when the run last wrote its configuration, metrics or a checkpoint
 * @param state where the run stands
 * @param latestSample the newest sample grid, if any
 * @param problem null unless the folder could not be read: then one line naming the file, what is wrong and what
 *     to do, the state is {@link RunState#UNREADABLE}, and the other fields are empty or 0 (the name and folder
 *     stay, and the last activity is the configuration's modification time where that can be read)
 */
public record RunSummary(Path folder, String name, String mode, String architecture, long stepsDone,
        long stepsPlanned, Instant lastActivity, RunState state, Optional<Path> latestSample, String problem) {

    public RunSummary {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(latestSample, "latestSample");
        if ((problem != null) != (state == RunState.UNREADABLE)) {
            throw new IllegalArgumentException("a problem goes with the UNREADABLE state, and only with it: "
                    + state + ", " + problem);
        }
    }
}
