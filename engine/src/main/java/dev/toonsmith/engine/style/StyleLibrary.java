package dev.toonsmith.engine.style;

import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.io.UserFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The styles the user can pick: those bundled with Toonsmith, then those in the user's styles folder.
 *
 * <p>Every style is fully checked when the library loads, so that the list only offers styles that will
 * work. Files that fail are kept as {@link #problems()} rather than failing the whole library: one bad
 * download in the styles folder must not take the other styles away. Bundled styles own their ids: a user
 * file with the id of a bundled style is reported and ignored, so that an update of the application
 * cannot be silently overridden and {@link #defaultStyle()} always means the shipped one.
 *
 * <p>The library is safe to use from several threads; {@link #entries()} and {@link #problems()} are
 * snapshots.
 */
public final class StyleLibrary {

    /** The id of the style used when the user has not picked one. */
    public static final String DEFAULT_ID = "default";

    private static final Logger LOG = LoggerFactory.getLogger(StyleLibrary.class);

    private final UserDirectories directories;
    private final ClassLoader bundledFrom;

    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), Map.of());

    private record Snapshot(List<StyleEntry> entries, List<StyleProblem> problems, Map<String, byte[]> thumbnails) {}

    private StyleLibrary(UserDirectories directories, ClassLoader bundledFrom) {
        this.directories = Objects.requireNonNull(directories, "directories");
        this.bundledFrom = Objects.requireNonNull(bundledFrom, "bundledFrom");
    }

    /** The styles of this user on this machine. */
    public static StyleLibrary load() {
        return load(UserDirectories.platform());
    }

    /** The bundled styles and those under {@code directories.styles()}. */
    public static StyleLibrary load(UserDirectories directories) {
        return load(directories, StyleLibrary.class.getClassLoader());
    }

    /**
     * The styles bundled as resources of {@code bundledFrom} (listed in
     * {@code dev/toonsmith/engine/styles/index.txt}) and those under {@code directories.styles()}.
     */
    public static StyleLibrary load(UserDirectories directories, ClassLoader bundledFrom) {
        StyleLibrary library = new StyleLibrary(directories, bundledFrom);
        library.reload();
        return library;
    }

    /** Scans the bundled styles and the user's folder again, e.g. after files were added by hand. */
    public synchronized void reload() {
        List<StyleEntry> bundled = new ArrayList<>();
        List<StyleEntry> user = new ArrayList<>();
        List<StyleProblem> problems = new ArrayList<>();
        Map<String, StyleEntry> byId = new HashMap<>();
        Map<String, byte[]> thumbnails = new HashMap<>();

        List<String> index;
        try {
            index = BundledStyles.index(bundledFrom);
        } catch (IOException e) {
            index = List.of();
            problems.add(new StyleProblem(Path.of(BundledStyles.INDEX),
                    "The list of bundled styles cannot be read (" + e + "). Reinstall Toonsmith."));
        }
        for (String name : index) {
            BundledStyles.Located located = BundledStyles.locate(bundledFrom, name, directories.cache());
            if (located.problem() != null) {
                problems.add(located.problem());
                continue;
            }
            add(located.file(), StyleSource.BUNDLED, bundled, byId, thumbnails, problems);
        }

        for (Path file : userFiles(problems)) {
            add(file, StyleSource.USER, user, byId, thumbnails, problems);
        }
        user.sort(Comparator.comparing((StyleEntry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(StyleEntry::id));

        List<StyleEntry> entries = new ArrayList<>(bundled);
        entries.addAll(user);
        for (StyleProblem p : problems) {
            LOG.warn("{}", p.message());
        }
        snapshot = new Snapshot(List.copyOf(entries), List.copyOf(problems), Map.copyOf(thumbnails));
    }

    private void add(Path file, StyleSource source, List<StyleEntry> into, Map<String, StyleEntry> byId,
            Map<String, byte[]> thumbnails, List<StyleProblem> problems) {
        StyleBundle bundle;
        try {
            bundle = StyleBundle.read(file);
        } catch (StyleFormatException e) {
            problems.add(new StyleProblem(file, e.getMessage()));
            return;
        } catch (IOException e) {
            problems.add(new StyleProblem(file, "Style " + file + " cannot be read: " + e + "."));
            return;
        } catch (RuntimeException e) {
            // A file that trips a bug must still not take the other styles down with it.
            LOG.error("Checking style {} failed", file, e);
            problems.add(new StyleProblem(file, "Style " + file + " could not be checked: " + e + "."));
            return;
        }
        String id = bundle.manifest().id();
        StyleEntry taken = byId.get(id);
        if (taken != null) {
            String owner = taken.source() == StyleSource.BUNDLED
                    ? "the bundled style '" + taken.name() + "'"
                    : "the style '" + taken.name() + "' in " + taken.file();
            problems.add(new StyleProblem(file, "Style " + file + " is ignored: its id '" + id
                    + "' is already used by " + owner + ". Delete the file, or change the id in its manifest."));
            return;
        }
        StyleEntry entry = StyleEntry.of(bundle, source);
        byId.put(id, entry);
        thumbnails.put(id, bundle.thumbnailPng());
        into.add(entry);
    }

    private List<Path> userFiles(List<StyleProblem> problems) {
        Path folder = directories.styles();
        try {
            return UserFiles.list(folder, StyleWriter.EXTENSION);
        } catch (IOException e) {
            problems.add(new StyleProblem(folder,
                    "Your styles folder " + folder + " cannot be read (" + e + "). Check its permissions."));
            return List.of();
        }
    }

    /** The usable styles: bundled ones first in their shipped order, then the user's by name. */
    public List<StyleEntry> entries() {
        return snapshot.entries();
    }

    /** The installed styles' display names, to check a new style's name against. */
    public StyleNames names() {
        return StyleNames.of(entries());
    }

    /** Files found but not offered, with the reason, in the order found. */
    public List<StyleProblem> problems() {
        return snapshot.problems();
    }

    /** The folder imported styles go to. */
    public Path userFolder() {
        return directories.styles();
    }

    /** The style with this id, or else the first whose display name matches ignoring case. */
    public Optional<StyleEntry> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        List<StyleEntry> entries = entries();
        for (StyleEntry e : entries) {
            if (e.id().equals(idOrName)) {
                return Optional.of(e);
            }
        }
        String name = idOrName.strip();
        for (StyleEntry e : entries) {
            if (e.name().strip().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The bundled style with id {@value #DEFAULT_ID}, if this build ships one. */
    public Optional<StyleEntry> defaultStyle() {
        return entries().stream()
                .filter(e -> e.source() == StyleSource.BUNDLED && e.id().equals(DEFAULT_ID))
                .findFirst();
    }

    /** A copy of the thumbnail PNG of the style with this id. */
    public Optional<byte[]> thumbnailPng(String id) {
        byte[] png = snapshot.thumbnails().get(id);
        return png == null ? Optional.empty() : Optional.of(png.clone());
    }

    /** Reads the style's weights, checking the file again in case it changed since the library loaded. */
    public StyleBundle open(StyleEntry entry) throws IOException {
        return StyleBundle.read(entry.file());
    }

    /** Reads the style with this id or display name. */
    public StyleBundle open(String idOrName) throws IOException {
        StyleEntry entry = find(idOrName).orElseThrow(() -> notInstalled(idOrName));
        return open(entry);
    }

    /**
     * Checks {@code toonFile} and copies it into the user's styles folder as {@code ID.toon}.
     *
     * @return the new entry
     * @throws StyleFormatException if the file is not a usable style
     * @throws StyleLibraryException if a style with the same id is already installed
     */
    public synchronized StyleEntry importStyle(Path toonFile) throws IOException {
        StyleBundle bundle = StyleBundle.read(toonFile);
        String id = bundle.manifest().id();
        Optional<StyleEntry> clash = entries().stream().filter(e -> e.id().equals(id)).findFirst();
        if (clash.isPresent()) {
            StyleEntry taken = clash.get();
            String where = taken.source() == StyleSource.BUNDLED
                    ? "bundled with Toonsmith"
                    : "installed from " + taken.file();
            throw new StyleLibraryException("Cannot import " + toonFile + ": its id '" + id
                    + "' is already used by the style '" + taken.name() + "' (" + where + "). "
                    + (taken.deletable()
                            ? "Delete that style first to replace it, or give the new style another id."
                            : "Give the new style another id."));
        }
        Path folder = directories.styles();
        Files.createDirectories(folder);
        Path target = freeName(folder, id);
        AtomicFiles.write(target, Files.readAllBytes(toonFile));
        reload();
        return find(id).filter(e -> e.source() == StyleSource.USER && e.file().equals(target))
                .orElseThrow(() -> new IOException("Style " + target + " was copied but then could not be read back"));
    }

    /**
     * Deletes a user style's file.
     *
     * @throws StyleLibraryException if no style has this id or the style is bundled
     */
    public synchronized void delete(String id) throws IOException {
        StyleEntry entry = entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> notInstalled(id));
        if (!entry.deletable()) {
            throw new StyleLibraryException("The style '" + entry.name() + "' (" + id
                    + ") is bundled with Toonsmith and cannot be deleted. Pick another style instead.");
        }
        Files.deleteIfExists(entry.file());
        reload();
    }

    /**
     * The style a person named: a path to a {@code .toon} file, or else the id or display name of an installed
     * style. With {@code null}, the default style.
     *
     * @throws StyleLibraryException when nothing by that name is installed, or no default style is
     */
    public StyleBundle resolve(String reference) throws IOException {
        if (reference == null) {
            StyleEntry entry = defaultStyle().orElseThrow(() -> new StyleLibraryException(
                    "No default style is installed in this build. Pass a style (a .toon file, or one listed by"
                            + " 'toonsmith styles')."));
            return open(entry);
        }
        Path asFile = Path.of(reference);
        if (reference.endsWith(StyleWriter.EXTENSION) || Files.isRegularFile(asFile)) {
            if (!Files.exists(asFile)) {
                throw new NoSuchFileException(reference);
            }
            return StyleBundle.read(asFile);
        }
        return open(find(reference).orElseThrow(() -> notInstalled(reference)));
    }

    private StyleLibraryException notInstalled(String idOrName) {
        List<String> ids = entries().stream().map(StyleEntry::id).toList();
        return new StyleLibraryException("No style '" + idOrName + "' is installed ("
                + (ids.isEmpty() ? "none are" : "installed: " + String.join(", ", ids))
                + "). Pass a .toon file, or see 'toonsmith styles'.");
    }

    /** {@code ID.toon}, or {@code ID-2.toon} and so on when a file (perhaps a broken one) has that name. */
    private static Path freeName(Path folder, String id) {
        Path candidate = folder.resolve(id + StyleWriter.EXTENSION);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(id + "-" + n + StyleWriter.EXTENSION);
        }
        return candidate;
    }
}
