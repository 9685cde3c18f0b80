package dev.toonsmith.app.cli;

import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.Preset;
import dev.toonsmith.engine.post.PresetLibrary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code toonsmith presets}: the post-processing looks {@code stylize --post} accepts. Broken user preset
 * files are listed on stderr, each naming the file and the field, and do not fail the command: the other
 * presets are still usable.
 */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"Lists the post-processing presets for 'stylize --post': those built into Toonsmith and"
                + " those in your presets folder."})
final class PresetsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PresetLibrary library = new PresetLibrary(UserDirectories.platform());
        PresetLibrary.Listing listing = library.list();
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "SOURCE", "STEPS", "DESCRIPTION"});
        for (Preset p : listing.presets()) {
            rows.add(new String[] {p.name(), source(p.source()), p.settings().summary(), p.description()});
        }
        Table.print(out, rows);
        out.println();
        out.println("Your presets folder: " + library.userFolder());
        List<PresetLibrary.Problem> problems = listing.problems();
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Skipped " + problems.size() + " file(s) that are not usable presets:");
            for (PresetLibrary.Problem p : problems) {
                err.println("  " + p.message());
            }
        }
        return 0;
    }

    private static String source(Preset.Source source) {
        return switch (source) {
            case BUILT_IN -> "built-in";
            case USER -> "user";
            case FILE -> "file";
        };
    }
}
