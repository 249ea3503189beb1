package dev.credrift.sandbox.world.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A window of the story's timeline in which the 1Password Connect emulator fails {@code /v1} requests
 * ({@code onePassword.faults} in a world file).
 *
 * @param from     when the window opens, from the start of the timeline
 * @param until    when it closes (exclusive)
 * @param method   only requests with this HTTP method (e.g. {@code PATCH}, the reconciler's writes); empty: all
 * @param kind     what the emulator answers instead
 * @param location where it was written
 */
public record ConnectFaultSpec(
        Duration from, Duration until, Optional<String> method, Kind kind, SourceLocation location) {

    public ConnectFaultSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(kind, "kind");
        if (until.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a fault window must end after it starts");
        }
    }

    /** What a request in the window gets. */
    public sealed interface Kind {}

    /** An error status (429 or 5xx), with {@code Retry-After} in whole seconds if given. */
    public record Status(int status, Optional<Duration> retryAfter) implements Kind {}

    /** The normal answer, {@code delay} late (longer than a client's timeout: a timeout). */
    public record Delay(Duration delay) implements Kind {}

    /** No answer at all: the client times out (the connection is cut when the world stops). */
    public record Hang() implements Kind {}

    /** For timeline printouts. */
    public String describe() {
        String what;
        if (kind instanceof Status s) {
            what = s.status()
                    + s.retryAfter()
                            .map(r -> " with Retry-After " + r.toSeconds() + "s")
                            .orElse("");
        } else if (kind instanceof Delay d) {
            what = "answers " + d.delay().toMillis() + " ms late";
        } else {
            what = "no answer";
        }
        return "1Password Connect " + method.map(m -> m + " ").orElse("") + "requests from +" + from.toMillis()
                + " ms to +" + until.toMillis() + " ms: " + what;
    }
}
