package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.util.PairList;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Per-channel statistics of every {@link InstanceNorm} layer of one generator, recorded on one pass and
 * replayed on later passes.
 *
 * <p>Instance normalization computes its statistics over the whole picture it sees. When a large photo is
 * stylized tile by tile, each tile would otherwise normalize by its own statistics, and a tile of sky would
 * come out in a different tone from a tile of street: visible seams. Recording the statistics once on the
 * whole image (or a downscaled copy of it) and replaying them on every tile makes tiles agree.
 *
 * <p>Passed to a forward pass through the block parameter list under {@link #PARAM_KEY}. One instance serves
 * one image on one thread at a time.
 */
public final class NormStatistics {

    /** Key under which a forward pass finds the statistics in its parameter list. */
    public static final String PARAM_KEY = "toonsmith.normStatistics";

    /** What the normalization layers do with this object. */
    public enum Mode {
        /** Compute statistics from the input as usual and remember them. */
        RECORD,
        /** Normalize with the remembered statistics instead of the input's own. */
        REPLAY
    }

    /** Mean and variance per channel of one layer. */
    record Channels(float[] mean, float[] variance) {}

    private final Map<InstanceNorm, Channels> byLayer = new IdentityHashMap<>();
    private Mode mode = Mode.RECORD;

    public Mode mode() {
        return mode;
    }

    /** Switches between recording and replaying; recorded statistics are kept. */
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** Number of layers recorded so far. */
    public int size() {
        return byLayer.size();
    }

    /** This object as the block parameters of a forward pass. */
    public PairList<String, Object> asBlockParams() {
        PairList<String, Object> params = new PairList<>();
        params.add(PARAM_KEY, this);
        return params;
    }

    static NormStatistics from(PairList<String, Object> params) {
        if (params == null) {
            return null;
        }
        Object value = params.get(PARAM_KEY);
        return value instanceof NormStatistics statistics ? statistics : null;
    }

    void record(InstanceNorm layer, NDArray mean, NDArray variance) {
        byLayer.put(layer, new Channels(mean.toFloatArray(), variance.toFloatArray()));
    }

    Channels recorded(InstanceNorm layer) {
        Channels channels = byLayer.get(layer);
        if (channels == null) {
            throw new IllegalStateException(
                    "no statistics were recorded for a normalization layer: record on the same generator first");
        }
        return channels;
    }
}
