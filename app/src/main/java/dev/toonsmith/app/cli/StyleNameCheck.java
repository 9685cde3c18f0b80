package dev.toonsmith.app.cli;

import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleNames;
import dev.toonsmith.engine.style.StyleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What {@code import-style} and {@code export-style} check before writing into the styles folder: that no installed
 * style already has the new style's name, as the studio refuses it too. Two styles called alike cannot be told apart
 * in the studio's gallery or the Batch page's list. A file written anywhere else is not installed and not checked.
 */
final class StyleNameCheck {

    private StyleNameCheck() {}

    /**
     * @throws CommandLine.ParameterException naming the installed style and {@code --name}, when {@code output} goes
     *     into the styles folder and an installed style other than {@code output} itself is already called
     *     {@code name}
     */
    static void requireFreeName(CommandLine command, Path output, String name) {
        UserDirectories directories = UserDirectories.platform();
        if (!inFolder(output, directories.styles())) {
            return;
        }
        StyleNames names = StyleLibrary.load(directories).names();
        Optional<StyleEntry> holder = names.holder(name);
        if (holder.isEmpty() || isSameFile(holder.get().file(), output)) {
            return;
        }
        StyleEntry taken = holder.get();
        String where = taken.source() == StyleSource.BUNDLED ? "bundled with Toonsmith" : "in " + taken.file();
        throw new CommandLine.ParameterException(command, String.format(Locale.ROOT,
                "There is already a style called '%s' (id %s, %s); give this one another --name, e.g. --name \"%s\".",
                taken.name(), taken.id(), where, names.free(name)));
    }

    private static boolean inFolder(Path file, Path folder) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return false;
        }
        Path target = folder.toAbsolutePath().normalize();
        if (parent.equals(target)) {
            return true;
        }
        try {
            return Files.isDirectory(parent) && Files.isDirectory(target) && Files.isSameFile(parent, target);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
