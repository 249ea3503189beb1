package dev.credrift.notifier.config;

import java.time.Duration;

/**
 * How long one attempt may take.
 *
 * @param connect how long to wait for the TCP (and TLS) connection
 * @param request how long to wait for the answer once the request is sent; a sink that hangs fails the attempt after this
 */
public record SinkTimeouts(Duration connect, Duration request) {

    /** 5 s to connect, 10 s to answer. */
    public static final SinkTimeouts DEFAULT = new SinkTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Both must be positive. */
    public SinkTimeouts {
        Durations.positive(connect, "timeouts", "connect");
        Durations.positive(request, "timeouts", "request");
    }
}
