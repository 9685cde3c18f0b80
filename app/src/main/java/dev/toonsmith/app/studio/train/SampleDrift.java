package dev.toonsmith.app.studio.train;

/**
 * Whether a run's newest sample grid still looks like a healthy run's, next to its first: a colour cast that grows
 * (the generator paints everything purple, say) or pictures that all look alike (mode collapse) are what a user sees
 * going wrong long before the scores say anything. The thresholds are generous: a style is meant to change the
 * colours a little, and the first grids are drawn before the style has set in.
 */
final class SampleDrift {

    /** A shift of the mean colour this large, in Lab units, is a cast one sees at a glance. */
    static final double CAST = 10;
    /** Generated pictures varying less than this share of their photos' variety look alike... */
    static final double ALIKE = 0.35;
    /** ...when they also lost this share of the variety they had at the first grid. */
    static final double LOST = 0.6;
    /** Hue names of the cast's direction, in 45° sectors of the a*b* plane from +a* (magenta-red) anticlockwise. */
    static final int SECTORS = 8;

    /** One colour bin holding this share of the pictures' pixels: they are blank (black, as a NaN network draws). */
    static final double BLANK = 0.95;

    enum Kind { STEADY, DRIFTING, ALIKE, BLANK }

    /**
     * @param kind what the comparison found
     * @param firstStep the grid compared against
     * @param shift the mean colour's shift in Lab units
     * @param hue the direction of that shift, 0 to {@link #SECTORS} − 1 (0 = towards magenta-red, 2 = yellow,
     *     4 = green, 6 = blue, 7 = purple)
     * @param variety the newest grid's variety next to its photos' (1 = as varied)
     * @param firstVariety the same at the first grid
     */
    record Verdict(Kind kind, long firstStep, long step, double shift, int hue, double variety, double firstVariety) {}

    private SampleDrift() {}

    static Verdict assess(long firstStep, SampleLook first, long step, SampleLook latest) {
        double shift = latest.colourShift(first);
        double angle = Math.toDegrees(Math.atan2(latest.meanB() - first.meanB(), latest.meanA() - first.meanA()));
        int hue = (int) Math.floorMod(Math.round((angle + 360) / (360.0 / SECTORS)), SECTORS);
        Kind kind;
        // Judged on the newest grid alone: compared with a first grid that was blank too, it would look steady.
        if (latest.dominantShare() >= BLANK) {
            kind = Kind.BLANK;
        } else if (shift >= CAST) {
            kind = Kind.DRIFTING;
        } else if (latest.variety() < ALIKE && latest.variety() < LOST * first.variety()) {
            kind = Kind.ALIKE;
        } else {
            kind = Kind.STEADY;
        }
        return new Verdict(kind, firstStep, step, shift, hue, latest.variety(), first.variety());
    }
}
