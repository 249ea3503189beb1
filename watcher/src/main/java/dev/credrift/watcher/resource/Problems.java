package dev.credrift.watcher.resource;

import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;

/**
 * Makes {@link Problem}s that always fit the event contract: field and message are clipped to its limits, so that a
 * long key or object name in a bad object never turns a report into an exception. Messages name objects and
 * fields, never values.
 */
public final class Problems {

    static final int FIELD_MAX = 253;
    static final int MESSAGE_MAX = 1000;

    private Problems() {}

    /** A problem with the whole object. */
    public static Problem of(ProblemCode code, String message) {
        return of(code, null, message);
    }

    /** A problem at {@code field}, e.g. {@code data.SecretKey}. */
    public static Problem of(ProblemCode code, String field, String message) {
        String clippedField = field == null || field.isEmpty() ? null : clip(field, FIELD_MAX);
        String clippedMessage = message == null || message.isEmpty() ? code.name() : clip(message, MESSAGE_MAX);
        return new Problem(code, clippedField, clippedMessage);
    }

    private static String clip(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }
}
