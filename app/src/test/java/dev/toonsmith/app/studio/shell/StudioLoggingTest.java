package dev.toonsmith.app.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The studio's log file rolls over instead of growing forever. */
class StudioLoggingTest {

    @TempDir
    Path home;

    @Test
    void theStudioLogRollsOverByDayAndSizeWithItsHistoryCapped() {
        LoggerContext context = context();
        try {
            Path file = StudioLogging.configure(context, home, false, StudioLogging.Limits.STUDIO);

            assertEquals(home.resolve("logs/studio.log"), file);
            var appender = assertInstanceOf(RollingFileAppender.class,
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(StudioLogging.APPENDER));
            var policy = assertInstanceOf(SizeAndTimeBasedRollingPolicy.class, appender.getRollingPolicy());
            assertEquals(14, policy.getMaxHistory(), "two weeks of rolled files at most");
            assertEquals(home.resolve("logs/studio.%d{yyyy-MM-dd}.%i.log").toString(), policy.getFileNamePattern());
            assertEquals(FileSize.valueOf("5MB"), StudioLogging.Limits.STUDIO.perFile());
            assertEquals(FileSize.valueOf("50MB"), StudioLogging.Limits.STUDIO.total());
        } finally {
            context.stop();
        }
    }

    @Test
    void aFullLogFileRollsOverAndOldFilesGoOnceTheTotalIsReached() throws Exception {
        LoggerContext context = context();
        try {
            StudioLogging.Limits tiny = new StudioLogging.Limits(FileSize.valueOf("2KB"), 14, FileSize.valueOf("6KB"));
            Path file = StudioLogging.configure(context, home, false, tiny);
            Logger log = context.getLogger("dev.toonsmith.app.studio.Render");
            String line = "Slider change shown in 67 ms on the preview at 1024x683 (post-processing only) ".repeat(2);
            long deadline = System.nanoTime() + 20_000_000_000L;
            // Logback checks the size at most every few milliseconds, so the lines go out over a little time.
            for (int i = 0; i < 400 && System.nanoTime() < deadline; i++) {
                log.info("{} #{}", line, i);
                Thread.sleep(2);
            }
            context.stop();

            List<Path> rolled = logs().filter(p -> !p.equals(file)).toList();
            assertTrue(rolled.size() >= 2, "rolled over into " + rolled + "; " + Files.size(file) + " bytes; "
                    + context.getStatusManager().getCopyOfStatusList());
            assertTrue(rolled.stream().allMatch(p -> p.getFileName().toString().matches("studio\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.log")),
                    rolled.toString());
            assertTrue(Files.size(file) < 4 * 1024, "the current file started over: " + Files.size(file) + " bytes");
            long total = 0;
            for (Path p : rolled) {
                total += Files.size(p);
            }
            // The cap is kept at each rollover, so at most one file beyond it is there between two.
            assertTrue(total <= 6 * 1024 + 2 * 1024 + 1024, "rolled files take " + total + " bytes: " + rolled);
        } finally {
            context.stop();
        }
    }

    /** A logging context of the test's own, so the tests' logging stays as it is. */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }

    private Stream<Path> logs() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            return files.toList().stream();
        }
    }
}
