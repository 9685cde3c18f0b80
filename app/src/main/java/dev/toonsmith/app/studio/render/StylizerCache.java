package dev.toonsmith.app.studio.render;

import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loaded generators of the last few styles used, so that flipping between styles in the gallery, and
 * rendering their thumbnails, does not read weights again each time. Thread-safe.
 */
public final class StylizerCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StylizerCache.class);

    private final StyleLibrary library;
    private final DevicePreference device;
    private final int capacity;
    private final Map<String, Stylizer> loaded = new LinkedHashMap<>(16, 0.75f, true);

    public StylizerCache(StyleLibrary library, DevicePreference device, int capacity) {
        this.library = Objects.requireNonNull(library, "library");
        this.device = Objects.requireNonNull(device, "device");
        this.capacity = capacity;
    }

    /**
     * The style's generator, loading it if needed.
     *
     * @throws IOException with a message for the user if the style's file cannot be loaded
     */
    public synchronized Stylizer get(StyleEntry style) throws IOException {
        String key = key(style);
        Stylizer stylizer = loaded.get(key);
        if (stylizer != null) {
            return stylizer;
        }
        long start = System.nanoTime();
        stylizer = dev.toonsmith.engine.imported.Stylizers.load(library.open(style), device);
        log.info("Loaded style '{}' ({}) in {} ms", style.name(), style.manifest().architecture().name(),
                (System.nanoTime() - start) / 1_000_000);
        loaded.put(key, stylizer);
        Iterator<Map.Entry<String, Stylizer>> eldest = loaded.entrySet().iterator();
        while (loaded.size() > capacity && eldest.hasNext()) {
            Stylizer evicted = eldest.next().getValue();
            eldest.remove();
            // Waits for calls in flight on it, then frees its weights.
            evicted.close();
        }
        return stylizer;
    }

    /** Forgets a style, e.g. after it was deleted. */
    public synchronized void evict(String styleId) {
        loaded.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(styleId + "@")) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    private static String key(StyleEntry style) {
        return style.id() + "@" + style.file();
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(Stylizer::close);
        loaded.clear();
    }
}
