package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import dev.toonsmith.engine.model.Tensors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam over the trainable parameters of one or more networks, with its whole state (moments and step count)
 * readable and restorable, so that a resumed run continues exactly where it stopped. DJL's own Adam keeps
 * its moments private, which would make every resume a slightly different run.
 *
 * <p>Gradients are read from the parameters and zeroed after each update: libtorch accumulates them, and
 * DJL's gradient collector does not clear them.
 */
final class Adam {

    private final List<Pair<String, Parameter>> parameters = new ArrayList<>();
    private final Map<String, NDArray> firstMoments = new HashMap<>();
    private final Map<String, NDArray> secondMoments = new HashMap<>();
    private final NDManager manager;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long steps;

    /**
     * @param networks the networks whose trainable parameters this optimizer updates, keyed by a name that
     *     prefixes their parameter names in saved state
     * @param manager holds the moments; closing it frees them
     */
    Adam(Map<String, Block> networks, NDManager manager, double beta1, double beta2, double epsilon) {
        this.manager = manager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        for (Map.Entry<String, Block> network : networks.entrySet()) {
            for (Pair<String, Parameter> p : network.getValue().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    parameters.add(new Pair<>(network.getKey() + "." + p.getKey(), p.getValue()));
                }
            }
        }
    }

    /** Sets every gradient of these parameters to zero, before a backward pass. */
    void zeroGradients() {
        for (Pair<String, Parameter> p : parameters) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) array);
            }
        }
    }

    /** One Adam step with learning rate {@code lr} from the gradients of the last backward pass. */
    void step(double lr) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        double stepSize = lr * Math.sqrt(correction2) / correction1;
        for (Pair<String, Parameter> p : parameters) {
            NDArray weight = p.getValue().getArray();
            try (NDArray grad = weight.getGradient()) {
                NDArray m = firstMoments.computeIfAbsent(p.getKey(), k -> zerosLike(weight));
                NDArray v = secondMoments.computeIfAbsent(p.getKey(), k -> zerosLike(weight));
                // m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2
                m.muli((float) beta1);
                try (NDArray scaled = grad.mul((float) (1 - beta1))) {
                    m.addi(scaled);
                }
                v.muli((float) beta2);
                try (NDArray squared = grad.square(); NDArray scaled = squared.muli((float) (1 - beta2))) {
                    v.addi(scaled);
                }
                try (NDArray root = v.sqrt(); NDArray denominator = root.addi((float) (epsilon * Math.sqrt(correction2)));
                        NDArray update = m.div(denominator)) {
                    weight.subi(update.muli((float) stepSize));
                }
                JniUtils.zeroGrad((PtNDArray) weight);
            }
        }
    }

    long steps() {
        return steps;
    }

    /** The moments as named arrays (first moments {@code m.NAME}, second {@code v.NAME}), for a checkpoint. */
    NDList state() {
        NDList list = new NDList();
        for (Pair<String, Parameter> p : parameters) {
            NDArray m = firstMoments.get(p.getKey());
            NDArray v = secondMoments.get(p.getKey());
            if (m != null) {
                NDArray mc = m.duplicate();
                mc.setName("m." + p.getKey());
                list.add(mc);
                NDArray vc = v.duplicate();
                vc.setName("v." + p.getKey());
                list.add(vc);
            }
        }
        return list;
    }

    /** Restores moments saved by {@link #state()} and the step count. */
    void restore(NDList state, long stepCount) {
        Map<String, NDArray> byName = new HashMap<>();
        for (NDArray a : state) {
            byName.put(a.getName(), a);
        }
        clear();
        for (Pair<String, Parameter> p : parameters) {
            NDArray m = byName.get("m." + p.getKey());
            NDArray v = byName.get("v." + p.getKey());
            if (m != null && v != null) {
                // Owned copies: the restored arrays are freed with the checkpoint's scope.
                NDArray mm = Tensors.ownedCopy(m, p.getValue().getArray().getDevice());
                mm.attach(manager);
                firstMoments.put(p.getKey(), mm);
                NDArray vv = Tensors.ownedCopy(v, p.getValue().getArray().getDevice());
                vv.attach(manager);
                secondMoments.put(p.getKey(), vv);
            }
        }
        steps = stepCount;
    }

    private void clear() {
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
    }

    private NDArray zerosLike(NDArray weight) {
        return manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }
}
