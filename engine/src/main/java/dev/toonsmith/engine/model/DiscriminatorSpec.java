package dev.toonsmith.engine.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PatchGAN discriminator of pix2pix and CycleGAN: strided 4x4 convolutions that score overlapping
 * patches as real or fake rather than the whole image, so it judges texture and line work, which is what a
 * cartoon style is. With three layers each score sees a 70x70 patch.
 *
 * @param width channels of the first layer (64 in the papers; smaller is much faster on a CPU)
 * @param layers strided layers (3 gives the 70x70 receptive field)
 * @param spectralNorm spectral normalization on every convolution instead of instance norm
 * @param scales 1, or 2 for a second discriminator on the image at half size (pix2pixHD's multi-scale),
 *     which sees larger structures at the same cost per pixel
 */
public record DiscriminatorSpec(int width, int layers, boolean spectralNorm, int scales) {

    public DiscriminatorSpec {
        if (width < 4 || width > 256 || layers < 1 || layers > 5 || scales < 1 || scales > 3) {
            throw new InvalidArchitectureException("discriminator needs width 4-256, layers 1-5 and scales 1-3, got "
                    + width + ", " + layers + ", " + scales);
        }
    }

    public static DiscriminatorSpec defaults() {
        return new DiscriminatorSpec(64, 3, true, 1);
    }

    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("width", width);
        map.put("layers", layers);
        map.put("spectralNorm", spectralNorm);
        map.put("scales", scales);
        return map;
    }

    /** A new, uninitialized discriminator: returns one map of patch logits per scale. */
    public Block newDiscriminator() {
        return new MultiScaleDiscriminator(this);
    }

    /** One PatchGAN at one scale. */
    Chain newPatchGan() {
        Chain d = new Chain();
        d.append("c0", new SpectralConv2d(width, 4, 2, 1, spectralNorm));
        d.append("a0", Activation.leakyReluBlock(0.2f));
        int channels = width;
        for (int n = 1; n <= layers; n++) {
            channels = width * Math.min(1 << n, 8);
            int stride = n < layers ? 2 : 1;
            d.append("c" + n, new SpectralConv2d(channels, 4, stride, 1, spectralNorm));
            if (!spectralNorm) {
                d.append("n" + n, new InstanceNorm());
            }
            d.append("a" + n, Activation.leakyReluBlock(0.2f));
        }
        d.append("out", new SpectralConv2d(1, 4, 1, 1, spectralNorm));
        return d;
    }
}
