package dev.toonsmith.app.studio.train;

/**
 * How a sample grid's pairs (a photo above its generated picture) are laid out to fill a panel: the number of columns
 * that gives the largest pictures, wrapping into more rows when the panel is taller than wide.
 */
final class TileLayout {

    private TileLayout() {}

    /**
     * @param pairs photo-and-picture pairs to show
     * @param width the panel's width
     * @param height the panel's height
     * @param gap space between pictures
     * @return columns giving the largest picture edge
     */
    static int columns(int pairs, double width, double height, double gap) {
        int best = 1;
        for (int c = 1; c <= pairs; c++) {
            if (edge(pairs, c, width, height, gap) > edge(pairs, best, width, height, gap)) {
                best = c;
            }
        }
        return best;
    }

    /** The picture edge with {@code columns} columns: each pair is one picture wide and two high. */
    static double edge(int pairs, int columns, double width, double height, double gap) {
        int rows = (pairs + columns - 1) / columns;
        double byWidth = (width - gap * (columns - 1)) / columns;
        double byHeight = (height - gap * (2 * rows - 1)) / (2 * rows);
        return Math.max(0, Math.min(byWidth, byHeight));
    }
}
