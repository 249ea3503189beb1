package dev.credrift.sandbox.onepassword;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the emulator answers with instead of serving a {@code /v1} request, for testing how a
 * client copes with an overloaded, broken or stuck Connect server.
 */
public sealed interface Fault {

    /** Answer with this status and an {@code ErrorResponse} body, optionally with {@code Retry-After}. */
    record Respond(int status, String message, Optional<Duration> retryAfter) implements Fault {
        public Respond {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("fault status must be 4xx or 5xx, was " + status);
            }
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Accept the request and never answer (until the emulator closes). */
    record Hang() implements Fault {}

    /** Serve the request normally, but only after {@code delay} (a slow server; longer than a client's timeout, a timeout). */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("fault delay must be positive, was " + delay);
            }
        }
    }

    /** 429 with {@code Retry-After} in whole seconds, as Connect's rate limiter answers. */
    static Fault rateLimited(Duration retryAfter) {
        return new Respond(429, "Too many requests", Optional.of(retryAfter));
    }

    /** 500 Internal Server Error. */
    static Fault serverError() {
        return new Respond(500, "Internal Server Error", Optional.empty());
    }

    /** Any 4xx/5xx status with a generic message (e.g. 409 or 503). */
    static Fault status(int status) {
        return new Respond(status, "Injected failure (status " + status + ")", Optional.empty());
    }

    /** Answer late. */
    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    /** Never answer. */
    static Fault hang() {
        return new Hang();
    }
}
