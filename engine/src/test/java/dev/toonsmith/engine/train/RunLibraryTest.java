package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toonsmith.engine.runtime.TorchRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Train page's list of runs and of a run's checkpoints, read from real run folders. */
class RunLibraryTest {

    @TempDir
    static Path shared;

    private static DataSources data;
    private static Path runs;
    private static Instant trainingStarted;
    private static Instant trainingEnded;

    @TempDir
    Path work;

    /**
     * A folder of runs as a user's gets: one finished, one stopped early, one that never reached a checkpoint, one
     * whose config.json was damaged, and folders and files that are not runs.
     */
    @BeforeAll
    static void trainRuns() throws Exception {
        TorchRuntime.inferenceMode();
        data = DataSources.load(TrainingFixtures.photos(shared), TrainingFixtures.cartoons(shared), 32,
                (done, total) -> { });
        runs = Files.createDirectories(shared.resolve("runs"));
        trainingStarted = Instant.now();

        // Checkpoints at steps 2, 4 and 6; sample grids at 3 and 6.
        TrainingRun finished = TrainingFixtures.runToEnd(TrainingRun.builder().setRunFolder(runs.resolve("finished"))
                .setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 6, Map.of("checkpointEvery", 2, "sampleEvery", 3)))
                .build());
        assertTrue(finished.failure().isEmpty(), finished.failure().orElse(""));

        // Planned for 8 steps, stopped during step 1, as the Stop button does: it checkpoints step 2 and ends.
        AtomicReference<TrainingRun> self = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.builder().setRunFolder(runs.resolve("stopped")).setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 8, Map.of()))
                .optLossFilter((name, step, loss) -> {
                    if (step == 1) {
                        self.get().stop();
                    }
                    return loss;
                })
                .build();
        self.set(stopped);
        TrainingFixtures.runToEnd(stopped);
        assertTrue(stopped.result().orElseThrow().stoppedEarly());
        trainingEnded = Instant.now();

        RunFolder neverRan = new RunFolder(runs.resolve("never-ran"));
        neverRan.writeConfig(TrainingFixtures.tiny("cyclegan", 10, Map.of()));
        Files.setLastModifiedTime(neverRan.config(), FileTime.from(trainingEnded.plusSeconds(60)));

        Path broken = Files.createDirectories(runs.resolve("broken")).resolve("config.json");
        Files.writeString(broken, "{ \"mode\" : \"cartoongan\", \"size\" : ", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(broken, FileTime.from(trainingEnded.plusSeconds(120)));

        Files.writeString(Files.createDirectories(runs.resolve("notes")).resolve("ideas.txt"), "try 64 px",
                StandardCharsets.UTF_8);
        Files.writeString(runs.resolve("readme.txt"), "my runs", StandardCharsets.UTF_8);
        new RunFolder(runs.resolve(".trash")).writeConfig(TrainingFixtures.tiny("cartoongan", 4, Map.of()));
    }

    @AfterAll
    static void freeData() {
        data.close();
    }

    @Test
    void listsEveryRunNewestActivityFirstWithWhereItStands() throws IOException {
        List<RunSummary> list = RunLibrary.list(runs);

        assertEquals(List.of("broken", "never-ran", "stopped", "finished"), list.stream().map(RunSummary::name).toList(),
                "runs only, the newest activity first");

        RunSummary finished = list.get(3);
        assertEquals(runs.resolve("finished"), finished.folder());
        assertEquals("cartoongan", finished.mode());
        assertEquals("lite", finished.architecture());
        assertEquals(6, finished.stepsDone());
        assertEquals(6, finished.stepsPlanned());
        assertEquals(RunState.FINISHED, finished.state());
        assertEquals(Optional.of(runs.resolve("finished/samples/step-000006.png")), finished.latestSample());
        assertNull(finished.problem());
        assertEquals(newestWrite(runs.resolve("finished")), finished.lastActivity());
        assertTrue(!finished.lastActivity().isBefore(trainingStarted.minusSeconds(1))
                && !finished.lastActivity().isAfter(trainingEnded.plusSeconds(1)), finished.lastActivity().toString());

        RunSummary stopped = list.get(2);
        assertEquals(2, stopped.stepsDone());
        assertEquals(8, stopped.stepsPlanned());
        assertEquals(RunState.RESUMABLE, stopped.state());
        assertEquals(Optional.of(runs.resolve("stopped/samples/step-000002.png")), stopped.latestSample());
        assertTrue(stopped.lastActivity().isAfter(finished.lastActivity()), "trained after the finished run");

        RunSummary neverRan = list.get(1);
        assertEquals(RunState.NOT_STARTED, neverRan.state());
        assertEquals("cyclegan", neverRan.mode());
        assertEquals(0, neverRan.stepsDone());
        assertEquals(10, neverRan.stepsPlanned());
        assertEquals(Optional.empty(), neverRan.latestSample());
        assertNull(neverRan.problem());
    }

    @Test
    void aRunWhoseConfigurationIsDamagedIsListedAsUnreadableWithTheReasonOnOneLine() throws IOException {
        RunSummary broken = RunLibrary.list(runs).get(0);

        assertEquals(RunState.UNREADABLE, broken.state());
        Path config = runs.resolve("broken/config.json");
        assertTrue(broken.problem().startsWith(config + " is not a valid run configuration: "), broken.problem());
        assertTrue(broken.problem().endsWith("Restore it or start a new run."), broken.problem());
        assertEquals(1, broken.problem().lines().count(), broken.problem());
        assertEquals("", broken.mode());
        assertEquals("", broken.architecture());
        assertEquals(0, broken.stepsDone());
        assertEquals(0, broken.stepsPlanned());
        assertEquals(Optional.empty(), broken.latestSample());
        assertEquals(Files.getLastModifiedTime(config).toInstant(), broken.lastActivity());
    }

    @Test
    void aRunThatCannotBeTrainedWithItsConfigurationIsUnreadableToo() throws IOException {
        RunFolder run = new RunFolder(work.resolve("odd-size"));
        run.writeConfig(TrainingFixtures.tiny("cartoongan", 4, Map.of()));
        Files.writeString(run.config(), Files.readString(run.config()).replace("\"size\" : 32", "\"size\" : 30"));

        RunSummary summary = RunLibrary.summarize(run);
        assertEquals(RunState.UNREADABLE, summary.state());
        assertTrue(summary.problem().contains(run.config().toString()) && summary.problem().contains("size"),
                summary.problem());
        assertEquals(1, summary.problem().lines().count(), summary.problem());
    }

    @Test
    void checkpointsAreListedOldestFirstWithTheSampleGridNearestBeforeEach() throws IOException {
        List<CheckpointInfo> checkpoints = new RunFolder(runs.resolve("finished")).checkpointInfos();

        assertEquals(List.of(2L, 4L, 6L), checkpoints.stream().map(CheckpointInfo::step).toList());
        Path samples = runs.resolve("finished/samples");
        assertEquals(List.of(Optional.empty(), Optional.of(samples.resolve("step-000003.png")),
                        Optional.of(samples.resolve("step-000006.png"))),
                checkpoints.stream().map(CheckpointInfo::sample).toList(),
                "none before step 2, step 3's grid for step 4, step 6's own");
        assertEquals(runs.resolve("finished/checkpoints/step-000004"), checkpoints.get(1).folder());
        for (int i = 0; i < checkpoints.size(); i++) {
            Instant time = checkpoints.get(i).time();
            assertFalse(time.isBefore(trainingStarted.minusSeconds(1)) || time.isAfter(trainingEnded.plusSeconds(1)),
                    time.toString());
            assertFalse(i > 0 && time.isBefore(checkpoints.get(i - 1).time()), "written in order");
        }
        assertEquals(List.of(), new RunFolder(runs.resolve("never-ran")).checkpointInfos());
    }

    @Test
    void aCheckpointWithADamagedStateFileIsDatedByTheFile() throws IOException {
        Path copy = work.resolve("copy");
        copyTree(runs.resolve("stopped"), copy);
        Path state = copy.resolve("checkpoints/step-000002/state.json");
        Files.writeString(state, "{ damaged", StandardCharsets.UTF_8);
        Instant fileTime = Instant.parse("2024-05-01T10:00:00Z");
        Files.setLastModifiedTime(state, FileTime.from(fileTime));

        assertEquals(fileTime, new RunFolder(copy).checkpointInfos().get(0).time());
    }

    @Test
    void noRunsFolderYetMeansNoRuns() throws IOException {
        assertEquals(List.of(), RunLibrary.list(work.resolve("runs")));
        Files.createDirectories(work.resolve("empty"));
        assertEquals(List.of(), RunLibrary.list(work.resolve("empty")));
    }

    @Test
    void aFileInsteadOfTheRunsFolderIsAnErrorNamingIt() throws IOException {
        Path file = Files.writeString(work.resolve("runs"), "not a folder");
        IOException e = assertThrows(IOException.class, () -> RunLibrary.list(file));
        assertEquals(file + " is a file, not a folder of training runs. Choose the folder that holds the run folders.",
                e.getMessage());
    }

    @Test
    void aRunsFolderThatMayNotBeReadIsAnErrorSayingSo() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path locked = Files.createDirectories(work.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "root reads every folder");
            IOException e = assertThrows(IOException.class, () -> RunLibrary.list(locked));
            assertEquals("Cannot list the folder of training runs " + locked + " (permission denied). Check that your"
                    + " account may read it.", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The newest modification time of the run's config, metrics and checkpoint state files. */
    private static Instant newestWrite(Path run) throws IOException {
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(p -> p.getFileName().toString().matches("config\\.json|metrics\\.jsonl|state\\.json"))
                    .map(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .max(Instant::compareTo)
                    .orElseThrow();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
