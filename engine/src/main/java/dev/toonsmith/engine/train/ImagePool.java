package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * CycleGAN's history of generated images (Shrivastava et al.): the discriminator is shown a mix of the newest
 * fakes and older ones, so it cannot simply chase the generator's latest trick and the pair oscillates less.
 * Once full, each new fake replaces a random stored one half of the time, and the stored one is shown instead.
 */
final class ImagePool {

    private final int capacity;
    private final NDManager manager;
    private final Random random;
    private final List<NDArray> images = new ArrayList<>();

    ImagePool(int capacity, NDManager manager, Random random) {
        this.capacity = capacity;
        this.manager = manager;
        this.random = random;
    }

    /** The batch to show the discriminator for the new {@code fakes} (N, C, H, W), in the fakes' manager. */
    NDArray query(NDArray fakes) {
        if (capacity == 0) {
            return fakes;
        }
        NDList chosen = new NDList();
        long n = fakes.getShape().get(0);
        for (int i = 0; i < n; i++) {
            NDArray image = fakes.get(i).expandDims(0);
            if (images.size() < capacity) {
                images.add(keep(image));
                chosen.add(image);
            } else if (random.nextDouble() < 0.5) {
                int slot = random.nextInt(capacity);
                NDArray old = images.get(slot);
                NDArray shown = old.duplicate();
                shown.attach(fakes.getManager());
                chosen.add(shown);
                old.close();
                images.set(slot, keep(image));
            } else {
                chosen.add(image);
            }
        }
        return NDArrays.concat(chosen, 0);
    }

    /** The stored images, for a checkpoint. */
    NDList contents() {
        NDList list = new NDList();
        for (int i = 0; i < images.size(); i++) {
            NDArray copy = images.get(i).duplicate();
            copy.setName(String.format("%04d", i));
            list.add(copy);
        }
        return list;
    }

    /** Replaces the stored images with {@code stored}, in order. */
    void restore(List<NDArray> stored) {
        images.forEach(NDArray::close);
        images.clear();
        for (NDArray a : stored) {
            images.add(keep(a));
        }
    }

    private NDArray keep(NDArray image) {
        NDArray copy = image.duplicate();
        copy.attach(manager);
        return copy;
    }
}
