package dev.credrift.sandbox.onepassword;

import java.time.Instant;
import java.util.List;

/**
 * A request or response that did not follow the Connect OpenAPI spec. A request violation is answered
 * with 400 (the client's fault); a response violation is an emulator bug, answered with 500 and kept
 * here so a test can fail on it.
 *
 * @param keys   the validator's message keys, e.g. {@code validation.request.body.schema.enum}
 * @param detail the validator's messages, with every known secret value and the token replaced
 */
public record SpecViolation(
        Instant at, Direction direction, String method, String path, int status, List<String> keys, String detail) {

    /** Which side broke the spec. */
    public enum Direction {
        REQUEST,
        RESPONSE
    }

    public SpecViolation {
        keys = List.copyOf(keys);
    }
}
