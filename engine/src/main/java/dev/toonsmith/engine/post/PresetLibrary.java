package dev.toonsmith.engine.post;

import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.io.UserFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The presets the user can pick: those built into Toonsmith, then the user's own, saved as
 * {@code NAME.json} in {@link #userFolder()} ({@link UserDirectories#presets()}).
 *
 * <p>Built-in presets own their names: they cannot be deleted or overwritten, and a user file with a built-in
 * name is reported and ignored, so that "Comic ink" always means the shipped look. Names are matched ignoring
 * case, as on the file systems of Windows and macOS. The user folder is read on every call rather than cached:
 * it holds a handful of small files, and this way presets added by hand or by another window show up at once.
 * A broken user file is reported in {@link Listing#problems()}, for the caller to show, rather than hiding
 * the other presets.
 *
 * <p>Thread-safe: built-ins are immutable, saving writes a temporary file and renames it over the target, so
 * readers never see half a preset, and saving and deleting are serialized within the process.
 */
public final class PresetLibrary {

    /** The file name extension of presets. */
    public static final String EXTENSION = ".json";

    static final String RESOURCE_FOLDER = "dev/toonsmith/engine/presets/";
    static final String INDEX = RESOURCE_FOLDER + "index.txt";

    private static final int MAX_NAME_LENGTH = 64;
    private static final String FORBIDDEN_IN_NAMES = "/\\:*?\"<>|";

    private final Path userFolder;
    private final List<Preset> builtIns;

    /** The presets listed, and the user files that could not be offered. */
    public record Listing(List<Preset> presets, List<Problem> problems) {

        public Listing {
            presets = List.copyOf(presets);
            problems = List.copyOf(problems);
        }
    }

    /**
     * A user preset file that is not offered, and why.
     *
     * @param message a sentence for the user that names the file
     */
    public record Problem(Path file, String message) {}

    /**
     * The built-in presets and those in {@link UserDirectories#presets()}.
     *
     * @throws IllegalStateException if a built-in preset is missing or broken, which is a packaging bug
     */
    public PresetLibrary(UserDirectories directories) {
        this.userFolder = Objects.requireNonNull(directories, "directories").presets();
        this.builtIns = loadBuiltIns(PresetLibrary.class.getClassLoader());
    }

    /** Where the user's presets are saved. It may not exist yet. */
    public Path userFolder() {
        return userFolder;
    }

    /** The presets shipped with Toonsmith, in their shipped order. */
    public List<Preset> builtIns() {
        return builtIns;
    }

    /** Built-in presets in their shipped order, then the user's sorted by name, and the files that failed. */
    public Listing list() {
        List<Preset> presets = new ArrayList<>(builtIns);
        List<Problem> problems = new ArrayList<>();
        Set<String> taken = builtIns.stream().map(p -> key(p.name())).collect(Collectors.toCollection(HashSet::new));
        List<Preset> user = new ArrayList<>();
        for (Path file : userFiles(problems)) {
            Preset preset;
            try {
                preset = read(file, Preset.Source.USER);
            } catch (NoSuchFileException e) {
                continue; // deleted while we listed
            } catch (IOException e) {
                problems.add(new Problem(file, e instanceof PresetFormatException ? e.getMessage()
                        : "Preset " + file + " cannot be read: " + e));
                continue;
            }
            if (!taken.add(key(preset.name()))) {
                problems.add(new Problem(file, "Preset " + file + " is ignored: the name '" + preset.name()
                        + "' is already used by another preset. Rename it in the file."));
                continue;
            }
            user.add(preset);
        }
        user.sort(Comparator.comparing((Preset p) -> key(p.name())));
        presets.addAll(user);
        return new Listing(presets, problems);
    }

    /**
     * The preset with this name, ignoring case.
     *
     * @throws PresetFormatException if no valid preset has the name but the user folder has a broken file
     *     named after it, so that the user learns what to fix rather than "not found"
     */
    public Optional<Preset> find(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        String wanted = key(name);
        Listing listing = list();
        for (Preset p : listing.presets()) {
            if (key(p.name()).equals(wanted)) {
                return Optional.of(p);
            }
        }
        for (Problem problem : listing.problems()) {
            if (key(baseName(problem.file())).equals(wanted)) {
                return Optional.of(read(problem.file(), Preset.Source.USER));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a preset file from anywhere, e.g. one named on the command line or shared by another artist.
     *
     * @throws PresetFormatException if it is not a valid preset
     */
    public Preset load(Path file) throws IOException {
        return read(Objects.requireNonNull(file, "file"), Preset.Source.FILE);
    }

    /**
     * What a user typed to pick a preset: a path to a {@value #EXTENSION} file, or else a preset's name.
     *
     * @throws NoSuchFileException if there is no such preset; the message lists the available names
     * @throws PresetFormatException if the file, or the user's file of that name, is broken
     */
    public Preset resolve(String nameOrFile) throws IOException {
        Objects.requireNonNull(nameOrFile, "nameOrFile");
        if (nameOrFile.toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
            return load(Path.of(nameOrFile));
        }
        Optional<Preset> found = find(nameOrFile);
        if (found.isPresent()) {
            return found.get();
        }
        String names = list().presets().stream().map(Preset::name).collect(Collectors.joining(", "));
        throw new NoSuchFileException(nameOrFile, null, "no preset has this name; the presets are: " + names);
    }

    /**
     * Saves a user preset as {@code NAME.json} in the user folder, replacing the user's preset of that name.
     *
     * @return the preset as saved
     * @throws IllegalArgumentException if the name cannot be a file name, or is a built-in preset's
     */
    public synchronized Preset save(String name, String description, PostSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        String cleanName = checkName(name);
        String cleanDescription = description == null ? "" : description;
        if (builtIn(cleanName).isPresent()) {
            throw new IllegalArgumentException("'" + cleanName + "' is a built-in preset and cannot be overwritten; "
                    + "save under another name");
        }
        Optional<Preset> previous = userPreset(cleanName);
        Path target = userFolder.resolve(cleanName + EXTENSION);
        AtomicFiles.write(target, PresetJson.write(cleanName, cleanDescription, settings));
        // A preset of this name in a differently spelled file (case, or renamed by hand) would now be a duplicate.
        if (previous.isPresent() && !isSameFile(previous.get().file(), target)) {
            Files.deleteIfExists(previous.get().file());
        }
        return new Preset(cleanName, cleanDescription, settings, Preset.Source.USER, target);
    }

    /**
     * Writes a preset file anywhere (beside a batch's report, say), atomically; {@link #load} reads it back.
     */
    public static void writeFile(Path file, String name, String description, PostSettings settings)
            throws IOException {
        Objects.requireNonNull(settings, "settings");
        AtomicFiles.write(file, PresetJson.write(name, description == null ? "" : description, settings));
    }

    /**
     * Deletes the user's preset of this name.
     *
     * @return whether there was one
     * @throws IllegalArgumentException if the name is a built-in preset's
     */
    public synchronized boolean delete(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (builtIn(name).isPresent()) {
            throw new IllegalArgumentException("'" + name.strip() + "' is a built-in preset and cannot be deleted");
        }
        Optional<Preset> preset = userPreset(name);
        if (preset.isPresent()) {
            return Files.deleteIfExists(preset.get().file());
        }
        // A broken file of that name is the user's too, and deleting it is how they get rid of it.
        for (Problem problem : list().problems()) {
            if (key(baseName(problem.file())).equals(key(name))) {
                return Files.deleteIfExists(problem.file());
            }
        }
        return false;
    }

    private Optional<Preset> builtIn(String name) {
        return builtIns.stream().filter(p -> key(p.name()).equals(key(name))).findFirst();
    }

    private Optional<Preset> userPreset(String name) {
        return list().presets().stream()
                .filter(p -> p.source() == Preset.Source.USER && key(p.name()).equals(key(name)))
                .findFirst();
    }

    private List<Path> userFiles(List<Problem> problems) {
        try {
            return UserFiles.list(userFolder, EXTENSION);
        } catch (IOException e) {
            problems.add(new Problem(userFolder,
                    "Your presets folder " + userFolder + " cannot be read (" + e + "). Check its permissions."));
            return List.of();
        }
    }

    private static Preset read(Path file, Preset.Source source) throws IOException {
        PresetJson.Contents contents = PresetJson.read(Files.readAllBytes(file), file);
        return new Preset(contents.name(), contents.description(), contents.settings(), source, file);
    }

    private static List<Preset> loadBuiltIns(ClassLoader loader) {
        List<Preset> presets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String fileName : index(loader)) {
            String resource = RESOURCE_FOLDER + fileName;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the preset index lists " + fileName + " but there is no " + resource);
                }
                PresetJson.Contents c = PresetJson.read(in.readAllBytes(), Path.of(resource));
                if (!names.add(key(c.name()))) {
                    throw new IllegalStateException("two built-in presets are named '" + c.name() + "'");
                }
                presets.add(new Preset(c.name(), c.description(), c.settings(), Preset.Source.BUILT_IN, null));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "built-in preset " + resource + " cannot be loaded: " + e.getMessage(), e);
            }
        }
        return List.copyOf(presets);
    }

    /** The built-in preset files in their shipped order: a jar cannot be listed portably. */
    private static List<String> index(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the built-in preset index " + INDEX + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in preset index cannot be read", e);
        }
        return names;
    }

    /** The name, stripped, if it can be a file name on every platform. */
    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        String clean = name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a preset name can have at most " + MAX_NAME_LENGTH + " characters");
        }
        for (char c : clean.toCharArray()) {
            if (c < ' ' || FORBIDDEN_IN_NAMES.indexOf(c) >= 0) {
                throw new IllegalArgumentException("a preset name cannot contain " + (c < ' ' ? "control characters"
                        : "'" + c + "'") + " (not allowed in file names: " + FORBIDDEN_IN_NAMES + ")");
            }
        }
        if (clean.startsWith(".") || clean.endsWith(".")) {
            throw new IllegalArgumentException("a preset name cannot start or end with '.'");
        }
        return clean;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                ? name.substring(0, name.length() - EXTENSION.length())
                : name;
    }

    private static boolean isSameFile(Path a, Path b) throws IOException {
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }

}
