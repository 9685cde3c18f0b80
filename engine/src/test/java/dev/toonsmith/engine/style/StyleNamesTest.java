package dev.toonsmith.engine.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.model.LiteSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A new style's name against the installed ones: trimmed and ignoring case, with a free variant to propose. */
class StyleNamesTest {

    private static StyleEntry installed(String id, String name) {
        return new StyleEntry(id, name, StyleSource.USER, Path.of(id + ".toon"),
                StyleFixtures.manifest(new LiteSpec(4, 1, true), id, name), 1, 1);
    }

    private final StyleNames names = StyleNames.of(List.of(installed("default", "Toonsmith Default"),
            installed("toonsmith-default-2", "Toonsmith Default (2)"), installed("ink", "Ink")));

    @Test
    void aNameClashesTrimmedAndIgnoringCase() {
        assertEquals("default", names.holder(" toonsmith DEFAULT ").orElseThrow().id());
        assertTrue(names.taken("ink"));
        assertFalse(names.taken("Inky"));
        assertFalse(names.taken("  "), "a blank name is missing, not taken");
        assertFalse(names.taken(null));
    }

    @Test
    void theFreeVariantCountsOnPastTheTakenNumbers() {
        assertEquals("Watercolour", names.free(" Watercolour "), "a free name stays as it is, trimmed");
        assertEquals("Toonsmith Default (3)", names.free("Toonsmith Default"), "(2) is taken too");
        assertEquals("toonsmith default (3)", names.free("toonsmith default"), "the user's spelling is kept");
        assertEquals("Toonsmith Default (3)", names.free("Toonsmith Default (2)"), "a numbered name counts on");
        assertEquals("ink (2)", names.free("ink"));
        assertEquals("", names.free("  "));
        assertTrue(Stream.of("Toonsmith Default", "Ink", "Toonsmith Default (2)").map(names::free)
                .noneMatch(names::taken), "what it proposes is free");
    }

    @Test
    void aTakenIdGetsTheFirstFreeNumber() {
        assertEquals("watercolour", names.freeId("watercolour"));
        assertEquals("ink-2", names.freeId("ink"));
        assertEquals("toonsmith-default-2-2", names.freeId("toonsmith-default-2"));
        String longId = "a".repeat(StyleManifest.MAX_ID_LENGTH);
        StyleNames withLong = StyleNames.of(List.of(installed(longId, "Long")));
        assertEquals("a".repeat(StyleManifest.MAX_ID_LENGTH - 2) + "-2", withLong.freeId(longId), "still a valid id");
    }
}
