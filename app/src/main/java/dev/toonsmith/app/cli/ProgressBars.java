package dev.toonsmith.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live progress bar of {@code batch} and {@code train} on a terminal ({@code me.tongfei:progressbar}), with
 * the engine's own estimate of the time left. Off a terminal (a log, a pipe, a test) commands print lines
 * instead, since a bar redrawn with carriage returns makes a log unreadable.
 */
final class ProgressBars {

    private ProgressBars() {}

    /** Whether the output is a terminal a bar can redraw on. */
    static boolean live() {
        return System.console() != null;
    }

    /**
     * A bar on {@code out}, which the command's own printing shares.
     *
     * @param start where the bar starts (a resumed run's step) and the time already spent
     * @param eta the time left as the engine estimates it, empty while unknown
     */
    static ProgressBar open(PrintWriter out, String task, long max, long start, String unit,
            Supplier<Optional<Duration>> eta) {
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1).showSpeed().startsFrom(start, Duration.ZERO)
                .setEtaFunction(state -> eta.get())
                .setConsumer(new ConsoleProgressBarConsumer(stream)).setUpdateIntervalMillis(250).build();
    }

    /** Bytes to the command's writer, which picocli and the tests own. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter out;

        WriterOutputStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            out.flush();
        }
    }
}
