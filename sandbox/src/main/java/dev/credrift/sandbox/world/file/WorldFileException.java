package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.SourceLocation;
import java.util.Objects;

/**
 * A world file that cannot be used, with where and why: {@code story-1.yaml:12:7: timeline[0].rotateRookUser.user:
 * is required}. The message never quotes a value from the file.
 */
public final class WorldFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String field;
    private final String problem;

    /**
     * @param location where in the file
     * @param field    the field path, e.g. {@code timeline[0].rotateRookUser.user} (empty for the whole file)
     * @param problem  what is wrong, without quoting values
     */
    public WorldFileException(SourceLocation location, String field, String problem) {
        super(location + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.location = Objects.requireNonNull(location, "location");
        this.field = field == null ? "" : field;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Where in the file. */
    public SourceLocation location() {
        return location;
    }

    /** The field path, e.g. {@code store.users[0].name}; empty when the file as a whole is wrong. */
    public String field() {
        return field;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** No stack trace: this is a message for a person editing a file. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
