package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.train.data.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole training runs on tiny data: what a hobbyist relies on when they start, stop and resume a run. */
class TrainingRunTest {

    @TempDir
    static Path shared;

    private static DataSources data;

    @TempDir
    Path work;

    @BeforeAll
    static void loadData() throws IOException {
        // Like the training thread: in-place updates of parameters happen outside autograd.
        TorchRuntime.inferenceMode();
        Path photos = TrainingFixtures.photos(shared);
        Files.writeString(photos.resolve("broken.jpg"), "this is not a photo");
        data = DataSources.load(photos, TrainingFixtures.cartoons(shared), 32, (done, total) -> { });
    }

    @Test
    void aRunsHistoryReadsBackAsChartPointsAndSampleGridsEvenAfterAKillCutALineShort() throws Exception {
        TrainingRun run = TrainingFixtures.runToEnd(TrainingRun.builder()
                .setRunFolder(work.resolve("run"))
                .setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 4, Map.of()))
                .build());
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        RunFolder folder = run.folder();
        List<MetricsPoint> points = folder.readMetrics();
        List<JsonNode> lines = TrainingFixtures.metrics(folder);
        assertEquals(4, points.size());
        for (int i = 0; i < 4; i++) {
            MetricsPoint point = points.get(i);
            JsonNode line = lines.get(i);
            assertEquals(i, point.step());
            assertEquals(line.get("lr").asDouble(), point.learningRate());
            assertEquals(line.get("images_per_second").asDouble(), point.imagesPerSecond());
            assertFalse(point.losses().containsKey("step") || point.losses().containsKey("d_real"), point.toString());
            assertEquals(line.get("G_content").asDouble(), point.losses().get("G_content"));
        }
        // Step 0 is the initialization phase: no discriminator verdicts yet; later steps have them.
        assertNull(points.get(0).realScore());
        assertEquals(lines.get(3).get("d_fake").asDouble(), points.get(3).fakeScore());
        assertTrue(points.get(3).losses().keySet().containsAll(List.of("D_total", "G_total", "G_adv")),
                points.get(3).losses().toString());
        assertEquals(List.of(2L, 4L), List.copyOf(folder.sampleGrids().keySet()));
        assertEquals(folder.sampleGrids().get(4L), folder.latestSample().orElseThrow());

        Files.writeString(folder.metrics(), "{\"step\":4,\"epoch\":0,\"lr\":0.0002,\"G_to", StandardOpenOption.APPEND);
        assertEquals(4, folder.readMetrics().size(), "a line cut short is left out");
        assertEquals(List.of(), new RunFolder(work.resolve("nothing-here")).readMetrics());
    }

    @Test
    void aRunWritesConfigMetricsSamplesAndCheckpointsWithFiniteLosses() throws Exception {
        List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        TrainingRun run = TrainingRun.builder()
                .setRunFolder(work.resolve("run"))
                .setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 6, Map.of()))
                .addListener(events::add)
                .build();
        run.start();
        assertTrue(run.await(Duration.ofMinutes(2)));
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        RunFolder folder = run.folder();
        assertTrue(Files.exists(folder.config()));
        List<JsonNode> metrics = TrainingFixtures.metrics(folder);
        assertEquals(6, metrics.size());
        for (JsonNode line : metrics) {
            line.fields().forEachRemaining(f -> {
                if (f.getValue().isNumber()) {
                    assertTrue(Double.isFinite(f.getValue().asDouble()), f.getKey() + " at step " + line.get("step"));
                }
            });
        }
        JsonNode last = metrics.get(5);
        for (String field : new String[] {"step", "epoch", "lr", "G_adv", "G_content", "D_real", "D_fake", "D_total",
            "d_real", "d_fake", "images_per_second"}) {
            assertTrue(last.has(field), "metrics have " + field + ": " + last);
        }
        assertTrue(Files.exists(folder.samples().resolve("step-000006.png")));
        assertTrue(folder.checkpoint(6).isPresent());
        assertTrue(events.get(0) instanceof TrainingEvent.Started);
        TrainingEvent.Started started = (TrainingEvent.Started) events.get(0);
        assertTrue(started.skipped().stream().anyMatch(s -> s.file().getFileName().toString().equals("broken.jpg")),
                "the unreadable photo is listed: " + started.skipped());
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Finished);
        assertEquals(6, events.stream().filter(e -> e instanceof TrainingEvent.Step).count());
    }

    @Test
    void bothNetworksLearnAndTheDiscriminatorStandsStillDuringTheGeneratorStep() throws Exception {
        TrainingOptions options = TrainingFixtures.tiny("cartoongan", 10, Map.of("initSteps", 0));
        try (NDManager manager = NDManager.newBaseManager();
                CartoonGanStrategy strategy = new CartoonGanStrategy(options, manager.newSubManager())) {
            TorchRuntime.inferenceMode();
            BatchSource photos = data.photos(options, 1);
            BatchSource cartoons = data.cartoons(options, 2);
            Map<String, float[]> generatorBefore = snapshot(strategy.networks().get("generator"));
            Map<String, float[]> discriminatorBefore = snapshot(strategy.networks().get("discriminator"));
            try (NDManager scope = manager.newSubManager()) {
                strategy.setInput(photos.next(), cartoons.next(), scope);
                strategy.generatorStep(new StepContext(0, 2e-4, StepContext.LossFilter.NONE));
            }
            Map<String, float[]> discriminatorAfter = snapshot(strategy.networks().get("discriminator"));
            for (Map.Entry<String, float[]> e : discriminatorBefore.entrySet()) {
                assertArrayEquals(e.getValue(), discriminatorAfter.get(e.getKey()), "D parameter " + e.getKey());
            }
            assertFalse(same(generatorBefore, snapshot(strategy.networks().get("generator"))), "G moved in its step");
            try (NDManager scope = manager.newSubManager()) {
                strategy.setInput(photos.next(), cartoons.next(), scope);
                strategy.optimizeParameters(new StepContext(1, 2e-4, StepContext.LossFilter.NONE));
            }
            assertFalse(same(discriminatorBefore, snapshot(strategy.networks().get("discriminator"))), "D moved in its step");
        }
    }

    @Test
    void closingARunningRunStopsItAfterACheckpointAndClosingAnUnstartedOneIsHarmless() throws Exception {
        java.util.concurrent.CountDownLatch stepped = new java.util.concurrent.CountDownLatch(2);
        TrainingRun closed;
        try (TrainingRun run = TrainingRun.builder().setRunFolder(work.resolve("closed")).setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 100_000, Map.of("checkpointEvery", 100_000)))
                .addListener(event -> {
                    if (event instanceof TrainingEvent.Step) {
                        stepped.countDown();
                    }
                })
                .build()) {
            run.start();
            assertTrue(stepped.await(2, java.util.concurrent.TimeUnit.MINUTES), "the run trains");
            closed = run;
        }
        TrainingEvent.Finished finished = closed.result().orElseThrow();
        assertTrue(finished.stoppedEarly());
        assertEquals(finished.step(), RunFolder.stepOf(closed.folder().latestCheckpoint().orElseThrow()),
                "the step it stopped at is checkpointed");
        try (TrainingRun unstarted = TrainingRun.builder().setRunFolder(work.resolve("unstarted")).setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 4, Map.of())).build()) {
            assertTrue(unstarted.result().isEmpty());
        }
    }

    @Test
    void aResumedRunContinuesExactlyLikeAnUninterruptedOne() throws Exception {
        TrainingOptions options = TrainingFixtures.tiny("cartoongan", 8, Map.of());
        TrainingRun whole = TrainingFixtures.runToEnd(
                TrainingRun.builder().setRunFolder(work.resolve("whole")).setData(data).optOptions(options).build());

        // Stopped after step 3, as a user pressing Ctrl+C would: it checkpoints step 4 and ends.
        java.util.concurrent.atomic.AtomicReference<TrainingRun> self = new java.util.concurrent.atomic.AtomicReference<>();
        TrainingRun first = TrainingRun.builder().setRunFolder(work.resolve("split")).setData(data).optOptions(options)
                .optLossFilter((name, step, loss) -> {
                    if (step == 3) {
                        self.get().stop();
                    }
                    return loss;
                })
                .build();
        self.set(first);
        first.start();
        assertTrue(first.await(Duration.ofMinutes(2)));
        assertTrue(first.result().orElseThrow().stoppedEarly());
        assertEquals(4, first.result().orElseThrow().step());
        TrainingRun second = TrainingRun.builder().setRunFolder(work.resolve("split")).setData(data)
                .optOptions(options).optResume(true).build();
        second.start();
        assertTrue(second.await(Duration.ofMinutes(2)));
        assertTrue(second.failure().isEmpty(), second.failure().orElse(""));

        List<JsonNode> expected = TrainingFixtures.metrics(whole.folder());
        List<JsonNode> resumed = TrainingFixtures.metrics(second.folder());
        assertEquals(8, resumed.size(), "steps 0-7 once each");
        for (int step = 4; step < 8; step++) {
            for (String loss : new String[] {"G_total", "D_total", "G_adv", "D_real"}) {
                assertTrue(resumed.get(step).has(loss), "step " + step + " logged " + resumed.get(step));
                assertEquals(expected.get(step).get(loss).asDouble(), resumed.get(step).get(loss).asDouble(), 1e-4,
                        loss + " at step " + step);
            }
        }
        Path a = whole.folder().checkpoint(8).orElseThrow();
        Path b = second.folder().checkpoint(8).orElseThrow();
        assertCheckpointsClose(a, b, "optimizer-generator.safetensors", "optimizer-discriminator.safetensors",
                "generator.safetensors");
        assertEquals(Checkpoint.readState(a).optimizerSteps(), Checkpoint.readState(b).optimizerSteps());
    }

    @Test
    void aGarbageCollectionBetweenForwardAndBackwardPassChangesNothing() throws Exception {
        // The loss filter runs after the losses are built and before autograd walks back through them: the
        // moment at which memory that the graph still reads, but Java no longer holds, would be freed.
        TrainingOptions options = TrainingFixtures.tiny("cartoongan", 3, Map.of());
        TrainingRun calm = TrainingFixtures.runToEnd(
                TrainingRun.builder().setRunFolder(work.resolve("calm")).setData(data).optOptions(options).build());
        TrainingRun collected = TrainingFixtures.runToEnd(TrainingRun.builder().setRunFolder(work.resolve("collected"))
                .setData(data).optOptions(options)
                .optLossFilter((name, step, loss) -> {
                    collectGarbage();
                    return loss;
                })
                .build());
        assertTrue(collected.failure().isEmpty(), collected.failure().orElse(""));

        List<JsonNode> expected = TrainingFixtures.metrics(calm.folder());
        List<JsonNode> actual = TrainingFixtures.metrics(collected.folder());
        assertEquals(expected.size(), actual.size());
        for (int step = 0; step < expected.size(); step++) {
            for (String loss : new String[] {"G_total", "G_content", "D_total"}) {
                assertEquals(expected.get(step).path(loss).asDouble(0), actual.get(step).path(loss).asDouble(0), 1e-6,
                        loss + " at step " + step);
            }
        }
        assertCheckpointsClose(calm.folder().checkpoint(3).orElseThrow(), collected.folder().checkpoint(3).orElseThrow(),
                "generator.safetensors", "discriminator.safetensors", "optimizer-generator.safetensors",
                "optimizer-discriminator.safetensors");
    }

    /**
     * A full collection, and then time for the JDK to free the native memory of the direct buffers it found
     * unreachable (their count drops once it has).
     */
    private static void collectGarbage() {
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        long before = direct.getCount();
        for (int i = 0; i < 20 && direct.getCount() >= before; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void aNonFiniteLossSkipsTheUpdateLowersTheRateAndRollsBackAfterThree() throws Exception {
        List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger poisoned = new java.util.concurrent.atomic.AtomicInteger();
        TrainingRun run = TrainingRun.builder()
                .setRunFolder(work.resolve("nan"))
                .setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 8, Map.of()))
                .optLossFilter((name, step, loss) -> name.equals("G_total") && step >= 5 && poisoned.get() < 3
                        && poisoned.incrementAndGet() > 0 ? loss.mul(Float.NaN) : loss)
                .addListener(events::add)
                .build();
        run.start();
        assertTrue(run.await(Duration.ofMinutes(2)));
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        List<TrainingEvent.NonFinite> guards = events.stream()
                .filter(e -> e instanceof TrainingEvent.NonFinite).map(e -> (TrainingEvent.NonFinite) e).toList();
        assertEquals(3, guards.size());
        assertEquals(0.5, guards.get(0).learningRateScale(), 1e-9);
        assertEquals(0.125, guards.get(2).learningRateScale(), 1e-9);
        TrainingEvent.RolledBack back = events.stream().filter(e -> e instanceof TrainingEvent.RolledBack)
                .map(e -> (TrainingEvent.RolledBack) e).findFirst().orElseThrow();
        assertEquals(4, back.step(), "back to the checkpoint of step 4");
        assertTrue(run.result().orElseThrow().step() == 8);
        List<JsonNode> lines = TrainingFixtures.metrics(run.folder());
        assertEquals(8, lines.size(), "the steps after the checkpoint are logged once, after the rollback");
        for (JsonNode line : lines) {
            assertTrue(Double.isFinite(line.path("G_total").asDouble(0)), line.toString());
        }
    }

    @Test
    void cycleGanTrainsAndItsPoolSurvivesACheckpoint() throws Exception {
        TrainingRun run = TrainingRun.builder().setRunFolder(work.resolve("cycle")).setData(data)
                .optOptions(TrainingFixtures.tiny("cyclegan", 4, Map.of())).build();
        run.start();
        assertTrue(run.await(Duration.ofMinutes(2)));
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        JsonNode last = TrainingFixtures.metrics(run.folder()).get(3);
        assertTrue(last.has("G_cycle") && last.has("G_identity") && last.has("D_cartoon"), last.toString());
        assertTrue(Files.size(run.folder().checkpoint(4).orElseThrow().resolve("extra.safetensors")) > 0);
    }

    @Test
    void noArraysAccumulateOver50Steps() throws Exception {
        // With the flattening layer, whose box filters make their kernels on every pass.
        TrainingOptions options = TrainingFixtures.tiny("cartoongan", 60, Map.of("initSteps", 2,
                "generator", Map.of("width", 4, "residualBlocks", 1, "flatten", 2)));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDManager networks = manager.newSubManager();
            try (CartoonGanStrategy strategy = new CartoonGanStrategy(options, networks)) {
                TorchRuntime.inferenceMode();
                BatchSource photos = data.photos(options, 1);
                BatchSource cartoons = data.cartoons(options, 2);
                int afterWarmUp = 0;
                for (int step = 0; step < 55; step++) {
                    try (NDManager scope = manager.newSubManager()) {
                        // The strategy makes its edge-smoothed cartoons and flattened photos itself, every step.
                        strategy.setInput(photos.next(), cartoons.next(), scope);
                        strategy.optimizeParameters(new StepContext(step, 2e-4, StepContext.LossFilter.NONE));
                    }
                    if (step == 4) {
                        afterWarmUp = count(networks);
                    }
                }
                assertEquals(afterWarmUp, count(networks), "arrays held by the networks and optimizers");
            }
        }
    }

    @Test
    void anEmptyFolderIsRefusedWithItsName() throws IOException {
        Path empty = Files.createDirectories(work.resolve("nothing-here"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> DataSources.load(empty, empty, 32, (done, total) -> { }));
        assertTrue(e.getMessage().contains("nothing-here"), e.getMessage());
    }

    @Test
    void aFolderWithARunIsNotOverwrittenWithoutResume() throws Exception {
        TrainingRun run = TrainingRun.builder().setRunFolder(work.resolve("once")).setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 1, Map.of())).build();
        run.start();
        assertTrue(run.await(Duration.ofMinutes(1)));
        TrainingOptionException e = assertThrows(TrainingOptionException.class, () -> TrainingRun.builder()
                .setRunFolder(work.resolve("once")).setData(data)
                .optOptions(TrainingFixtures.tiny("cartoongan", 1, Map.of())).build());
        // Each front end names its own control for the option: "--resume", or the Train page's Resume button.
        assertEquals("resume", e.option());
        assertEquals("is off, but " + work.resolve("once") + " already holds a run. Resume it, or choose another"
                + " folder for a new run.", e.problem());
    }

    @Test
    void resumingAFolderWithoutARunNamesTheFolder() {
        TrainingOptionException e = assertThrows(TrainingOptionException.class, () -> TrainingRun.builder()
                .setRunFolder(work.resolve("empty")).setData(data).optResume(true).build());
        assertEquals("resume", e.option());
        assertTrue(e.problem().startsWith("is on, but " + work.resolve("empty") + " holds no run to resume."),
                e.problem());
    }

    private static int count(NDManager manager) {
        int total = manager.getManagedArrays().size();
        return total;
    }


    private static Map<String, float[]> snapshot(ai.djl.nn.Block block) {
        Map<String, float[]> values = new TreeMap<>();
        block.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    private static boolean same(Map<String, float[]> a, Map<String, float[]> b) {
        for (Map.Entry<String, float[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static void assertCheckpointsClose(Path a, Path b, String... files) throws IOException {
        for (String file : files) {
            assertTensorsClose(a.resolve(file), b.resolve(file), file);
        }
    }

    private static void assertTensorsClose(Path a, Path b, String what) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList x = NDList.decode(manager, Files.readAllBytes(a));
            NDList y = NDList.decode(manager, Files.readAllBytes(b));
            assertEquals(x.size(), y.size(), what);
            for (int i = 0; i < x.size(); i++) {
                NDArray u = x.get(i);
                NDArray v = y.get(i);
                assertEquals(u.getName(), v.getName(), what);
                float diff = u.sub(v).abs().max().getFloat();
                assertTrue(diff < 1e-4, what + " " + u.getName() + " differs by " + diff);
            }
        }
    }
}
