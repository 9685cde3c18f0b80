package dev.toonsmith.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Array operations DJL gets subtly wrong for our purposes. */
public final class Tensors {

    private Tensors() {}

    /**
     * Gives {@code target} a copy of {@code source}'s values, keeping the target's Java identity (so parameters,
     * optimizers and parameter stores that hold it see the new values) and its gradient requirement.
     *
     * <p>DJL's {@code copyTo} and {@code set(Buffer)} do not copy: on the PyTorch engine they point the target's
     * storage at the source's memory, which is freed with the source; in-place updates of the target then
     * write into freed memory and corrupt the native heap. Here the target takes over a fresh clone instead.
     */
    public static void assign(NDArray target, NDArray source) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("cannot assign shape " + source.getShape() + " to " + target.getShape());
        }
        boolean requiresGradient = target.hasGradient();
        NDArray clone;
        // A detached clone is a leaf of its own, whatever graph the source belongs to.
        try (NDArray detached = source.stopGradient()) {
            clone = ownedCopy(detached, target.getDevice());
        }
        target.intern(clone);
        if (requiresGradient) {
            target.setRequiresGradient(true);
        }
    }

    /**
     * {@code array} times {@code factor}, safe inside a gradient collector; use it instead of
     * {@code mul(Number)} on anything a backward pass goes through.
     *
     * <p>DJL's {@code mul(Number)} and {@code div(Number)} wrap the number in a scalar array whose memory is a
     * Java direct buffer, and close that array right after the operation, which lets the buffer be collected.
     * Autograd still holds the scalar, because the gradient of a product is the other factor: a garbage
     * collection between the forward and the backward pass frees the memory under it, and every gradient
     * behind the product is then scaled by whatever the freed memory holds (seen as Adam moments of 1e30 and
     * infinity, and runs with the same seed that no longer agree). A scalar that libtorch allocates itself
     * stays alive for as long as the graph refers to it.
     */
    public static NDArray times(NDArray array, double factor) {
        try (NDArray scalar = graphScalar(array, factor)) {
            return array.mul(scalar);
        }
    }

    /** {@code array} divided by {@code divisor}, safe inside a gradient collector (see {@link #times}). */
    public static NDArray dividedBy(NDArray array, double divisor) {
        try (NDArray scalar = graphScalar(array, divisor)) {
            return array.div(scalar);
        }
    }

    private static NDArray graphScalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }

    /**
     * A copy that owns its memory. {@code toDevice(sameDevice, true)} is not one: the PyTorch engine then
     * returns a tensor sharing the source's storage.
     */
    public static NDArray ownedCopy(NDArray source, ai.djl.Device device) {
        return device.equals(source.getDevice()) ? source.duplicate() : source.toDevice(device, true);
    }

    /**
     * Lets the trainable parameters of {@code block} receive gradients or not. Unlike DJL's
     * {@code freezeParameters(false)}, this leaves state that is never trained (such as spectral norm's
     * power-iteration vector) without gradients.
     */
    public static void setTrainable(ai.djl.nn.Block block, boolean trainable) {
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            if (p.getValue().getType() != ai.djl.nn.Parameter.Type.OTHER) {
                p.getValue().getArray().setRequiresGradient(trainable);
            }
        }
    }
}
