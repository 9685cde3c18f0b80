package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

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

    /**
     * Moves an array computed from a parameter into the manager of the data it works on. An op's result
     * belongs to its first operand's manager, so anything computed from a parameter would otherwise live in
     * the model's manager and leak once per forward pass.
     */
    static NDArray scopedTo(NDArray derived, NDArray data) {
        return scopedTo(derived, data.getManager());
    }

    /** Moves an array computed from a parameter into {@code manager} (see {@link #scopedTo(NDArray, NDArray)}). */
    static NDArray scopedTo(NDArray derived, NDManager manager) {
        derived.attach(manager);
        return derived;
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
