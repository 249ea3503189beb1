package dev.credrift.reconciler.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keeps temporary keys fresh: exchanges again when a quarter of their lifetime (at most 5 minutes) is left, building
 * a new request — and so re-reading the token file — every time. A refusal or an STS without answer (throttling
 * included) is not retried at once: attempts back off exponentially (1 s, 2 s, 4 s … up to 2 min), and the keys in
 * hand are used as long as they are valid. Thread-safe; one exchange at a time.
 */
final class RefreshingExchange {

    static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    private final String name;
    private final Supplier<ExchangeRequest> requests;
    private final StsClient sts;
    private final Clock clock;
    private TemporaryCredential current;
    private Instant refreshAt = Instant.MIN;
    private Instant nextAttempt = Instant.MIN;
    private int failures;
    private String lastFailure = "";
    private long exchanges;

    RefreshingExchange(String name, Supplier<ExchangeRequest> requests, StsClient sts, Clock clock) {
        this.name = name;
        this.requests = Objects.requireNonNull(requests, "requests");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    synchronized TemporaryCredential current() {
        Instant now = clock.instant();
        boolean valid = current != null && now.isBefore(current.expiration());
        if (valid && now.isBefore(refreshAt)) {
            return current;
        }
        if (now.isBefore(nextAttempt)) {
            if (valid) {
                return current;
            }
            throw new CredentialsUnavailable(name + ": no valid credentials; the next exchange is not before "
                    + nextAttempt + " (backing off after " + failures + " failure(s), the last: " + lastFailure + ")");
        }
        String failure;
        try {
            exchanges++;
            StsReply reply = sts.exchange(requests.get());
            if (reply instanceof StsReply.Issued issued) {
                current = issued.credential();
                failures = 0;
                nextAttempt = Instant.MIN;
                Duration lifetime = Duration.between(now, current.expiration());
                Duration margin = lifetime.dividedBy(4).compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : lifetime.dividedBy(4);
                refreshAt = current.expiration().minus(margin);
                return current;
            }
            StsReply.Refused refused = (StsReply.Refused) reply;
            failure = "STS refused the exchange (" + refused.code() + ")";
        } catch (StsUnavailable e) {
            failure = e.getMessage();
        }
        failures++;
        lastFailure = failure;
        nextAttempt = now.plus(backoff(failures));
        if (valid) {
            return current;
        }
        throw new CredentialsUnavailable(name + ": " + failure + "; next try not before " + nextAttempt);
    }

    /** Exchanges attempted so far (tests count STS calls with it). */
    synchronized long exchanges() {
        return exchanges;
    }

    static Duration backoff(int failures) {
        Duration wait = FIRST_BACKOFF;
        for (int i = 1; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
