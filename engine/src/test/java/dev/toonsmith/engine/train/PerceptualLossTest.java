package dev.toonsmith.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The perceptual content loss ({@code --perceptual}) with a real TorchScript extractor: two seeded 3x3 convs
 * returning a tuple of feature maps, saved by PyTorch 1.13 ({@code perceptual/make_features.py}).
 */
class PerceptualLossTest {

    @TempDir
    static Path shared;

    private static DataSources data;
    private static Path extractor;

    @TempDir
    Path work;

    @BeforeAll
    static void loadData() throws IOException, URISyntaxException {
        TorchRuntime.inferenceMode();
        extractor = Path.of(Objects.requireNonNull(PerceptualLossTest.class.getResource("/perceptual/features.pt")).toURI());
        data = DataSources.load(TrainingFixtures.photos(shared), TrainingFixtures.cartoons(shared), 32, (done, total) -> { });
    }

    /**
     * A tiny run with the extractor. The generator draws its image itself: a residual one starts by returning
     * the photo, where any content loss is zero and has no gradient.
     */
    private static TrainingOptions options(long steps, Path file) {
        return TrainingFixtures.tiny("cartoongan", steps, Map.of("perceptual", file.toString(), "generator", DRAWING));
    }

    private static final Map<String, Object> DRAWING = Map.of("width", 4, "residualBlocks", 1, "residual", false);

    @Test
    void theLossSumsTheL1OfEveryFeatureMapIsZeroForTheSamePictureAndLetsGradientsThrough() throws Exception {
        try (NDManager manager = TorchRuntime.engine().newBaseManager();
                FeatureExtractor features = FeatureExtractor.load(extractor, manager)) {
            ContentLoss loss = ContentLoss.perceptual(features);
            NDArray photo = manager.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray output = manager.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            assertEquals(0, loss.between(photo, photo.duplicate()).getFloat(), 1e-7, "same picture, same features");

            NDList a = features.features(output);
            NDList b = features.features(photo);
            assertEquals(2, a.size(), "the extractor returns a tuple of two maps");
            assertEquals(new Shape(2, 16, 16, 16), a.get(1).getShape());
            float first = Losses.l1(a.get(0), b.get(0)).getFloat();
            float second = Losses.l1(a.get(1), b.get(1)).getFloat();
            float perceptual = loss.between(output, photo).getFloat();
            assertEquals(first + second, perceptual, 1e-5, "the L1 of each map, summed");
            assertTrue(first > 0 && second > 0);
            assertNotEquals(Losses.lowFrequencyL1(output, photo, 4).getFloat(), perceptual, 1e-3,
                    "not the pooled-pixel loss");

            // The training thread's situation: grad mode off outside the collector, on inside it.
            output.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss.between(output, photo));
            }
            assertTrue(output.getGradient().abs().sum().getFloat() > 0, "gradients reach the generator's output");
            for (NDArray weight : features.weights()) {
                assertFalse(weight.hasGradient(), "frozen: " + weight.getName());
            }
        }
    }

    @Test
    void theGeneratorLearnsThroughTheExtractorWhoseWeightsNeverChange() throws Exception {
        // Two content-only steps, then GAN steps with the content loss alone on the generator's side.
        TrainingOptions options = TrainingOptionsCodec.with(options(6, extractor), Map.of("initSteps", 2,
                "lambdaSurface", 0, "lambdaTotalVariation", 0, "lambdaAdversarial", 0));
        try (NDManager manager = NDManager.newBaseManager();
                CartoonGanStrategy strategy = new CartoonGanStrategy(options, manager.newSubManager())) {
            TorchRuntime.inferenceMode();
            BatchSource photos = data.photos(options, 1);
            BatchSource cartoons = data.cartoons(options, 2);
            List<float[]> weightsBefore = values(strategy.featureExtractor().weights());
            List<float[]> generatorBefore = values(parameters(strategy));
            for (int step = 0; step < 4; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    strategy.setInput(photos.next(), cartoons.next(), scope);
                    strategy.optimizeParameters(new StepContext(step, 1e-3, StepContext.LossFilter.NONE));
                    assertTrue(Double.isFinite(strategy.currentLosses().get("G_content")), "step " + step);
                }
                if (step == 1) {
                    assertFalse(same(generatorBefore, values(parameters(strategy))), "the generator moved in the"
                            + " content-only steps, where the feature loss is its only loss");
                }
            }
            List<float[]> weightsAfter = values(strategy.featureExtractor().weights());
            for (int i = 0; i < weightsBefore.size(); i++) {
                assertArrayEquals(weightsBefore.get(i), weightsAfter.get(i), "extractor weight " + i);
            }
            assertEquals(List.of("generator", "discriminator"), List.copyOf(strategy.networks().keySet()),
                    "the extractor is no network of the checkpoint");
        }
    }

    @Test
    void aRunWithTheExtractorLogsFeatureContentLossesAndResumesExactly() throws Exception {
        Path file = Files.copy(extractor, work.resolve("features.pt"));
        TrainingRun whole = run(work.resolve("whole"), options(4, file), false);
        List<JsonNode> expected = TrainingFixtures.metrics(whole.folder());
        assertEquals(4, expected.size());
        for (JsonNode line : expected) {
            assertTrue(Double.isFinite(line.get("G_content").asDouble(Double.NaN)), line.toString());
        }
        assertEquals(file.toAbsolutePath().toString(), whole.folder().readConfig().perceptual(), "saved in config.json");

        TrainingRun pooled = run(work.resolve("pooled"), TrainingFixtures.tiny("cartoongan", 1, Map.of("generator", DRAWING)),
                false);
        assertNotEquals(TrainingFixtures.metrics(pooled.folder()).get(0).get("G_content").asDouble(), expected.get(0).get("G_content").asDouble(),
                1e-4, "same seed, photos and generator: only the content loss differs");

        // Stopped after step 1, as Ctrl+C would: it checkpoints step 2 and ends.
        java.util.concurrent.atomic.AtomicReference<TrainingRun> self = new java.util.concurrent.atomic.AtomicReference<>();
        TrainingRun first = TrainingRun.builder().setRunFolder(work.resolve("split")).setData(data).optOptions(options(4, file))
                .optLossFilter((name, step, loss) -> {
                    if (step == 1) {
                        self.get().stop();
                    }
                    return loss;
                })
                .build();
        self.set(first);
        first.start();
        assertTrue(first.await(Duration.ofMinutes(2)));
        assertEquals(2, first.result().orElseThrow().step());
        // The options given on resume carry nothing of the extractor: it comes from config.json.
        TrainingRun second = run(work.resolve("split"), TrainingFixtures.tiny("cartoongan", 4, Map.of()), true);
        assertEquals(file.toAbsolutePath().toString(), second.options().perceptual());
        List<JsonNode> resumed = TrainingFixtures.metrics(second.folder());
        assertEquals(4, resumed.size());
        for (int step = 2; step < 4; step++) {
            for (String loss : new String[] {"G_content", "G_total", "D_total"}) {
                assertEquals(expected.get(step).get(loss).asDouble(), resumed.get(step).get(loss).asDouble(), 1e-4,
                        loss + " at step " + step);
            }
        }
    }

    @Test
    void aResumeWhoseExtractorIsGoneSaysWhereItWasAndAcceptsItsNewPlace() throws Exception {
        Path file = Files.copy(extractor, work.resolve("features.pt"));
        run(work.resolve("run"), options(1, file), false);
        Path moved = Files.move(file, Files.createDirectories(work.resolve("elsewhere")).resolve("vgg.pt"));

        FeatureExtractorException gone = assertThrows(FeatureExtractorException.class, () -> TrainingRun.builder()
                .setRunFolder(work.resolve("run")).setData(data).optResume(true).build());
        assertTrue(gone.getMessage().contains(file.toAbsolutePath().toString()) && gone.getMessage().contains("does not exist")
                && gone.getMessage().contains("put the file back"), gone.getMessage());
        assertTrue(gone.getMessage().contains("give the perceptual option its new place when resuming")
                && !gone.getMessage().contains("--"), "names the option, not a command-line flag: " + gone.getMessage());

        TrainingRun relocated = run(work.resolve("run"), options(2, moved), true);
        assertEquals(moved.toAbsolutePath().toString(), relocated.folder().readConfig().perceptual());
        assertEquals(2, TrainingFixtures.metrics(relocated.folder()).size());
    }

    @Test
    void aMissingFileIsRefusedBeforeTheRunStarts() throws IOException {
        Path missing = work.resolve("no-such-features.pt");
        FeatureExtractorException e = assertThrows(FeatureExtractorException.class, () -> TrainingRun.builder()
                .setRunFolder(work.resolve("run")).setData(data).optOptions(options(2, missing)).build());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist")
                && e.getMessage().contains("torch.jit.save"), e.getMessage());
        assertTrue(e.getMessage().contains("Give the perceptual option the TorchScript file")
                && e.getMessage().contains("the README's section on the perceptual content loss"), e.getMessage());
        assertFalse(Files.exists(work.resolve("run").resolve("config.json")));
    }

    @Test
    void filesThatAreNotTorchScriptAreRefusedWithWhatToDo() throws IOException {
        Path text = Files.writeString(work.resolve("features.pt"), "these are not the features you are looking for");
        FeatureExtractorException e = assertThrows(FeatureExtractorException.class, () -> FeatureExtractor.check(text, 32));
        assertTrue(e.getMessage().startsWith(text.toString() + " is not a TorchScript module (torch.jit.save output)")
                && e.getMessage().contains("torch.jit.trace"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        // What torch.save writes: a zip of pickled tensors without TorchScript code.
        Path weights = work.resolve("state_dict.pt");
        try (OutputStream out = Files.newOutputStream(weights); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("state_dict/data.pkl"));
            zip.write(new byte[] {(byte) 0x80, 2, '}', 'q', 0, '.'});
            zip.putNextEntry(new ZipEntry("state_dict/version"));
            zip.write("3\n".getBytes(StandardCharsets.UTF_8));
        }
        FeatureExtractorException pickled = assertThrows(FeatureExtractorException.class,
                () -> FeatureExtractor.check(weights, 32));
        assertTrue(pickled.getMessage().contains("torch.save output"), pickled.getMessage());

        FeatureExtractorException folder = assertThrows(FeatureExtractorException.class,
                () -> FeatureExtractor.check(work, 32));
        assertTrue(folder.getMessage().contains("not a readable file"), folder.getMessage());

        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> TrainingFixtures.tiny("cyclegan", 2, Map.of("perceptual", extractor.toString())));
        assertTrue(cycle.getMessage().contains("'perceptual'"), cycle.getMessage());
    }

    private static TrainingRun run(Path folder, TrainingOptions options, boolean resume) throws Exception {
        TrainingRun run = TrainingRun.builder().setRunFolder(folder).setData(data).optOptions(options)
                .optResume(resume).build();
        run.start();
        assertTrue(run.await(Duration.ofMinutes(2)));
        assertTrue(run.failure().isEmpty(), run.failure().orElse(""));
        return run;
    }

    private static NDList parameters(CartoonGanStrategy strategy) {
        NDList list = new NDList();
        strategy.generator().getParameters().forEach(p -> list.add(p.getValue().getArray()));
        return list;
    }

    private static List<float[]> values(NDList arrays) {
        List<float[]> values = new ArrayList<>();
        arrays.forEach(a -> values.add(a.toFloatArray()));
        return values;
    }

    private static boolean same(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

}
