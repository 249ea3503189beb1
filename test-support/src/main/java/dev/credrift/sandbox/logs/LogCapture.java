package dev.credrift.sandbox.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Captures log lines ({@code logger LEVEL message}, then the stack trace with every cause) while open. {@link
 * #everyCredriftLine()} turns credrift's loggers up to every level, so that a secret scan sees every line credrift
 * could ever write; {@link #asConfigured()} takes what the test's logging configuration lets through and changes
 * nothing. Several captures may be open at once.
 */
public final class LogCapture implements AutoCloseable {

    private static final String CREDRIFT = "dev.credrift";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Line> events = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final Level credriftLevel;

    private LogCapture(boolean everyCredriftLine) {
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLoggerName() + " " + event.getLevel() + " "
                        + event.getMessage().getFormattedMessage() + stackTrace(event.getThrown()));
                events.add(new Line(
                        event.getLoggerName(),
                        event.getLevel().name(),
                        event.getMessage().getFormattedMessage(),
                        event.getContextData().toMap()));
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        LoggerConfig credrift = config.getLoggerConfig(CREDRIFT);
        credriftLevel = credrift.getLevel();
        if (everyCredriftLine && credrift.getName().equals(CREDRIFT)) {
            credrift.setLevel(Level.ALL);
        }
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    /** Every line of credrift's loggers at every level, and every other line the configuration lets through. */
    public static LogCapture everyCredriftLine() {
        return new LogCapture(true);
    }

    /** The lines the logging configuration lets through, at its levels. */
    public static LogCapture asConfigured() {
        return new LogCapture(false);
    }

    /**
     * One captured line with its context data: the SLF4J 2 key/values and MDC entries it was logged with.
     */
    public record Line(String logger, String level, String message, Map<String, String> context) {

        public Line {
            context = Map.copyOf(context);
        }
    }

    /** Every line captured so far, with its context data. */
    public List<Line> events() {
        return new ArrayList<>(events);
    }

    /** Every line captured so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /**
     * The lines captured so far except those of loggers under {@code prefixes} — e.g. the stand-ins', which play the
     * world and hold its secrets.
     */
    public List<String> linesExcept(List<String> prefixes) {
        return lines.stream()
                .filter(line -> prefixes.stream().noneMatch(line::startsWith))
                .toList();
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        LoggerConfig credrift = config.getLoggerConfig(CREDRIFT);
        if (credrift.getName().equals(CREDRIFT)) {
            credrift.setLevel(credriftLevel);
        }
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
