package dev.toonsmith.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.infer.TileProgress;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.Preset;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.render.RenderPipeline;
import dev.toonsmith.engine.image.HostileImages;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** A designer's batch: folders in, styled images out, bad files reported, nothing lost, nothing done twice. */
class BatchJobTest {

    private static final Path SAMPLES = Path.of("..", "sample-images").toAbsolutePath().normalize();

    @TempDir
    static Path shared;

    private static RenderSettings look;

    @TempDir
    Path work;

    @BeforeAll
    static void defaultStyleWithAPreset() throws IOException {
        OpenCv.load();
        StyleBundle style = StyleLibrary.load(new UserDirectories(shared.resolve("home"))).resolve(null);
        Preset preset = new PresetLibrary(new UserDirectories(shared.resolve("home"))).resolve("Comic ink");
        look = RenderSettings.builder().optStyle(style).optStrength(0.8)
                .optPost(preset.settings(), preset.name()).build();
    }

    /** A small copy of a sample photo, as {@code extension} in {@code folder}. */
    private static Path photo(Path folder, String sample, String name, int width) throws IOException {
        Files.createDirectories(folder);
        Mat full = Imgcodecs.imread(SAMPLES.resolve(sample).toString());
        Mat small = new Mat();
        Imgproc.resize(full, small, new Size(width, Math.round(width * full.rows() / (double) full.cols())), 0, 0,
                Imgproc.INTER_AREA);
        Path file = folder.resolve(name);
        MatOfByte encoded = new MatOfByte();
        Imgcodecs.imencode(name.substring(name.lastIndexOf('.')), small, encoded);
        Files.write(file, encoded.toArray());
        return file;
    }

    /**
     * The acceptance tree: good photos in a folder and a sub-folder, an RGBA PNG, a 16-bit PNG, a name with
     * spaces and non-ASCII letters, and three files that are not usable images.
     */
    private Path tree() throws IOException {
        Path in = work.resolve("shoot");
        photo(in, "cat.jpg", "cat.jpg", 96);
        photo(in, "city.jpg", "Café au lait été.png", 80);
        Path sub = in.resolve("day two");
        photo(sub, "coffee.jpg", "coffee.jpg", 72);
        Mat rgb = Imgcodecs.imread(photo(sub, "countryside.jpg", "tmp.png", 64).toString());
        Files.delete(sub.resolve("tmp.png"));
        Mat rgba = new Mat();
        Imgproc.cvtColor(rgb, rgba, Imgproc.COLOR_BGR2BGRA);
        Imgcodecs.imwrite(sub.resolve("cutout.png").toString(), rgba);
        Mat deep = new Mat();
        rgb.convertTo(deep, CvType.CV_16UC3, 257);
        Imgcodecs.imwrite(sub.resolve("scan-16bit.png").toString(), deep);
        byte[] jpeg = Files.readAllBytes(photo(in, "astronaut.jpg", "holiday.jpg", 90));
        Files.write(in.resolve("holiday.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(in.resolve("empty.png"), new byte[0]);
        Files.writeString(in.resolve("notes.png"), "shot list: beach, pier, sunset\n");
        Files.writeString(in.resolve("README.txt"), "not an image, and not named like one: not an input\n");
        return in;
    }

    private static Map<String, String> checksums(Path folder) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sums.put(folder.relativize(f).toString(), HexFormat.of().formatHex(
                        MessageDigestHolder.sha256(Files.readAllBytes(f))));
            }
        }
        return sums;
    }

    private static final class MessageDigestHolder {
        static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private BatchJob.Builder job(Path in, Path out) {
        return BatchJob.builder().addInput(in).setOutputFolder(out).optRecursive(true).setSettings(look)
                .optDevice(DevicePreference.CPU);
    }

    @Test
    void badFilesAreReportedWithTheirReasonAndEveryGoodPhotoIsRendered() throws Exception {
        Path in = tree();
        Map<String, String> before = checksums(in);
        Path out = work.resolve("cartoons");
        List<BatchEvent> events = new ArrayList<>();
        BatchReport report = job(in, out).optListener(events::add).build().run();

        assertEquals(8, report.results().size(), "five photos and three broken files; README.txt is no input");
        assertEquals(5, report.count(ItemStatus.DONE));
        assertEquals(3, report.count(ItemStatus.FAILED));
        assertFalse(report.allSucceeded());
        Map<String, String> failures = new TreeMap<>();
        report.failures().forEach(r -> failures.put(r.item().source().getFileName().toString(), r.message()));
        assertEquals(List.of("empty.png", "holiday.jpg", "notes.png"), List.copyOf(failures.keySet()));
        assertTrue(failures.get("holiday.jpg").contains("truncated"), failures.toString());
        assertTrue(failures.get("empty.png").contains("empty"), failures.toString());
        assertTrue(failures.get("notes.png").contains("not"), failures.toString());

        for (ItemResult done : report.results().stream().filter(r -> r.status() == ItemStatus.DONE).toList()) {
            try (Image source = ImageReader.read(done.item().source()); Image result = ImageReader.read(done.output())) {
                assertEquals(source.width(), result.width(), done.toString());
                assertEquals(source.height(), result.height(), done.toString());
            }
        }
        assertTrue(Files.exists(out.resolve("Café au lait été_toonsmith-default.png")));
        assertTrue(Files.exists(out.resolve("cat_toonsmith-default.jpg")), "the source's format by default");
        assertTrue(Files.exists(out.resolve("day two").resolve("scan-16bit_toonsmith-default.png")),
                "sub-folders mirrored");
        try (Image cutout = ImageReader.read(out.resolve("day two").resolve("cutout_toonsmith-default.png"))) {
            assertTrue(cutout.hasAlpha(), "a cut-out keeps its transparency");
        }
        assertEquals(before, checksums(in), "sources are never modified");

        String csv = Files.readString(report.csv());
        assertTrue(csv.startsWith("index,input,status,output,width,height,millis,message"), csv);
        assertEquals(9, csv.lines().count(), csv);
        assertTrue(csv.contains("\"" + in.resolve("Café au lait été.png") + "\"") || csv.contains(
                in.resolve("Café au lait été.png").toString()), csv);
        String json = Files.readString(report.json());
        assertTrue(json.contains("\"failed\" : 3") && json.contains("\"done\" : 5"), json);
        String settings = Files.readString(report.settings());
        assertTrue(settings.contains("\"strength\" : 0.8") && settings.contains("Comic ink"), settings);
        assertTrue(Files.exists(out.resolve("toonsmith-batch-report-look.json")), "the look, as a preset file");

        assertTrue(events.get(0) instanceof BatchEvent.Planned);
        assertTrue(events.get(events.size() - 1) instanceof BatchEvent.Finished);
        BatchEvent.ItemFinished last = (BatchEvent.ItemFinished) events.get(events.size() - 2);
        assertEquals(8, last.progress().finished());
        assertEquals(1.0, last.progress().fraction());

        BatchReport again = job(in, out).build().run();
        assertEquals(5, again.count(ItemStatus.SKIPPED), "a second run skips what the first finished");
        assertEquals(3, again.count(ItemStatus.FAILED));
        assertTrue(again.results().stream().filter(r -> r.status() == ItemStatus.SKIPPED)
                .allMatch(r -> r.message().contains("earlier run")));
    }

    @Test
    void picturesTooLargeToDecodeFailWithTheirReasonInUnderASecondAndTheBatchGoesOn() throws Exception {
        Path in = work.resolve("scans");
        photo(in, "cat.jpg", "cat.jpg", 160);
        HostileImages.png30000(in, "bomb.png");
        HostileImages.jpegHeader(in, "scan.jpg", 65000, 65000);
        HostileImages.tiffAtLimit(in, "huge.tif");
        HostileImages.webpAtLimit(in, "huge.webp");

        BatchReport report = job(in, work.resolve("out")).build().run();

        assertEquals(1, report.count(ItemStatus.DONE));
        assertEquals(4, report.count(ItemStatus.FAILED));
        for (ItemResult failed : report.failures()) {
            String name = failed.item().source().getFileName().toString();
            assertTrue(failed.message().startsWith("Cannot read " + name + ": it is "), failed.message());
            assertTrue(failed.message().contains("Toonsmith decodes at most 183 MP"), failed.message());
            assertTrue(failed.millis() < 1000, name + " took " + failed.millis() + " ms to refuse");
        }
        assertTrue(report.failures().stream().anyMatch(r -> r.message().contains("30000x30000 pixels (900 MP)")));
    }

    @Test
    void renameNeverOverwritesAndOverwriteReplaces() throws Exception {
        Path in = work.resolve("in");
        photo(in, "cat.jpg", "cat.png", 64);
        Path out = work.resolve("out");
        Files.createDirectories(out);
        Path taken = out.resolve("cat_toonsmith-default.png");
        Files.writeString(taken, "yesterday's result");

        BatchReport skipped = job(in, out).build().run();
        assertEquals(ItemStatus.SKIPPED, skipped.results().get(0).status());
        assertTrue(skipped.results().get(0).message().contains("exists"), skipped.results().get(0).message());

        BatchReport renamed = job(in, out).optOnExists(ExistingOutput.RENAME).build().run();
        assertEquals(ItemStatus.DONE, renamed.results().get(0).status());
        assertEquals(out.resolve("cat_toonsmith-default-2.png"), renamed.results().get(0).output());
        assertEquals("yesterday's result", Files.readString(taken));

        BatchReport renamedAgain = job(in, out).optOnExists(ExistingOutput.RENAME).build().run();
        assertEquals(ItemStatus.SKIPPED, renamedAgain.results().get(0).status(), "done before: no -3");
        assertFalse(Files.exists(out.resolve("cat_toonsmith-default-3.png")));

        RenderSettings other = look.toBuilder().optStrength(0.5).build();
        BatchReport overwritten = job(in, out).setSettings(other).optOnExists(ExistingOutput.OVERWRITE).build().run();
        assertEquals(ItemStatus.DONE, overwritten.results().get(0).status());
        try (Image replaced = ImageReader.read(taken)) {
            assertEquals(64, replaced.width());
        }
    }

    @Test
    void theBatchMakesTheSamePixelsAsTheOneFilePipeline() throws Exception {
        Path in = work.resolve("in");
        Path source = photo(in, "grace-hopper.jpg", "grace.png", 120);
        Path out = work.resolve("out");
        BatchReport report = job(in, out).optWorkers(2).build().run();
        Path single = work.resolve("single.png");
        try (RenderPipeline pipeline = RenderPipeline.open(look, DevicePreference.CPU)) {
            pipeline.renderFile(source, single, TileProgress.NONE);
        }
        try (Image batch = ImageReader.read(report.results().get(0).output()); Image one = ImageReader.read(single)) {
            Mat diff = new Mat();
            Core.absdiff(batch.mat(), one.mat(), diff);
            assertEquals(0, Core.countNonZero(diff.reshape(1)), "not one pixel differs");
        }
    }

    @Test
    void anOutputFolderInsideTheInputIsNeverReadAsInput() throws Exception {
        Path in = work.resolve("in");
        photo(in, "cat.jpg", "cat.png", 64);
        Path out = in.resolve("cartoons");
        job(in, out).build().run();
        BatchReport again = job(in, out).optOnExists(ExistingOutput.OVERWRITE).build().run();
        assertEquals(1, again.results().size(), again.results().toString());
        assertThrows(BatchOptionException.class, () -> job(in, in).build(), "the input folder itself");
    }

    @Test
    void anUnwritableOutputFailsFastWithAClearMessage() throws Exception {
        Path in = work.resolve("in");
        photo(in, "cat.jpg", "cat.png", 64);
        Path aFile = work.resolve("a-file");
        Files.writeString(aFile, "x");
        IOException e = assertThrows(IOException.class, () -> job(in, aFile.resolve("out")).build().run());
        assertTrue(e.getMessage().contains(aFile.resolve("out").toString()) && e.getMessage().contains("Choose"),
                e.getMessage());
    }

    @Test
    void cancellingStopsAndLeavesNoHalfWrittenFile() throws Exception {
        Path in = work.resolve("in");
        for (int i = 0; i < 6; i++) {
            photo(in, "coffee.jpg", "coffee-" + i + ".png", 80);
        }
        Path out = work.resolve("out");
        BatchJob[] job = new BatchJob[1];
        job[0] = job(in, out).optListener(e -> {
            if (e instanceof BatchEvent.ItemFinished) {
                job[0].cancel();
            }
        }).build();
        BatchReport report = job[0].run();
        assertTrue(report.cancelled());
        assertTrue(report.count(ItemStatus.CANCELLED) >= 1, report.results().toString());
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".") && !n.equals(BatchJournal.FILE_NAME)),
                    "no temporary files: " + names);
        }
        BatchReport rest = job(in, out).build().run();
        assertEquals(6, rest.count(ItemStatus.DONE) + rest.count(ItemStatus.SKIPPED));
        assertTrue(rest.allSucceeded());
    }

    @Test
    void aTinyPixelBudgetStillFinishesOneImageAtATime() throws Exception {
        Path in = work.resolve("in");
        photo(in, "cat.jpg", "a.png", 64);
        photo(in, "city.jpg", "b.png", 64);
        BatchReport report = job(in, work.resolve("out")).optPixelBudget(1).optWorkers(2).build().run();
        assertEquals(2, report.count(ItemStatus.DONE));
    }

    @Test
    void namesFollowTheTemplateAndBadTemplatesAreRefused() throws Exception {
        Path in = work.resolve("in");
        photo(in, "cat.jpg", "cat.png", 64);
        BatchReport report = job(in, work.resolve("out")).optNameTemplate(new NameTemplate("{index}-{name}-{preset}.{ext}"))
                .build().run();
        assertEquals("0001-cat-comic-ink.png", report.results().get(0).output().getFileName().toString());
        for (String bad : List.of("{style}.{ext}", "{name}.png", "{name}/{style}.{ext}", "{name}_{colour}.{ext}", " ")) {
            BatchOptionException e = assertThrows(BatchOptionException.class, () -> new NameTemplate(bad), bad);
            assertEquals("name-template", e.option());
        }
    }
}
