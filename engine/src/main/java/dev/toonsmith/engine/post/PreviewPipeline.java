package dev.toonsmith.engine.post;

import dev.toonsmith.engine.image.Image;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Post-processing for the live preview. It keeps the last stylized preview image and applies
 * {@link PostSettings} to it, so that moving a post-processing slider costs one {@link PostProcess} run (tens
 * of milliseconds at preview size) and never a generator run. When the generator has run again (another
 * photo or style), the UI hands its new result to {@link #setStylized}.
 *
 * <p>The preview may be any size: pixel lengths in the settings are reference pixels, scaled with the image
 * (see {@link PostSettings}), so the preview looks like {@link PostProcess#apply} on the full-size result.
 * A preview of {@value PostProcess#REFERENCE_LONG_EDGE} px on its long edge matches it most closely, as the
 * quantizer fits its palette at that size.
 *
 * <p>Thread-safe. Typically the generator's worker calls {@link #setStylized} and a post-processing worker
 * calls {@link #render} on every slider change (dropping stale requests is the caller's business); renders
 * may run concurrently with each other, and a new stylized image waits for running renders to finish
 * before the old one is freed.
 */
public final class PreviewPipeline implements AutoCloseable {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Image stylized;
    private boolean closed;

    /**
     * Keeps a copy of the generator's latest preview result, replacing the previous one; the caller keeps
     * ownership of {@code image}.
     */
    public void setStylized(Image image) {
        Objects.requireNonNull(image, "image");
        Image copy = image.copy();
        Image previous;
        lock.writeLock().lock();
        try {
            if (closed) {
                copy.close();
                throw new IllegalStateException("preview pipeline is closed");
            }
            previous = stylized;
            stylized = copy;
        } finally {
            lock.writeLock().unlock();
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** Whether a stylized preview has been set, i.e. whether {@link #render} has something to work on. */
    public boolean hasStylized() {
        lock.readLock().lock();
        try {
            return stylized != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The latest stylized preview post-processed with these settings: a new image the caller owns, or
     * empty if no stylized preview has been set yet.
     */
    public Optional<Image> render(PostSettings settings) {
        Objects.requireNonNull(settings, "settings");
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("preview pipeline is closed");
            }
            return stylized == null ? Optional.empty() : Optional.of(PostProcess.apply(stylized, settings));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the stylized preview, after running renders finish. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            if (stylized != null) {
                stylized.close();
                stylized = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
