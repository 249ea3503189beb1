package dev.credrift.notifier.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log line (message and stack trace) while open, with some loggers turned up to DEBUG. */
final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Map<String, Level> restore = new HashMap<>();
    private final List<String> added = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    private CapturedLogs(String... debugLoggers) {
        appender = new AbstractAppender("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName())
                        .append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        for (String name : debugLoggers) {
            LoggerConfig existing = config.getLoggerConfig(name);
            if (existing.getName().equals(name)) {
                restore.put(name, existing.getLevel());
                existing.setLevel(Level.DEBUG);
            } else {
                config.addLogger(name, new LoggerConfig(name, Level.DEBUG, true));
                added.add(name);
            }
        }
        context.updateLoggers();
    }

    static CapturedLogs capture(String... debugLoggers) {
        return new CapturedLogs(debugLoggers);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        restore.forEach((name, level) -> config.getLoggerConfig(name).setLevel(level));
        added.forEach(config::removeLogger);
        context.updateLoggers();
        appender.stop();
    }
}
