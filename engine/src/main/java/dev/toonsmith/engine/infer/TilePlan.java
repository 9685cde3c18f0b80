package dev.toonsmith.engine.infer;

import dev.toonsmith.engine.model.GeneratorSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * How one image is cut into tiles for the generator.
 *
 * <p>Tile cores partition the image. Each tile writes its core plus a feather band around it, where it is
 * cross-faded with its neighbours, and reads a context margin beyond that, at least the network's receptive
 * radius, so that pixels near a tile's edge see the same neighbourhood as in an untiled pass. Tiles start on
 * multiples of the architecture's size multiple, so the strided layers sample the same grid as an untiled
 * pass would.
 *
 * @param tiles the tiles, in raster order; a single tile covering the image means no tiling
 * @param tileSize the largest tile input edge, in pixels
 * @param feather half the width of the cross-fade band between neighbouring tiles
 */
record TilePlan(List<Tile> tiles, int tileSize, int feather) {

    /** Bytes of native memory inference may take at once when the tile size is automatic. */
    static final long DEFAULT_MEMORY_BUDGET = StylizeOptions.DEFAULT_MEMORY_BUDGET;

    /** The fewest pixels the statistics pass of a tiled image looks at, when the budget allows. */
    static final long MIN_STATISTICS_PIXELS = 1L << 20;

    /** Half-width of the cross-fade band between tiles. */
    static final int FEATHER = 32;

    /** The smallest core a tile may have, so that margins do not dominate the work. */
    static final int MIN_CORE = 64;

    /**
     * One tile.
     *
     * @param core the pixels this tile owns
     * @param kept the pixels this tile writes: its core plus the feather band (inside the image)
     * @param input the pixels the network reads: kept plus the context margin (inside the image)
     */
    record Tile(Region core, Region kept, Region input) {}

    boolean isSingle() {
        return tiles.size() == 1;
    }

    /**
     * Plans an image of {@code width x height} for a generator with these traits.
     *
     * @param requestedTile the tile input edge asked for, or 0 for automatic (from the memory budget)
     * @param memoryBudget bytes of native memory one tile may use, for the automatic size
     */
    static TilePlan of(int width, int height, GeneratorTraits traits, int requestedTile, long memoryBudget) {
        int multiple = traits.sizeMultiple();
        // Without replayed statistics a tile normalises by its own content: twice the context keeps that close
        // to the whole image's.
        int margin = roundUp(traits.replaysNormStatistics() ? traits.receptiveRadius() : 2 * traits.receptiveRadius(),
                multiple);
        int feather = roundUp(FEATHER, multiple);
        int minTile = 2 * (margin + feather) + MIN_CORE;
        int tile;
        boolean single;
        if (requestedTile > 0) {
            tile = Math.max(roundDown(requestedTile, multiple), minTile);
            single = width <= tile && height <= tile;
        } else {
            long budgetPixels = Math.max(1, memoryBudget / traits.bytesPerPixel());
            tile = Math.max(roundDown((int) Math.min(Integer.MAX_VALUE, (long) Math.sqrt(budgetPixels)), 64), minTile);
            single = (long) width * height <= budgetPixels;
        }
        Region whole = new Region(0, 0, width, height);
        if (single) {
            return new TilePlan(List.of(new Tile(whole, whole, whole)), tile, feather);
        }
        int maxCore = tile - 2 * (margin + feather);
        int[] xs = cuts(width, maxCore, multiple);
        int[] ys = cuts(height, maxCore, multiple);
        List<Tile> tiles = new ArrayList<>();
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                Region core = new Region(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j]);
                Region kept = core.grow(feather, width, height);
                Region input = kept.grow(margin, width, height);
                tiles.add(new Tile(core, kept, input));
            }
        }
        return new TilePlan(List.copyOf(tiles), tile, feather);
    }

    /** Even cuts of {@code [0, length)} into cores of at most {@code maxCore}, on multiples of {@code multiple}. */
    private static int[] cuts(int length, int maxCore, int multiple) {
        int count = Math.max(1, (length + maxCore - 1) / maxCore);
        int core = roundUp((length + count - 1) / count, multiple);
        List<Integer> cuts = new ArrayList<>();
        for (int at = 0; at < length; at += core) {
            cuts.add(at);
        }
        cuts.add(length);
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    static int roundDown(int value, int multiple) {
        return value / multiple * multiple;
    }
}
