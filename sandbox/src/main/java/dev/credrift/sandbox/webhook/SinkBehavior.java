package dev.credrift.sandbox.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** How the {@link WebhookSink} answers a request, for testing how a notifier copes with a receiver. */
public sealed interface SinkBehavior {

    /**
     * Answer with this status, body and extra headers.
     *
     * @param headers extra response headers, e.g. {@code Retry-After}
     */
    record Respond(int status, String body, Map<String, String> headers) implements SinkBehavior {
        /** Requires an HTTP status between 100 and 599. */
        public Respond {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100..599, was " + status);
            }
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        }
    }

    /** Read the request and never answer, until the behaviour is cleared or the sink closes. */
    record Hang() implements SinkBehavior {}

    /** Read the request, then close the connection without answering. */
    record CloseConnection() implements SinkBehavior {}

    /**
     * Take the request (it counts as {@code answer}'s status at once, as a receiver that has already acted on
     * it), but send {@code answer} only after {@code delay}: a client that gives up sooner cannot tell this
     * from a request that never arrived.
     */
    record Late(Duration delay, Respond answer) implements SinkBehavior {
        /** Requires a positive delay. */
        public Late {
            Objects.requireNonNull(answer, "answer");
            if (delay == null || delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("delay must be positive, was " + delay);
            }
        }
    }

    /** {@code 200 ok}, as a Slack incoming webhook answers. */
    static SinkBehavior ok() {
        return new Respond(200, "ok", Map.of());
    }

    /** {@code 429} with {@code Retry-After} in whole seconds (rounded up), as Slack's rate limiter answers. */
    static SinkBehavior rateLimited(Duration retryAfter) {
        long seconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
        return new Respond(429, "rate_limited", Map.of("Retry-After", Long.toString(seconds)));
    }

    /** {@code 429} with a raw {@code Retry-After} value (seconds or an HTTP date). */
    static SinkBehavior rateLimited(String retryAfter) {
        return new Respond(429, "rate_limited", Map.of("Retry-After", retryAfter));
    }

    /** {@code 500 Internal Server Error}. */
    static SinkBehavior serverError() {
        return new Respond(500, "internal_error", Map.of());
    }

    /** Any status with a short body naming it, e.g. {@code 400} or {@code 408}. */
    static SinkBehavior status(int status) {
        return new Respond(status, "status_" + status, Map.of());
    }

    /** Never answer. */
    static SinkBehavior hang() {
        return new Hang();
    }

    /** Act on the request with {@code 200 ok} but answer only after {@code delay}. */
    static SinkBehavior okLate(Duration delay) {
        return new Late(delay, new Respond(200, "ok", Map.of()));
    }

    /** Drop the connection without answering. */
    static SinkBehavior closeConnection() {
        return new CloseConnection();
    }
}
