package dev.toonsmith.engine.onnx;

import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.ConvUnit.Nonlinearity;
import dev.toonsmith.engine.model.ConvUnit.Padding;

/** The {@code cartoongan} generator as ONNX nodes, layer for layer as {@link CartoonGanSpec#newGenerator} builds it. */
final class CartoonGanGraph {

    private CartoonGanGraph() {}

    /** The drawing's value name, computed from the photo's. */
    static String draw(GraphLayers layers, CartoonGanSpec spec, String photo) {
        int blocks = ((Number) spec.hyperparameters().get("residualBlocks")).intValue();
        String x = layers.convUnit("01in", photo, 7, 1, 1, Padding.REFLECT, true, Nonlinearity.RELU);
        x = layers.convUnit("02down1", x, 3, 2, 1, Padding.REFLECT, true, Nonlinearity.RELU);
        x = layers.convUnit("03down2", x, 3, 2, 1, Padding.REFLECT, true, Nonlinearity.RELU);
        for (int i = 0; i < blocks; i++) {
            String prefix = String.format("%02dres%d_01body_", 4 + i, i);
            String a = layers.convUnit(prefix + "01a", x, 3, 1, 1, Padding.REFLECT, true, Nonlinearity.RELU);
            String b = layers.convUnit(prefix + "02b", a, 3, 1, 1, Padding.REFLECT, true, Nonlinearity.NONE);
            x = layers.add(x, b);
        }
        int next = 4 + blocks;
        x = layers.upsample(x);
        x = layers.convUnit(String.format("%02dup1conv", next + 1), x, 3, 1, 1, Padding.REFLECT, true,
                Nonlinearity.RELU);
        x = layers.upsample(x);
        x = layers.convUnit(String.format("%02dup2conv", next + 3), x, 3, 1, 1, Padding.REFLECT, true,
                Nonlinearity.RELU);
        return layers.convUnit(String.format("%02dout", next + 4), x, 7, 1, 1, Padding.REFLECT, false,
                Nonlinearity.TANH);
    }
}
