package dev.toonsmith.engine.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.post.PresetLibrary;
import dev.toonsmith.engine.render.RenderSettings;
import dev.toonsmith.engine.style.StyleBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a batch writes beside its outputs: the report (CSV for spreadsheets, JSON for scripts) and the
 * settings it ran with (a JSON file, and the post-processing as a preset file {@code --post} reads back).
 */
final class BatchRecords {

    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchRecords() {}

    /** The settings as JSON: what decides the pixels and the names, so that the batch can be run again. */
    static ObjectNode settings(RenderSettings settings, NameTemplate template, ExistingOutput onExists,
            boolean recursive, List<Path> inputs, Path output, String postFile) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.set("render", render(settings, postFile));
        root.put("nameTemplate", template.pattern());
        root.put("onExists", onExists.id());
        root.put("recursive", recursive);
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(p -> in.add(p.toString()));
        root.put("output", output.toString());
        return root;
    }

    private static ObjectNode render(RenderSettings settings, String postFile) {
        ObjectNode render = JSON.createObjectNode();
        if (settings.style().isPresent()) {
            StyleBundle style = settings.style().get();
            ObjectNode s = render.putObject("style");
            s.put("id", style.manifest().id());
            s.put("name", style.manifest().name());
            s.put("file", style.file().toString());
            s.put("fileSize", style.fileSize());
        } else {
            render.putNull("style");
        }
        render.put("strength", settings.strength());
        render.put("workingEdge", settings.workingEdge());
        render.put("maxEdge", settings.maxEdge());
        render.put("tile", settings.tileSize());
        if (settings.post().isPresent()) {
            ObjectNode post = render.putObject("post");
            post.put("preset", settings.postName().orElse(null));
            post.put("summary", settings.post().get().summary());
            post.put("file", postFile);
        } else {
            render.putNull("post");
        }
        if (settings.format().isPresent()) {
            render.put("format", settings.format().get().extensions().get(0));
        } else {
            render.put("format", "source");
        }
        render.put("quality", settings.quality());
        return render;
    }

    /**
     * A digest of what decides an output's pixels and name: two runs with the same one would write the same
     * files, so the second may skip what the first finished.
     */
    static String fingerprint(RenderSettings settings, NameTemplate template) {
        ObjectNode key = render(settings, null);
        key.put("nameTemplate", template.pattern());
        if (settings.post().isPresent()) {
            ((ObjectNode) key.get("post")).put("settings", settings.post().get().toString());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(JSON.writeValueAsBytes(key)), 0, 12);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot digest the batch settings", e);
        }
    }

    /** Writes the settings JSON and, with post-processing, its preset file beside it; both atomically. */
    static void writeSettings(Path file, ObjectNode settings, RenderSettings render, Path postFile)
            throws IOException {
        if (render.post().isPresent()) {
            PresetLibrary.writeFile(postFile, render.postName().orElse("Batch look"),
                    "The post-processing of the batch whose settings are in " + file.getFileName() + ".",
                    render.post().get());
        }
        AtomicFiles.write(file, JSON.writeValueAsBytes(settings));
    }

    /**
     * A builder holding the settings a batch wrote: the same inputs, output folder, look, names and policy.
     *
     * @throws IOException naming the file and what is wrong with it, or the style or preset file it names
     */
    static BatchJob.Builder readSettings(Path file) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot read the batch settings " + file + ": " + e.getMessage()
                    + ". Give the -settings.json file a batch wrote.", e);
        }
        com.fasterxml.jackson.databind.JsonNode render = root.path("render");
        if (root.path("formatVersion").asInt() != FORMAT_VERSION || !render.isObject()) {
            throw new IOException("Cannot read the batch settings " + file + ": it is not a Toonsmith batch settings"
                    + " file (formatVersion " + FORMAT_VERSION + " with a render section). Give the -settings.json"
                    + " file a batch wrote.");
        }
        RenderSettings.Builder look = RenderSettings.builder();
        if (render.path("style").isObject()) {
            Path style = Path.of(render.path("style").path("file").asText());
            if (!java.nio.file.Files.isRegularFile(style)) {
                throw new IOException("Cannot repeat the batch of " + file + ": its style file " + style
                        + " is gone. Give the style again with --style.");
            }
            look.optStyle(StyleBundle.read(style));
        }
        look.optStrength(render.path("strength").asDouble(1.0)).optWorkingEdge(render.path("workingEdge").asInt(-1))
                .optMaxEdge(render.path("maxEdge").asInt(0)).optTileSize(render.path("tile").asInt(0))
                .optQuality(render.path("quality").asInt(95));
        String format = render.path("format").asText("source");
        if (!format.equals("source")) {
            look.optFormat(dev.toonsmith.engine.image.OutputFormat.forPath(Path.of("x." + format)).orElseThrow(
                    () -> new IOException("Cannot read the batch settings " + file + ": unknown format '" + format
                            + "'.")));
        }
        if (render.path("post").isObject()) {
            Path postFile = file.resolveSibling(render.path("post").path("file").asText());
            dev.toonsmith.engine.post.Preset preset = new PresetLibrary(
                    dev.toonsmith.engine.io.UserDirectories.platform()).load(postFile);
            com.fasterxml.jackson.databind.JsonNode name = render.path("post").path("preset");
            look.optPost(preset.settings(), name.isTextual() ? name.asText() : null);
        }
        BatchJob.Builder builder = BatchJob.builder().setSettings(look.build())
                .optNameTemplate(new NameTemplate(root.path("nameTemplate").asText(NameTemplate.DEFAULT.pattern())))
                .optOnExists(ExistingOutput.parse(root.path("onExists").asText("skip")))
                .optRecursive(root.path("recursive").asBoolean(false))
                .setOutputFolder(Path.of(root.path("output").asText()));
        root.path("inputs").forEach(in -> builder.addInput(Path.of(in.asText())));
        return builder;
    }

    private static final List<String> COLUMNS = List.of("index", "input", "status", "output", "width", "height",
            "millis", "message");

    /** Writes the report as CSV and JSON, atomically. */
    static void writeReport(BatchReport report, Path settingsFile) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ItemResult r : report.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", r.item().index());
            row.put("input", r.item().source().toString());
            row.put("status", r.status().id());
            row.put("output", r.output() == null ? "" : r.output().toString());
            row.put("width", r.width());
            row.put("height", r.height());
            row.put("millis", r.millis());
            row.put("message", r.message());
            rows.add(row);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        byte[] csv = new CsvMapper().writer(schema.build()).writeValueAsBytes(rows);
        AtomicFiles.write(report.csv(), csv);

        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("elapsedSeconds", report.elapsed().toMillis() / 1000.0);
        root.put("done", report.count(ItemStatus.DONE));
        root.put("skipped", report.count(ItemStatus.SKIPPED));
        root.put("failed", report.count(ItemStatus.FAILED));
        root.put("cancelled", report.count(ItemStatus.CANCELLED));
        root.put("stoppedBy", report.fatal().orElse(null));
        root.put("wasCancelled", report.cancelled());
        root.put("imagesPerMinute", report.imagesPerMinute());
        root.put("settings", settingsFile.getFileName().toString());
        root.set("items", JSON.valueToTree(rows));
        AtomicFiles.write(report.json(), JSON.writeValueAsBytes(root));
    }
}
