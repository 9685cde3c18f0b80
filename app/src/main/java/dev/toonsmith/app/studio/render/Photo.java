package dev.toonsmith.app.studio.render;

import dev.toonsmith.engine.image.Image;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An opened photo: the decoded full-size image and its preview-size copy, shared by the UI's requests and
 * the background work on it.
 *
 * <p>Reference-counted, because a photo's native pixels (hundreds of MB for a large one) must be freed
 * when the user opens another, but not while a render or export still reads them: the opener holds one
 * reference, each piece of work takes its own with {@link #lease()}.
 */
public final class Photo {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Path file;
    private final Image full;
    private final Image preview;
    private final AtomicInteger references = new AtomicInteger(1);

    /** Takes ownership of both images; {@code preview} may be {@code full} itself for a small photo. */
    Photo(Path file, Image full, Image preview) {
        this.file = Objects.requireNonNull(file, "file");
        this.full = Objects.requireNonNull(full, "full");
        this.preview = Objects.requireNonNull(preview, "preview");
    }

    /** Unique for the life of the process, for caches keyed by photo. */
    public long id() {
        return id;
    }

    public Path file() {
        return file;
    }

    /** The file name without its extension, e.g. for export names. */
    public String baseName() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public int width() {
        return full.width();
    }

    public int height() {
        return full.height();
    }

    /** The decoded photo at full size. Valid while a lease is held. */
    Image full() {
        return full;
    }

    /** The photo scaled to the preview size, or the full image when it is already that small. */
    Image preview() {
        return preview;
    }

    /** Whether the preview is the full image, so a preview render is already the full-resolution result. */
    public boolean previewIsFull() {
        return preview == full;
    }

    /**
     * Takes a reference for the duration of some work.
     *
     * @throws IllegalStateException if the photo has already been released by everyone
     */
    public Lease lease() {
        while (true) {
            int n = references.get();
            if (n == 0) {
                throw new IllegalStateException("photo " + file + " is closed");
            }
            if (references.compareAndSet(n, n + 1)) {
                return this::release;
            }
        }
    }

    /** Gives back a reference; the pixels are freed with the last one. */
    public void release() {
        if (references.decrementAndGet() == 0) {
            if (preview != full) {
                preview.close();
            }
            full.close();
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + " (" + width() + "x" + height() + ")";
    }

    /** A reference held by some work; closing gives it back. */
    @FunctionalInterface
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
