package dev.credrift.sandbox.onepassword;

import java.time.Instant;

/**
 * One request the emulator received: never its body or headers, which may carry secrets or the token.
 *
 * @param query  the raw query string (e.g. a {@code filter} by title), or {@code null}
 * @param status the status answered, or {@code 0} for a request left hanging by {@link Fault#hang()}
 * @param faultInjected whether the answer came from an injected {@link Fault}
 */
public record RecordedRequest(Instant at, String method, String path, String query, int status, boolean faultInjected) {

    /** Whether the request asked for a change (POST, PUT, PATCH or DELETE). */
    public boolean isWrite() {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }
}
