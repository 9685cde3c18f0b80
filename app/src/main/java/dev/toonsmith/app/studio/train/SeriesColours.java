package dev.toonsmith.app.studio.train;

import java.util.List;
import java.util.Map;

/**
 * The one place that gives every chart series its colour, by name, so that a loss keeps its colour in every run
 * and every launch (D_total is always the same red) whichever series happen to come first. (The verdict histogram,
 * a JavaFX chart, repeats D(real)'s and D(fake)'s colours in {@code studio.css}.)
 */
final class SeriesColours {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("D_total", "#d62728"),
            Map.entry("G_total", "#1f77b4"),
            Map.entry("G_adv", "#ff7f0e"),
            Map.entry("G_content", "#2ca02c"),
            Map.entry("G_surface", "#8c564b"),
            Map.entry("G_tv", "#17becf"),
            Map.entry("G_cycle", "#9467bd"),
            Map.entry("G_identity", "#bcbd22"),
            Map.entry("G_photo_to_cartoon", "#ff7f0e"),
            Map.entry("G_cartoon_to_photo", "#8c564b"),
            Map.entry("D_real", "#e377c2"),
            Map.entry("D_fake", "#7f7f7f"),
            Map.entry("D_edge", "#bcbd22"),
            Map.entry("D_photo", "#e377c2"),
            Map.entry("D_cartoon", "#7f7f7f"),
            Map.entry("D(real)", "#2ca02c"),
            Map.entry("D(fake)", "#d62728"),
            Map.entry("learning rate", "#1f77b4"));

    /** For names not listed: still one colour per name, from its hash. */
    private static final List<String> OTHERS = List.of("#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
            "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363");

    private SeriesColours() {}

    /** A CSS colour for the series. */
    static String of(String name) {
        String named = NAMED.get(name);
        return named != null ? named : OTHERS.get(Math.floorMod(name.hashCode(), OTHERS.size()));
    }
}
