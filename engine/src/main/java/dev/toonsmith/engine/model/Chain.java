package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs named child blocks one after the other.
 *
 * <p>DJL's {@code SequentialBlock} drops the block parameters on the way to its children, and the
 * generators need them to reach every {@link InstanceNorm} (see {@link NormStatistics}); this chain passes
 * them on. Child names become part of the parameter names in style files, so they must stay stable.
 *
 * <p>Each intermediate result is closed as soon as the next child has consumed it. DJL frees arrays only
 * when their manager closes, so without this a forward pass would hold every activation it ever computed
 * until the end of the pass (several times the memory of the largest live set). Autograd keeps what it
 * needs for the backward pass through libtorch's own references, so closing is safe while training too.
 */
public class Chain extends AbstractBlock implements Costed {

    private final List<Block> blocks = new ArrayList<>();

    /** Appends a child under a name that is unique within this chain. */
    public <B extends Block> B append(String name, B block) {
        blocks.add(addChildBlock(name, block));
        return block;
    }

    /** Whether no child was appended (the chain then passes its input through). */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList current = inputs;
        for (Block block : blocks) {
            NDList next = block.forward(parameterStore, current, training, params);
            if (current != inputs) {
                Arrays.closeUnlessKept(current, next);
            }
            current = next;
        }
        return current;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block block : blocks) {
            block.initialize(manager, dataType, shapes);
            shapes = block.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block block : blocks) {
            shapes = block.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    public long flops(Shape input) {
        long total = 0;
        Shape[] shapes = {input};
        for (Block block : blocks) {
            total += Flops.of(block, shapes[0]);
            shapes = block.getOutputShapes(shapes);
        }
        return total;
    }
}
