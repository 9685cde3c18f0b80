package dev.toonsmith.engine.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.NormStatistics;
import java.util.Objects;

/** One of our own architectures ({@link GeneratorSpec}) as a DJL block, with or without owning its weights. */
public final class BlockGenerator implements Generator {

    private final GeneratorSpec spec;
    private final Block block;
    private final NDManager manager;
    private final boolean ownsManager;
    private final GeneratorTraits traits;

    /**
     * @param manager where the block's parameters live
     * @param ownsManager whether {@link #close()} closes {@code manager} (a loaded style) or leaves it (a generator
     *     being trained)
     */
    public BlockGenerator(GeneratorSpec spec, Block block, NDManager manager, boolean ownsManager) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.block = Objects.requireNonNull(block, "block");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.ownsManager = ownsManager;
        this.traits = GeneratorTraits.of(spec);
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the generator must be initialized (or loaded) first");
        }
    }

    public GeneratorSpec spec() {
        return spec;
    }

    @Override
    public ai.djl.Device device() {
        return manager.getDevice();
    }

    @Override
    public NDManager newScope() {
        return manager.newSubManager();
    }

    @Override
    public GeneratorTraits traits() {
        return traits;
    }

    @Override
    public NDArray draw(NDArray photo, NDManager scope, NormStatistics statistics) {
        return block.forward(new ParameterStore(scope, false), new NDList(photo), false,
                statistics == null ? null : statistics.asBlockParams()).singletonOrThrow();
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }
}
