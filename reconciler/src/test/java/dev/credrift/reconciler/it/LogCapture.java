package dev.credrift.reconciler.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every credrift log line at every level (and everything else at INFO and above), with stack traces,
 * while open. The stand-ins' own lines ({@code dev.credrift.sandbox}, {@code org.gaul}) are left out: they play
 * the world, which holds the secrets.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> WORLD_SIDE = List.of("dev.credrift.sandbox", "org.gaul");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final Level credriftLevel;

    LogCapture() {
        appender = new AbstractAppender("it-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String logger = String.valueOf(event.getLoggerName());
                if (WORLD_SIDE.stream().noneMatch(logger::startsWith)) {
                    lines.add(logger + " " + event.getLevel() + " " + event.getMessage().getFormattedMessage()
                            + stackTrace(event.getThrown()));
                }
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        LoggerConfig credrift = config.getLoggerConfig("dev.credrift");
        credriftLevel = credrift.getLevel();
        credrift.setLevel(Level.ALL);
        credrift.addAppender(appender, Level.ALL, null);
        config.getRootLogger().addAppender(appender, Level.INFO, null);
        context.updateLoggers();
    }

    List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        LoggerConfig credrift = config.getLoggerConfig("dev.credrift");
        credrift.removeAppender(appender.getName());
        credrift.setLevel(credriftLevel);
        config.getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return "\n" + text;
    }
}
