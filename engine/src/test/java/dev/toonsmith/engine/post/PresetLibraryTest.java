package dev.toonsmith.engine.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PostSettings.Adjust;
import dev.toonsmith.engine.post.PostSettings.OutlineMode;
import dev.toonsmith.engine.post.PostSettings.Outlines;
import dev.toonsmith.engine.post.PostSettings.Quantize;
import dev.toonsmith.engine.post.PostSettings.Rgb;
import dev.toonsmith.engine.post.PostSettings.Smooth;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetLibraryTest {

    private static final PostSettings LOOK = PostSettings.NONE
            .withSmooth(Smooth.guided(7, 0.004))
            .withQuantize(new Quantize(true, 10, 5))
            .withAdjust(Adjust.of(1.2, 0.9, -0.05))
            .withOutlines(Outlines.ink(new Rgb(10, 20, 30), 3, 20, 60).withMode(OutlineMode.BLEND));

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    private PresetLibrary library;

    @BeforeEach
    void setUp() {
        library = new PresetLibrary(new UserDirectories(home));
    }

    @Test
    void builtInPresetsLoadAndEachDoesSomething() throws Exception {
        List<Preset> builtIns = library.builtIns();
        assertEquals(List.of("Clean cel", "Comic ink", "Poster", "Soft"), builtIns.stream().map(Preset::name).toList());
        for (Preset p : builtIns) {
            assertEquals(Preset.Source.BUILT_IN, p.source());
            assertNull(p.file());
            assertFalse(p.deletable());
            assertFalse(p.description().isBlank());
            assertTrue(p.settings().anyEnabled(), p.name());
        }
        assertEquals("Comic ink", library.find("  COMIC ink ").orElseThrow().name());
        assertEquals(builtIns, library.list().presets());
    }

    @Test
    void userPresetsSaveLoadAndDelete() throws Exception {
        Preset saved = library.save("My look", "Mine.", LOOK);

        Path file = home.resolve("presets").resolve("My look.json");
        assertEquals(file, saved.file());
        assertTrue(Files.isRegularFile(file));
        assertEquals(Preset.Source.USER, saved.source());
        assertTrue(saved.deletable());

        Preset found = library.find("my LOOK").orElseThrow();
        assertEquals(LOOK, found.settings());
        assertEquals("Mine.", found.description());
        assertEquals(saved, found);
        assertEquals(LOOK, library.load(file).settings());
        assertEquals(Preset.Source.FILE, library.load(file).source());
        assertEquals(List.of("Clean cel", "Comic ink", "Poster", "Soft", "My look"),
                library.list().presets().stream().map(Preset::name).toList());

        assertTrue(library.delete("MY LOOK"));
        assertFalse(Files.exists(file));
        assertTrue(library.find("My look").isEmpty());
        assertFalse(library.delete("My look"));
        try (Stream<Path> left = Files.list(home.resolve("presets"))) {
            assertEquals(0, left.count(), "no temporary files left behind");
        }
    }

    @Test
    void switchedOffStepsKeepTheirValuesInTheFile() throws Exception {
        PostSettings partlyOff = LOOK.withOutlines(LOOK.outlines().withEnabled(false))
                .withSmooth(LOOK.smooth().withEnabled(false));
        library.save("Toggled", "", partlyOff);
        assertEquals(partlyOff, library.find("Toggled").orElseThrow().settings());

        library.save("Nothing", "", PostSettings.NONE);
        assertEquals(PostSettings.NONE, library.find("Nothing").orElseThrow().settings());
        String json = Files.readString(home.resolve("presets").resolve("Nothing.json"));
        assertFalse(json.contains("smooth"), "steps that are simply off are left out:\n" + json);
    }

    @Test
    void savingAgainReplacesThePresetWhateverTheCase() throws Exception {
        library.save("Ink", "", LOOK);
        library.save("INK", "", PostSettings.NONE.withQuantize(Quantize.colors(4)));
        List<Preset> users = library.list().presets().stream().filter(Preset::deletable).toList();
        assertEquals(1, users.size());
        assertEquals("INK", users.get(0).name());
        assertEquals(4, users.get(0).settings().quantize().colors());
    }

    @Test
    void builtInPresetsCannotBeOverwrittenOrDeleted() {
        IllegalArgumentException overwrite =
                assertThrows(IllegalArgumentException.class, () -> library.save("comic ink", "", LOOK));
        assertTrue(overwrite.getMessage().contains("built-in"));
        assertThrows(IllegalArgumentException.class, () -> library.delete("Poster"));
        assertFalse(Files.exists(home.resolve("presets")));
    }

    @Test
    void namesMustBeUsableAsFileNames() {
        for (String bad : List.of("", "  ", "a/b", "a\\b", "what?", ".hidden", "x".repeat(65))) {
            assertThrows(IllegalArgumentException.class, () -> library.save(bad, "", LOOK), bad);
        }
    }

    @Test
    void aUserFileWithABuiltInNameIsIgnoredAndReported() throws Exception {
        Files.createDirectories(library.userFolder());
        Path impostor = Files.writeString(library.userFolder().resolve("poster.json"),
                "{\"name\": \"POSTER\", \"formatVersion\": 1, \"quantize\": {\"colors\": 2}}");
        PresetLibrary.Listing listing = library.list();
        assertEquals(4, listing.presets().size());
        assertEquals(impostor, listing.problems().get(0).file());
        assertEquals(6, library.find("poster").orElseThrow().settings().quantize().colors());
    }

    @Test
    void aBrokenUserFileIsReportedWithoutHidingTheOthers() throws Exception {
        library.save("Good", "", LOOK);
        Path broken = Files.writeString(library.userFolder().resolve("Broken.json"), "{\"name\": \"Broken\",");

        PresetLibrary.Listing listing = library.list();
        assertEquals(5, listing.presets().size());
        assertEquals(1, listing.problems().size());
        assertEquals(broken, listing.problems().get(0).file());
        assertTrue(listing.problems().get(0).message().contains(broken.toString()));

        PresetFormatException e = assertThrows(PresetFormatException.class, () -> library.find("broken"));
        assertEquals(broken, e.file());
        assertTrue(library.delete("Broken"));
        assertTrue(library.list().problems().isEmpty());
    }

    @Test
    void resolveTakesANameOrAPath() throws Exception {
        assertEquals("Soft", library.resolve("soft").name());
        Path shared = Files.writeString(elsewhere.resolve("shared.json"),
                "{\"name\": \"Shared\", \"formatVersion\": 1, \"adjust\": {\"saturation\": 2}}");
        Preset loaded = library.resolve(shared.toString());
        assertEquals("Shared", loaded.name());
        assertEquals(2, loaded.settings().adjust().saturation());
        assertTrue(loaded.settings().adjust().enabled());
        assertFalse(loaded.settings().quantize().enabled());

        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> library.resolve("Nope"));
        assertTrue(missing.getMessage().contains("Comic ink"), missing.getMessage());
    }

    @Test
    void malformedPresetFilesNameTheField() throws Exception {
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"sharpen\": {}}", "sharpen", "'sharpen' is not a step");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"quantize\": {\"colours\": 8}}", "quantize.colours",
                "quantize.colours is not a setting of quantize");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"quantize\": {\"colors\": 300}}", "quantize.colors",
                "quantize.colors must be between 2 and 64, got 300");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"quantize\": {\"colors\": \"8\"}}", "quantize.colors",
                "quantize.colors must be a whole number, got \"8\"");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"quantize\": {\"colors\": 8.5}}", "quantize.colors",
                "quantize.colors must be a whole number");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"outlines\": {\"opacity\": true}}", "outlines.opacity",
                "outlines.opacity must be a number, got true");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"outlines\": {\"mode\": \"glow\"}}", "outlines.mode",
                "outlines.mode must be one of ink, blend, got \"glow\"");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"outlines\": {\"color\": \"black\"}}", "outlines.color",
                "outlines.color must be a colour written #rrggbb");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"smooth\": {\"filter\": \"guided\", \"radius\": 0}}",
                "smooth.radius", "smooth.radius must be between 1 and 32, got 0");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"smooth\": [1, 2]}", "smooth",
                "smooth must be an object");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"adjust\": {\"enabled\": \"yes\"}}", "adjust.enabled",
                "adjust.enabled must be true or false");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 2}", "formatVersion", "update Toonsmith");
        assertRefused("{\"name\": \"X\"}", "formatVersion", "formatVersion is missing");
        assertRefused("{\"formatVersion\": 1}", "name", "name is missing");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1, \"quantize\": {\"colors\": 8, \"colors\": 9}}", null,
                "not valid JSON");
        assertRefused("{\"name\": \"X\", \"formatVersion\": 1,", null, "not valid JSON at line 1");
        assertRefused("[]", null, "must be a JSON object");
    }

    private void assertRefused(String json, String field, String problem) throws Exception {
        Path file = Files.writeString(elsewhere.resolve("bad.json"), json);
        PresetFormatException e = assertThrows(PresetFormatException.class, () -> library.load(file), json);
        assertEquals(field, e.field(), json);
        assertTrue(e.getMessage().startsWith("Preset " + file + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }
}
