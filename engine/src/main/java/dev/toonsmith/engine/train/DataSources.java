package dev.toonsmith.engine.train;

import dev.toonsmith.engine.train.data.Augmentation;
import dev.toonsmith.engine.train.data.BatchSampler;
import dev.toonsmith.engine.train.data.DatasetProgress;
import dev.toonsmith.engine.train.data.FloatBatch;
import dev.toonsmith.engine.train.data.FolderDataset;
import dev.toonsmith.engine.train.data.SkippedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two datasets of an unpaired run, loaded once (decoding every image is the slow part) and turned into
 * seeded batch streams for each run that uses them.
 */
public final class DataSources implements AutoCloseable {

    private final FolderDataset photos;
    private final FolderDataset cartoons;

    private DataSources(FolderDataset photos, FolderDataset cartoons) {
        this.photos = photos;
        this.cartoons = cartoons;
    }

    /**
     * Loads both folders for crops of {@code cropSize}.
     *
     * @throws IOException naming the folder, when a folder is missing or holds no usable image
     */
    public static DataSources load(Path photoFolder, Path cartoonFolder, int cropSize, DatasetProgress progress)
            throws IOException {
        // Keep a little more than the crop, so random resized crops still have detail to zoom into.
        int cacheShortSide = Math.max(cropSize * 3 / 2, cropSize + 16);
        FolderDataset photos = FolderDataset.load(photoFolder, cacheShortSide, progress);
        try {
            return new DataSources(photos, FolderDataset.load(cartoonFolder, cacheShortSide, progress));
        } catch (IOException | RuntimeException e) {
            photos.close();
            throw e;
        }
    }

    public FolderDataset photoDataset() {
        return photos;
    }

    public FolderDataset cartoonDataset() {
        return cartoons;
    }

    /** Files of either folder that could not be used. */
    public List<SkippedFile> skipped() {
        List<SkippedFile> all = new ArrayList<>(photos.skipped());
        all.addAll(cartoons.skipped());
        return all;
    }

    BatchSource photos(TrainingOptions options, long seed) {
        return source(photos, options, seed);
    }

    BatchSource cartoons(TrainingOptions options, long seed) {
        return source(cartoons, options, seed);
    }

    private static BatchSource source(FolderDataset dataset, TrainingOptions options, long seed) {
        BatchSampler sampler = new BatchSampler(dataset, Augmentation.defaults(options.size()), seed);
        return new BatchSource() {
            private long drawn;

            @Override
            public FloatBatch next() {
                drawn++;
                return sampler.next(options.batch());
            }

            @Override
            public int epoch() {
                return sampler.epoch();
            }

            @Override
            public FloatBatch fixed(int count) {
                return sampler.fixedSamples(count);
            }

            @Override
            public int size() {
                return dataset.size();
            }

            @Override
            public long drawn() {
                return drawn;
            }
        };
    }

    @Override
    public void close() {
        photos.close();
        cartoons.close();
    }
}
