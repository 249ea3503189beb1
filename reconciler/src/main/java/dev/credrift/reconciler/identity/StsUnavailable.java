package dev.credrift.reconciler.identity;

/**
 * STS did not give an answer about the token: unreachable, a 5xx, an unreadable reply, or throttling
 * ({@code Throttling.User}, {@code Throttling}, HTTP 429). Worth another try after a backoff; never holds a token.
 */
public final class StsUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean throttled;

    public StsUnavailable(String message, boolean throttled) {
        super(message, null, false, false);
        this.throttled = throttled;
    }

    /** Whether STS asked us to slow down. */
    public boolean throttled() {
        return throttled;
    }
}
