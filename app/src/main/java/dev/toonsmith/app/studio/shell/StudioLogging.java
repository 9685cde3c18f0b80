package dev.toonsmith.app.studio.shell;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.File;
import java.nio.file.Path;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's logging: everything from Toonsmith at INFO and above goes to {@code logs/studio.log} in the
 * user data folder (notifications stay one sentence; the details are there), while the terminal keeps the
 * command line's quiet warnings-only output unless asked for more.
 *
 * <p>The file rolls over each day and whenever it reaches {@value #MAX_FILE_MB} MB; older files are kept as
 * {@code studio.DATE.N.log} for {@value #MAX_DAYS} days and {@value #TOTAL_CAP_MB} MB in all, so a studio left open
 * for months (render timings are logged on every slider move) cannot fill the disk.
 */
public final class StudioLogging {

    public static final String LOG_FILE = "logs/studio.log";

    /** The rolled-over files, beside the current one: the day and a counter within the day. */
    static final String ROLLED_FILES = "logs/studio.%d{yyyy-MM-dd}.%i.log";
    static final int MAX_FILE_MB = 5;
    static final int MAX_DAYS = 14;
    static final int TOTAL_CAP_MB = 50;
    static final String APPENDER = "STUDIO_FILE";

    /** How large one file grows, for how many days rolled files are kept, and how much they may take in all. */
    record Limits(FileSize perFile, int days, FileSize total) {
        static final Limits STUDIO = new Limits(FileSize.valueOf(MAX_FILE_MB + "MB"), MAX_DAYS,
                FileSize.valueOf(TOTAL_CAP_MB + "MB"));
    }

    private StudioLogging() {}

    /**
     * @param consoleInfo also print INFO (e.g. the render timings) on the terminal
     * @return the log file
     */
    public static Path configure(Path dataRoot, boolean consoleInfo) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return dataRoot.resolve(LOG_FILE);
        }
        return configure(context, dataRoot, consoleInfo, Limits.STUDIO);
    }

    /** Configures {@code context} to log into {@code dataRoot}'s log file, rolled over within {@code limits}. */
    static Path configure(LoggerContext context, Path dataRoot, boolean consoleInfo, Limits limits) {
        Path file = dataRoot.resolve(LOG_FILE);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!consoleInfo) {
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> console = it.next();
                ThresholdFilter warnings = new ThresholdFilter();
                warnings.setLevel("WARN");
                warnings.start();
                console.addFilter(warnings);
            }
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        // Forward slashes: logback reads a backslash as an escape, and Windows takes either.
        policy.setFileNamePattern(dataRoot.resolve(ROLLED_FILES).toString().replace(File.separatorChar, '/'));
        policy.setMaxFileSize(limits.perFile());
        policy.setMaxHistory(limits.days());
        policy.setTotalSizeCap(limits.total());
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        root.addAppender(appender);
        context.getLogger("dev.toonsmith").setLevel(Level.INFO);
        return file;
    }
}
