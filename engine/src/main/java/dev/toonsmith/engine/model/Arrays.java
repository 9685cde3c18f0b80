package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Early release of intermediate arrays inside forward passes (see {@link Chain}). */
final class Arrays {

    private Arrays() {}

    /** Closes every array of {@code done} that is not also (the same object) in {@code kept}. */
    static void closeUnlessKept(NDList done, NDList kept) {
        for (NDArray array : done) {
            if (!containsSame(kept, array)) {
                array.close();
            }
        }
    }

    /** Closes {@code array} unless it is {@code keep} itself. */
    static void closeUnless(NDArray array, NDArray keep) {
        if (array != keep) {
            array.close();
        }
    }

    private static boolean containsSame(NDList list, NDArray array) {
        for (NDArray candidate : list) {
            if (candidate == array) {
                return true;
            }
        }
        return false;
    }
}
