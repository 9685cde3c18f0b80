package dev.toonsmith.engine.train;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training runs in a folder of runs ({@link dev.toonsmith.engine.io.UserDirectories#runs()} for the studio),
 * summarised for the Train page's list.
 *
 * <p>Only what the folders say is read (the configuration, the names of checkpoints and sample grids, file times),
 * so listing dozens of runs takes milliseconds and never loads a network. One run that cannot be read does not
 * hide the others: it is listed as {@link RunState#UNREADABLE} with the reason.
 */
public final class RunLibrary {

    private static final Pattern PARENTHESIZED_REASON = Pattern.compile(".*\\(([^()]+)\\)\\s*");

    private RunLibrary() {}

    /**
     * Summarises every run directly inside {@code runsFolder}: each subfolder that holds a run
     * ({@link RunFolder#hasRun()}), newest activity first. Other subfolders, hidden ones and files are left out.
     *
     * @return no runs when the folder does not exist yet (nothing has been trained)
     * @throws IOException naming the folder if it is a file or cannot be listed
     */
    public static List<RunSummary> list(Path runsFolder) throws IOException {
        Path folder = Objects.requireNonNull(runsFolder, "runsFolder").toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is a file, not a folder of training runs. Choose the folder that holds"
                    + " the run folders.");
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory)
                    .toList();
        } catch (IOException e) {
            throw new IOException("Cannot list the folder of training runs " + folder + " (" + reason(e) + "). Check"
                    + " that your account may read it.", e);
        }
        List<RunSummary> runs = new ArrayList<>();
        for (Path child : children) {
            RunFolder run = new RunFolder(child);
            if (run.hasRun()) {
                runs.add(summarize(run));
            }
        }
        runs.sort(Comparator.comparing(RunSummary::lastActivity).reversed().thenComparing(RunSummary::name));
        return runs;
    }

    /**
     * Summarises the run in {@code run}, for instance to refresh one line of the list when that run ends. Never
     * fails on what is in the folder: a run that cannot be read is {@link RunState#UNREADABLE}, with the reason.
     */
    public static RunSummary summarize(RunFolder run) {
        Objects.requireNonNull(run, "run");
        TrainingOptions options;
        try {
            options = run.readConfig();
        } catch (IOException | RuntimeException e) {
            return unreadable(run, configProblem(run, e));
        }
        try {
            Optional<Path> latest = run.latestCheckpoint();
            long stepsDone = latest.map(RunFolder::stepOf).orElse(0L);
            RunState state = latest.isEmpty() ? RunState.NOT_STARTED
                    : stepsDone >= options.steps() ? RunState.FINISHED
                    : RunState.RESUMABLE;
            return new RunSummary(run.root(), name(run), options.mode(), options.architecture(), stepsDone,
                    options.steps(), lastActivity(run), state, run.latestSample(), null);
        } catch (IOException e) {
            return unreadable(run, "Cannot read the checkpoints and samples in " + run.root() + " (" + reason(e)
                    + "). Check that your account may read the folder.");
        }
    }

    /** The newest time the run wrote its configuration (on every start), a metrics line or a checkpoint. */
    private static Instant lastActivity(RunFolder run) throws IOException {
        Instant newest = modified(run.config()).orElse(Instant.EPOCH);
        List<Path> written = new ArrayList<>();
        written.add(run.metrics());
        run.checkpointFolders().forEach(checkpoint -> written.add(checkpoint.resolve(Checkpoint.STATE)));
        for (Path file : written) {
            Instant time = modified(file).orElse(Instant.EPOCH);
            if (time.isAfter(newest)) {
                newest = time;
            }
        }
        return newest;
    }

    /** A file's modification time; empty if it does not exist (any more: old checkpoints are deleted). */
    private static Optional<Instant> modified(Path file) throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static RunSummary unreadable(RunFolder run, String problem) {
        Instant time;
        try {
            time = modified(run.config()).orElse(Instant.EPOCH);
        } catch (IOException e) {
            time = Instant.EPOCH;
        }
        return new RunSummary(run.root(), name(run), "", "", 0, 0, time, RunState.UNREADABLE, Optional.empty(),
                problem);
    }

    /** One line: {@link RunFolder#readConfig()} names the file and what to do when its content is wrong. */
    private static String configProblem(RunFolder run, Exception e) {
        String message;
        if (e instanceof IOException && e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            message = e.getMessage();
        } else if (e instanceof IOException io) {
            message = "Cannot read " + run.config() + " (" + reason(io) + "). Check that your account may read it.";
        } else {
            message = run.config() + " is not a valid run configuration: " + e.getMessage()
                    + ". Restore it or start a new run.";
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Why an I/O operation failed, in a few words: Java's messages for these are just the path. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "a file vanished while it was read";
        }
        String message = e.getMessage();
        if (e instanceof FileNotFoundException && message != null) {
            // "PATH (Permission denied)": the path is named already.
            Matcher why = PARENTHESIZED_REASON.matcher(message);
            if (why.matches()) {
                return why.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String name(RunFolder run) {
        Path name = run.root().getFileName();
        return name == null ? run.root().toString() : name.toString();
    }
}
