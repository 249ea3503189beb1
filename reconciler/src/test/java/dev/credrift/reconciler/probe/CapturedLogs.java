package dev.credrift.reconciler.probe;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line of the process at every level — SLF4J through Log4j 2, and java.util.logging
 * (OkHttp's) — as text with stack traces, while open. Lines from the S3 stand-in itself ({@code
 * org.gaul}, {@code dev.credrift.sandbox}) are left out: it plays the store, which holds the secrets.
 */
final class CapturedLogs implements AutoCloseable {

    private static final List<String> STORE_SIDE = List.of("org.gaul", "dev.credrift.sandbox");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Map<LoggerConfig, Level> levels = new HashMap<>();
    private final Map<LoggerConfig, Map<String, Appender>> appenders = new HashMap<>();
    private final Map<LoggerConfig, Map<String, Level>> refLevels = new HashMap<>();
    private final Appender appender;
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final Handler julHandler;

    private CapturedLogs() {
        appender = new AbstractAppender("captured-logs", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (STORE_SIDE.stream()
                        .noneMatch(
                                prefix -> String.valueOf(event.getLoggerName()).startsWith(prefix))) {
                    lines.add(event.getLoggerName() + " " + event.getLevel() + " "
                            + event.getMessage().getFormattedMessage() + stackTrace(event.getThrown()));
                }
            }
        };
        appender.start();
        List<LoggerConfig> configs =
                new ArrayList<>(context.getConfiguration().getLoggers().values());
        configs.add(context.getConfiguration().getRootLogger());
        for (LoggerConfig config : configs) {
            if (levels.containsKey(config)) {
                continue;
            }
            levels.put(config, config.getLevel());
            Map<String, Appender> existing = new HashMap<>(config.getAppenders());
            appenders.put(config, existing);
            Map<String, Level> thresholds = new HashMap<>();
            config.getAppenderRefs().forEach(ref -> thresholds.put(ref.getRef(), ref.getLevel()));
            refLevels.put(config, thresholds);
            // keep the console as quiet as before while every level is captured
            existing.keySet().forEach(config::removeAppender);
            existing.values().forEach(kept -> config.addAppender(kept, Level.WARN, null));
            if (config.getParent() == null || !config.isAdditive()) {
                config.addAppender(appender, Level.ALL, null);
            }
            config.setLevel(Level.ALL);
        }
        context.updateLoggers();
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage()
                        + stackTrace(record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(julHandler);
        julRoot.setLevel(java.util.logging.Level.ALL);
    }

    static CapturedLogs start() {
        return new CapturedLogs();
    }

    List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void close() {
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
        levels.forEach((config, level) -> {
            config.removeAppender(appender.getName());
            appenders.get(config).keySet().forEach(config::removeAppender);
            appenders
                    .get(config)
                    .values()
                    .forEach(kept ->
                            config.addAppender(kept, refLevels.get(config).get(kept.getName()), null));
            config.setLevel(level);
        });
        context.updateLoggers();
        appender.stop();
    }

    static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return "\n" + text;
    }
}
