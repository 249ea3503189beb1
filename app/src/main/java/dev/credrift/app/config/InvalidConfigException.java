package dev.credrift.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file credrift cannot use. The message is {@code FILE:LINE: FIELD: PROBLEM} and never quotes a value
 * that could be a secret: a problem with a URL, a key or a token names the field and what it should be, nothing else.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param line    1-based, 0 when the problem is about the file as a whole
     * @param field   dotted path such as {@code notifier.sinks[0].url}, empty for the whole file
     * @param problem what is wrong, without the value
     */
    public InvalidConfigException(Path file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(Path file, int line, String field, String problem) {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
