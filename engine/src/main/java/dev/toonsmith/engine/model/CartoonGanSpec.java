package dev.toonsmith.engine.model;

import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CartoonGAN generator (Chen et al., 2018): a 7x7 convolution, two stride-2 convolutions, residual
 * blocks at a quarter of the resolution, two resize-and-convolve upsampling stages and a 7x7 convolution to
 * RGB with tanh. Instance norm and reflection padding throughout. About 416 GFLOPs at 512x512 with the
 * defaults: the reference look, too slow for live previews on a laptop CPU.
 *
 * @param baseChannels channels at full resolution; four times as many in the residual blocks
 * @param residualBlocks number of residual blocks
 */
public record CartoonGanSpec(int baseChannels, int residualBlocks) implements GeneratorSpec {

    public static final String NAME = "cartoongan";

    public CartoonGanSpec {
        if (baseChannels < 4 || residualBlocks < 0) {
            throw new InvalidArchitectureException("cartoongan needs baseChannels >= 4 and residualBlocks >= 0");
        }
    }

    /** The seed's configuration: 64 base channels, 8 residual blocks. */
    public static CartoonGanSpec defaults() {
        return new CartoonGanSpec(64, 8);
    }

    static CartoonGanSpec parse(Map<String, ?> values) {
        Hyperparameters h = new Hyperparameters(NAME, values);
        CartoonGanSpec spec = new CartoonGanSpec(h.integer("baseChannels", 64, 4, 256), h.integer("residualBlocks", 8, 0, 32));
        h.resolved();
        return spec;
    }

    @Override
    public String architecture() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("baseChannels", baseChannels);
        map.put("residualBlocks", residualBlocks);
        return map;
    }

    @Override
    public int sizeMultiple() {
        return 4;
    }

    @Override
    public int minimumSide() {
        // The 7x7 reflection pad needs 4 pixels, the 3x3 pads at quarter resolution need 2 there.
        return 8;
    }

    @Override
    public int receptiveRadius() {
        // 3 (7x7) + 1 + 2 (strided 3x3) + 4 per 3x3 at quarter resolution + 4 + 2 (upsampling) + 3 (7x7).
        return 3 + 1 + 2 + residualBlocks * 2 * 4 + 4 + 2 + 3;
    }

    @Override
    public long inferenceBytesPerPixel() {
        // Measured with 'toonsmith bench': about 3 KB at 64 base channels, the live activations plus the
        // convolution workspaces of the full-resolution layers.
        return 4L * baseChannels * 12;
    }

    @Override
    public Block newGenerator() {
        int b = baseChannels;
        Chain g = new Chain();
        g.append("in", ConvUnit.builder(b, 7).build());
        g.append("down1", ConvUnit.builder(2 * b, 3).optStride(2).build());
        g.append("down2", ConvUnit.builder(4 * b, 3).optStride(2).build());
        for (int i = 0; i < residualBlocks; i++) {
            g.append("res" + i, ResidualBlock.standard(4 * b));
        }
        g.append("up1", new Upsample());
        g.append("up1conv", ConvUnit.builder(2 * b, 3).build());
        g.append("up2", new Upsample());
        g.append("up2conv", ConvUnit.builder(b, 3).build());
        g.append("out", ConvUnit.builder(3, 7).optNorm(false).optNonlinearity(ConvUnit.Nonlinearity.TANH).build());
        return g;
    }
}
