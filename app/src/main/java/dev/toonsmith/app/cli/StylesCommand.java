package dev.toonsmith.app.cli;

import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code toonsmith styles}: what styles are installed. */
@Command(name = "styles", mixinStandardHelpOptions = true,
        description = {"Lists the installed styles: those bundled with Toonsmith and those in your styles folder."})
final class StylesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StyleLibrary library = StyleLibrary.load();
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "SOURCE", "ARCHITECTURE", "PARAMETERS", "SIZE", "LICENCE"});
        for (StyleEntry e : library.entries()) {
            rows.add(new String[] {
                e.id(), e.name(), e.source().name().toLowerCase(Locale.ROOT), e.manifest().spec().architecture(),
                String.format(Locale.ROOT, "%,d", e.parameterCount()), humanBytes(e.fileSize()), e.manifest().license()
            });
        }
        if (rows.size() == 1) {
            out.println("No styles are installed yet.");
        } else {
            Table.print(out, rows);
        }
        out.println();
        out.println("Your styles folder: " + library.userFolder());
        List<StyleProblem> problems = library.problems();
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Skipped " + problems.size() + " file(s) that are not usable styles:");
            for (StyleProblem p : problems) {
                err.println("  " + p.message());
            }
        }
        return 0;
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
