package dev.toonsmith.app;

import dev.toonsmith.app.cli.ToonsmithCommand;
import dev.toonsmith.app.studio.shell.StudioLauncher;
import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Entry point of {@code ./toonsmith} and of the installed app: with no arguments (or {@code studio}, or style and
 * picture files) it opens the studio window; with a subcommand it runs the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (!helpOrVersion(args)) {
            UserDirectories dirs = UserDirectories.platform();
            Optional<String> problem = DataFolder.problem(dirs.root());
            if (problem.isPresent()) {
                System.err.println(problem.get());
                System.exit(args.length == 0 || "studio".equals(args[0]) || opensFiles(args)
                        ? StudioLauncher.refuse(problem.get()) : 1);
            }
            DataFolder.useForNativeCache(dirs);
        }
        if (args.length == 0 || opensFiles(args)) {
            System.exit(StudioLauncher.launch(args));
        } else if ("studio".equals(args[0])) {
            System.exit(StudioLauncher.launch(Arrays.copyOfRange(args, 1, args.length)));
        } else {
            System.exit(ToonsmithCommand.run(args, System.out, System.err));
        }
    }

    /**
     * Whether the arguments are all style or picture files, as a desktop passes a double-clicked {@code .toon} file
     * or an image opened with Toonsmith: those open the studio with them.
     */
    static boolean opensFiles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (String a : args) {
            String name = a.toLowerCase(Locale.ROOT);
            boolean known = name.endsWith(".toon") || name.matches(".*\\.(jpe?g|png|webp|bmp|tiff?)$");
            if (a.startsWith("-") || !known || !Files.isRegularFile(Path.of(a))) {
                return false;
            }
        }
        return true;
    }

    private static boolean helpOrVersion(String[] args) {
        return args.length == 1 && List.of("-h", "--help", "-V", "--version").contains(args[0]);
    }
}
