package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Optional;

/**
 * How consumers are rolled. A storm of restarts is worse than the drift, so rollouts are budgeted and a rollout
 * that does not become ready in time halts the binding.
 *
 * @param maxPerHour       rollouts of this binding's consumers allowed per hour (default 3)
 * @param readinessTimeout Go-style duration to wait for rolled pods to be ready (default {@code 5m})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rollout(Integer maxPerHour, String readinessTimeout) {

    public static final int DEFAULT_MAX_PER_HOUR = 3;
    public static final String DEFAULT_READINESS_TIMEOUT = "5m";
    public static final Rollout DEFAULT = new Rollout(null, null);

    public Rollout {
        maxPerHour = maxPerHour == null ? DEFAULT_MAX_PER_HOUR : maxPerHour;
        readinessTimeout = readinessTimeout == null ? DEFAULT_READINESS_TIMEOUT : readinessTimeout;
    }

    /** The readiness timeout as a {@link Duration}; empty when it is not a Go duration (the validator says so). */
    @JsonIgnore
    public Optional<Duration> readinessTimeoutDuration() {
        return GoDuration.parse(readinessTimeout);
    }
}
