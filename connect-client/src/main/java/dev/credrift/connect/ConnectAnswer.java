package dev.credrift.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credrift.events.payload.ProblemCode;
import java.time.Duration;
import java.util.Optional;

/** What one Connect request came back with: a JSON body, or a failure as a typed problem. Never a value. */
public sealed interface ConnectAnswer {

    /** 2xx with a JSON body. */
    record Ok(JsonNode body) implements ConnectAnswer {}

    /**
     * Anything else.
     *
     * @param status     the HTTP status, or 0 when there was no answer (connection refused, timeout, TLS)
     * @param code       {@code FORBIDDEN} (401/403, no usable token), {@code MISSING_OBJECT} (404),
     *                   {@code UNREACHABLE} (429, 5xx, no answer, a body that is not JSON)
     * @param reason     for messages: e.g. {@code HTTP 429} or {@code no answer (HttpTimeoutException)}
     * @param retryAfter the server's {@code Retry-After}, if any
     */
    record Failed(int status, ProblemCode code, String reason, Optional<Duration> retryAfter) implements ConnectAnswer {

        /** Whether polling should back off before the next request (the server is overloaded or failing). */
        public boolean backOff() {
            return code == ProblemCode.UNREACHABLE;
        }
    }
}
