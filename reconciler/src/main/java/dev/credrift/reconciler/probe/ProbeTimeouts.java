package dev.credrift.reconciler.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one probe. The call timeout caps everything (DNS, connect, TLS, request, response), so a
 * probe never blocks its worker longer than {@link #call()}.
 *
 * @param connect to open the TCP connection
 * @param read between bytes of the answer
 * @param call the whole probe
 */
public record ProbeTimeouts(Duration connect, Duration read, Duration call) {

    /** 5 s to connect, 10 s between bytes, 15 s in all. */
    public static final ProbeTimeouts DEFAULT =
            new ProbeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));

    /** Requires positive durations. */
    public ProbeTimeouts {
        requirePositive("connect", connect);
        requirePositive("read", read);
        requirePositive("call", call);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidProbeSettings("probe timeout " + name, "must be positive, got " + value);
        }
    }
}
