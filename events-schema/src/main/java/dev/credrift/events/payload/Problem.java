package dev.credrift.events.payload;

/**
 * A typed problem with observed input, e.g. {@code MISSING_KEY} at {@code data.SecretKey}; the message
 * explains it to a human and never quotes a value.
 *
 * @param field where in the object, e.g. {@code data.AWS_ACCESS_KEY_ID}; absent when the whole object is at fault
 */
public record Problem(ProblemCode code, String field, String message) {

    /** Validates like the schema's {@code problem}. */
    public Problem {
        Check.required(code, "code");
        Check.optionalText(field, "field", Check.NAME_MAX);
        Check.text(message, "message", Check.TEXT_MAX);
    }
}
