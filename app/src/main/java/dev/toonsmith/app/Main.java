package dev.toonsmith.app;

import dev.toonsmith.app.cli.ToonsmithCommand;

/**
 * Entry point of {@code ./toonsmith}: with a subcommand it runs the command line; with no arguments it
 * prints the command line's help (the studio window arrives with the studio itself).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(ToonsmithCommand.run(args, System.out, System.err));
    }
}
