package dev.toonsmith.app;

import dev.toonsmith.app.cli.ToonsmithCommand;
import dev.toonsmith.app.studio.shell.StudioLauncher;
import java.util.Arrays;

/**
 * Entry point of {@code ./toonsmith}: with no arguments (or {@code studio}) it opens the studio window; with a
 * subcommand it runs the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(StudioLauncher.launch(args));
        } else if ("studio".equals(args[0])) {
            System.exit(StudioLauncher.launch(Arrays.copyOfRange(args, 1, args.length)));
        } else {
            System.exit(ToonsmithCommand.run(args, System.out, System.err));
        }
    }
}
