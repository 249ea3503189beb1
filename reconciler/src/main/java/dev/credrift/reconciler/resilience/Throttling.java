package dev.credrift.reconciler.resilience;

import dev.credrift.connect.ConnectException;
import dev.credrift.reconciler.cache.InformerReads;
import java.time.Duration;
import java.util.Optional;

/**
 * How an external system says "too many requests, come back later". A throttled call is retried no sooner than the
 * system asked ({@code Retry-After}), and it does not count as a failure against the system's circuit breaker: the
 * system is up and answering, and opening the breaker would refuse every call for its whole open time, far longer than
 * the server asked us to wait (a 12 s 429 window once kept story 1 from healing for over 120 s).
 */
public interface Throttling {

    /** Systems that do not throttle with a wait (or whose throttling is retried on the backoff alone). */
    Throttling NONE = failure -> Optional.empty();

    /** 1Password Connect: 429 {@link ConnectException.RateLimited}, with the server's {@code Retry-After} if any. */
    Throttling ONE_PASSWORD = failure -> Transient.unwrap(failure) instanceof ConnectException.RateLimited limited
            ? Optional.of(limited.retryAfter().orElse(Duration.ZERO))
            : Optional.empty();

    /**
     * Kubernetes read from the informer caches: {@link InformerReads.CacheNotReady} (a namespace still syncing, or
     * without RBAC yet) is retried after the backoff, but is not the API server failing: counted against the shared
     * breaker, one namespace that never syncs would open it and refuse every binding's Kubernetes calls.
     */
    Throttling KUBERNETES = failure -> Transient.unwrap(failure) instanceof InformerReads.CacheNotReady
            ? Optional.of(Duration.ZERO)
            : Optional.empty();

    /** The wait the system asked for if {@code failure} is throttling ({@code ZERO} when it named none), else empty. */
    Optional<Duration> askedWait(Throwable failure);

    /** Whether {@code failure} is the system throttling us rather than failing. */
    default boolean throttled(Throwable failure) {
        return askedWait(failure).isPresent();
    }

    /** The wait before the next try: the backoff (jitter included), or longer if the system asked for longer. Pure. */
    default long waitMillis(long backoffMillis, Throwable failure) {
        long asked =
                failure == null ? 0 : askedWait(failure).map(Duration::toMillis).orElse(0L);
        return Math.max(backoffMillis, asked);
    }
}
