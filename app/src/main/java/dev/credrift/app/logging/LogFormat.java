package dev.credrift.app.logging;

import java.util.Locale;
import java.util.Optional;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The log formats {@code credrift} can write. {@code log4j2.xml} selects its layout with arbiters on the system
 * property {@value #PROPERTY}; {@link #apply()} sets it and reconfigures Log4j, so the choice holds even if something
 * logged before the command line was parsed.
 */
public enum LogFormat {
    TEXT,
    JSON;

    public static final String PROPERTY = "credrift.log.format";
    public static final String ENVIRONMENT_VARIABLE = "CREDRIFT_LOG_FORMAT";

    /**
     * The format to use: the command-line option if given, else the environment variable, else text.
     *
     * @throws IllegalArgumentException if the environment variable holds something other than text or json
     */
    public static LogFormat resolve(Optional<LogFormat> option, Optional<String> environment) {
        if (option.isPresent()) {
            return option.get();
        }
        return environment
                .filter(value -> !value.isBlank())
                .map(value -> {
                    try {
                        return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                ENVIRONMENT_VARIABLE + " must be 'text' or 'json', got '" + value + "'");
                    }
                })
                .orElse(TEXT);
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Makes this the format of every log line from now on. */
    public void apply() {
        System.setProperty(PROPERTY, value());
        Configurator.reconfigure();
    }
}
