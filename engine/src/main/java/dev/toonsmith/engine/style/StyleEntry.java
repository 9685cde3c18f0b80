package dev.toonsmith.engine.style;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A usable style in the {@link StyleLibrary}: what the style list shows, without holding the weights.
 *
 * <p>Entries are cheap to keep for every installed style; {@link StyleLibrary#open(StyleEntry)} reads the
 * weights when the style is actually used.
 *
 * @param id the manifest's id, unique in the library
 * @param name the display name
 * @param file the {@code .toon} file (for bundled styles, a copy in the cache folder or the resource itself)
 * @param parameterCount scalars in the generator's parameters
 * @param fileSize size of the file in bytes
 */
public record StyleEntry(
        String id,
        String name,
        StyleSource source,
        Path file,
        StyleManifest manifest,
        long parameterCount,
        long fileSize) {

    public StyleEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manifest, "manifest");
    }

    static StyleEntry of(StyleBundle bundle, StyleSource source) {
        StyleManifest m = bundle.manifest();
        return new StyleEntry(m.id(), m.name(), source, bundle.file(), m, bundle.parameterCount(), bundle.fileSize());
    }

    /** An entry for a style that is not installed: a training checkpoint previewed in the studio. */
    public static StyleEntry preview(StyleBundle bundle) {
        return of(bundle, StyleSource.PREVIEW);
    }

    /** Whether the user may delete this style. */
    public boolean deletable() {
        return source == StyleSource.USER;
    }
}
