package dev.toonsmith.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.toonsmith.app.Errors;
import java.io.PrintStream;
import java.io.PrintWriter;
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
        return cli.execute(args);
    }
}
