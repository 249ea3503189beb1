package dev.credrift.app.health;

import dev.credrift.app.kafka.KafkaUnreachableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The readiness rules, free of I/O so they can be tested alone: what a topic listing or a failed check means, and
 * when a cached verdict is too old to trust.
 */
public final class KafkaReadiness {

    private KafkaReadiness() {}

    /** Ready only if every required topic is in the listing. */
    public static Readiness fromTopics(Collection<String> required, Set<String> existing, Instant checkedAt) {
        List<String> missing =
                required.stream().filter(topic -> !existing.contains(topic)).toList();
        if (missing.isEmpty()) {
            return new Readiness.Ready(checkedAt);
        }
        return new Readiness.NotReady("topics missing: " + String.join(", ", missing), checkedAt);
    }

    /** A check that did not get a listing: unreachable broker, refused request, or a bug. */
    public static Readiness fromFailure(Throwable failure, Instant checkedAt) {
        if (failure instanceof KafkaUnreachableException unreachable) {
            return new Readiness.NotReady("kafka unreachable at " + unreachable.bootstrapServers(), checkedAt);
        }
        if (failure instanceof TimeoutException) {
            return new Readiness.NotReady("kafka check timed out", checkedAt);
        }
        return new Readiness.NotReady(
                "kafka check failed: " + failure.getClass().getSimpleName(), checkedAt);
    }

    /**
     * The verdict to report now: the cached one, unless it is older than {@code maxAge} — then the background check
     * is stuck or gone, and claiming readiness from old news would route traffic to a broken pod.
     */
    public static Readiness current(Readiness cached, Instant now, Duration maxAge) {
        return current("kafka", cached, now, maxAge);
    }

    /** {@link #current(Readiness, Instant, Duration)} for any dependency's background check. */
    public static Readiness current(String dependency, Readiness cached, Instant now, Duration maxAge) {
        Duration age = Duration.between(cached.checkedAt(), now);
        if (age.compareTo(maxAge) > 0) {
            return new Readiness.NotReady("last " + dependency + " check finished " + age.toSeconds() + "s ago", now);
        }
        return cached;
    }
}
