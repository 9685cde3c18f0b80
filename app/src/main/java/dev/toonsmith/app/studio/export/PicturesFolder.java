package dev.toonsmith.app.studio.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's Pictures folder, where results go when the photos' own folder cannot take them: the one the desktop
 * names ({@code XDG_PICTURES_DIR} in {@code user-dirs.dirs}, localised on many systems, e.g. "Bilder"), else
 * {@code ~/Pictures}.
 */
public final class PicturesFolder {

    private static final Pattern ENTRY = Pattern.compile("^\\s*XDG_PICTURES_DIR\\s*=\\s*\"?([^\"]*)\"?\\s*$");

    private PicturesFolder() {}

    /** This user's Pictures folder; it may not exist yet. */
    public static Path ofUser() {
        return of(Path.of(System.getProperty("user.home")), System.getenv());
    }

    /**
     * @param home the user's home folder
     * @param env the environment, for {@code XDG_CONFIG_HOME}
     */
    public static Path of(Path home, Map<String, String> env) {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path config = configHome == null || configHome.isBlank() ? home.resolve(".config") : Path.of(configHome);
        return fromUserDirs(config.resolve("user-dirs.dirs"), home).orElse(home.resolve("Pictures"));
    }

    private static Optional<Path> fromUserDirs(Path file, Path home) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                String value = m.group(1).replace("$HOME", home.toString());
                Path folder = Path.of(value);
                // xdg-user-dirs sets an unused entry to the home folder itself; that is not a Pictures folder.
                if (folder.isAbsolute() && !folder.normalize().equals(home.normalize())) {
                    return Optional.of(folder);
                }
            }
        }
        return Optional.empty();
    }
}
