package dev.toonsmith.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.toonsmith.app.Errors;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code toonsmith} command and its subcommands. */
@Command(
        name = "toonsmith",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns photos into cartoons with GAN styles.",
        subcommands = {StylizeCommand.class, BatchCommand.class, StylesCommand.class, PresetsCommand.class, TrainCommand.class,
            ExportStyleCommand.class, ImportStyleCommand.class, ExportOnnxCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'toonsmith help COMMAND' for the options of a command.",
            "Run 'toonsmith' without arguments (or 'toonsmith studio') to open the studio window."})
public final class ToonsmithCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Shared by every subcommand through {@code @ParentCommand}. */
    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Log what happens and show stack traces of errors.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        Logger toonsmith = (Logger) LoggerFactory.getLogger("dev.toonsmith");
        toonsmith.setLevel(verbose ? Level.DEBUG : Level.WARN);
        ((Logger) LoggerFactory.getLogger("ai.djl")).setLevel(verbose ? Level.INFO : Level.WARN);
    }

    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and returns the exit code: 0 on success, 1 when the work failed, 2 for a usage
     * error. Failures print one line naming what went wrong, and a stack trace only with {@code --verbose}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ToonsmithCommand root = new ToonsmithCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            w.println("toonsmith: " + Errors.describe(e));
            if (root.verbose) {
                e.printStackTrace(w);
            }
            w.flush();
            return 1;
        });
        cli.setParameterExceptionHandler(ToonsmithCommand::usageError);
        return cli.execute(args);
    }

    /** Levenshtein distance; picocli has one inside but does not expose it. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * A usage error in at most three lines: what is wrong, the nearest option names for a mistyped one, and where the
     * help is, as git and cargo do. picocli's default prints the whole help after the reason, which scrolls the reason
     * out of sight.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            // The first unknown word is the mistake; what follows it is usually its value ("--strenght 0.5").
            String word = unmatched.getUnmatched().get(0);
            boolean option = word.startsWith("-");
            err.println(name + ": unknown " + (option ? "option" : "argument") + " '" + word + "'");
            // picocli suggests by shared prefix in declaration order ("--style or --strength" for "--strenght");
            // the nearest spelling first reads as the answer.
            List<String> suggestions = unmatched.getSuggestions().stream()
                    .sorted(java.util.Comparator.comparingInt(s -> editDistance(word, s))).toList();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "?");
            }
        } else {
            err.println(name + ": " + e.getMessage());
        }
        err.println("Run '" + name + " --help' for its options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
