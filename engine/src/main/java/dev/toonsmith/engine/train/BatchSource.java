package dev.toonsmith.engine.train;

import dev.toonsmith.engine.train.data.FloatBatch;

/** An endless, seeded stream of augmented crops from one dataset. Used on the training thread only. */
interface BatchSource {

    /** The next batch. */
    FloatBatch next();

    /** Passes through the dataset completed so far. */
    int epoch();

    /** The same {@code count} photos every time, for sample grids. */
    FloatBatch fixed(int count);

    /** Images in the dataset. */
    int size();

    /** Batches drawn with {@link #next()} so far: where a resumed run picks the stream up. */
    long drawn();
}
