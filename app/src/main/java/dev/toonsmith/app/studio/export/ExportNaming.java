package dev.toonsmith.app.studio.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Proposes where an export goes: {@code {name}_{style}.{ext}} next to the photo, so results sort beside
 * their source and say how they were made, unless the photo's folder cannot be written (a sample photo of an
 * installed copy, under {@code /opt/toonsmith}; a read-only card): then the folder of the last export, the Pictures
 * folder, or home. The proposal is never the photo itself.
 */
public final class ExportNaming {

    private ExportNaming() {}

    /**
     * The folder an export is proposed in: the first of the photo's folder, the last export's folder, the Pictures
     * folder and home that exists and can be written.
     *
     * @param lastExportFolder null before the first export
     * @param writable whether a folder can take a new file ({@code Files::isWritable})
     */
    public static Path folder(Path photo, Path lastExportFolder, Path pictures, Path home,
            Predicate<Path> writable) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(photo.toAbsolutePath().getParent());
        candidates.add(lastExportFolder);
        candidates.add(pictures);
        candidates.add(home);
        return candidates.stream().filter(Objects::nonNull).filter(Files::isDirectory).filter(writable).findFirst()
                .orElse(photo.toAbsolutePath().getParent());
    }

    /** {@link #propose(Path, String, ExportFormat)}, in {@code folder} instead of beside the photo. */
    public static Path propose(Path photo, String look, ExportFormat format, Path folder) {
        return folder.resolve(propose(photo, look, format).getFileName());
    }

    /**
     * @param look what made the result, e.g. the style's name, or the preset's when there is no style
     */
    public static Path propose(Path photo, String look, ExportFormat format) {
        String name = photo.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String suffix = slug(look);
        Path folder = photo.toAbsolutePath().getParent();
        Path proposal = folder.resolve(base + (suffix.isEmpty() ? "" : "_" + suffix) + "." + format.extension());
        // Only possible for a photo already named like an export of itself (cat_poster.png, style "poster").
        for (int n = 2; proposal.normalize().equals(photo.toAbsolutePath().normalize()); n++) {
            proposal = folder.resolve(base + "_" + suffix + "-" + n + "." + format.extension());
        }
        return proposal;
    }

    /** Lower case, letters and digits, words joined by hyphens: safe in file names everywhere. */
    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{IsAlphabetic}\\p{IsDigit}]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** {@code target} with the extension {@code format} asks for, replacing a different known one. */
    public static Path withExtension(Path target, ExportFormat format) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (format.engineFormat().extensions().contains(ext)) {
            return target;
        }
        return target.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "." + format.extension());
    }
}
