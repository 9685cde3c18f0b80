package dev.toonsmith.app.studio.shell;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's logging: everything from Toonsmith at INFO and above goes to {@code logs/studio.log} in the
 * user data folder (notifications stay one sentence; the details are there), while the terminal keeps the
 * command line's quiet warnings-only output unless asked for more.
 */
public final class StudioLogging {

    public static final String LOG_FILE = "logs/studio.log";

    private StudioLogging() {}

    /**
     * @param consoleInfo also print INFO (e.g. the render timings) on the terminal
     * @return the log file
     */
    public static Path configure(Path dataRoot, boolean consoleInfo) {
        Path file = dataRoot.resolve(LOG_FILE);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
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
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("STUDIO_FILE");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        context.getLogger("dev.toonsmith").setLevel(Level.INFO);
        return file;
    }
}
