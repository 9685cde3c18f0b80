package dev.toonsmith.app.studio.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@code toonsmith studio}. Besides none at all (the normal start), there are hidden ones for
 * documentation and measurements: open a photo, pick a style, preset and theme, and with
 * {@code --screenshot FILE} save the window as PNG once everything has rendered, then quit.
 *
 * <p>Plain arguments are files to take in as if dropped on the window: a {@code .toon} style is added to the user's
 * styles, a photo is opened, a model file ({@code .onnx}, {@code .pt}, {@code .torchscript}) opens the "Import model"
 * dialog. That is how a desktop opens a double-clicked style with Toonsmith.
 *
 * @param style a style id, or "none"; null keeps the remembered one
 * @param files files given without an option, in order
 */
public record StudioOptions(Path open, String style, String preset, String theme, double width, double height,
        boolean split, Path screenshot, boolean verbose, List<Path> files) {

    public StudioOptions {
        files = List.copyOf(files);
    }

    /** Options without files. */
    public StudioOptions(Path open, String style, String preset, String theme, double width, double height,
            boolean split, Path screenshot, boolean verbose) {
        this(open, style, preset, theme, width, height, split, screenshot, verbose, List.of());
    }

    public static StudioOptions none() {
        return new StudioOptions(null, null, null, null, 0, 0, false, null, false);
    }

    /**
     * @throws IllegalArgumentException with a usage message for an unknown option or a missing value
     */
    public static StudioOptions parse(List<String> args) {
        Path open = null;
        Path screenshot = null;
        String style = null;
        String preset = null;
        String theme = null;
        double width = 0;
        double height = 0;
        boolean split = false;
        boolean verbose = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--open" -> open = Path.of(value(args, ++i, a));
                case "--style" -> style = value(args, ++i, a);
                case "--preset" -> preset = value(args, ++i, a);
                case "--theme" -> theme = value(args, ++i, a).toLowerCase(Locale.ROOT);
                case "--size" -> {
                    String[] parts = value(args, ++i, a).split("x");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--size takes WIDTHxHEIGHT, e.g. 1600x1000");
                    }
                    width = Double.parseDouble(parts[0]);
                    height = Double.parseDouble(parts[1]);
                }
                case "--split" -> split = true;
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                case "--verbose", "-v" -> verbose = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("toonsmith studio: unknown option " + a
                        + " (options: --open PHOTO, --style ID|none, --preset NAME, --theme light|dark,"
                        + " --size WxH, --split, --screenshot FILE.png, --verbose, or files to open)");
                    }
                    files.add(Path.of(a));
                }
            }
        }
        return new StudioOptions(open, style, preset, theme, width, height, split, screenshot, verbose, files);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("toonsmith studio: " + option + " needs a value");
        }
        return args.get(i);
    }
}
