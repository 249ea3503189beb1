package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Optional;

/**
 * Managed rotation (issue 17): credrift mints a second key for the store user, moves every hop and consumer onto it,
 * proves it, and only then revokes the old key.
 *
 * @param every          Go duration between rotations ({@code 720h}); absent means "never rotate, only alert on
 *                       {@code maxAge}"
 * @param window         when a due rotation may start; absent means any time
 * @param revokeAfter    grace between "every consumer is proven on the new key" and revoking the old one (default
 *                       {@code 10m})
 * @param maxAge         key age that raises an alert without rotating (for stores credrift cannot mint on)
 * @param mode           {@code Rotate} (default) or {@code Observe} (plan and publish, change nothing)
 * @param adminSecretRef the RGW admin credential ({@code users=*} caps) that mints and revokes keys; MinIO bindings
 *                       use {@code spec.source.minio.adminSecretRef} instead
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rotation(
        String every,
        RotationWindow window,
        String revokeAfter,
        String maxAge,
        RotationMode mode,
        KeyAdminSecretRef adminSecretRef) {

    public static final String DEFAULT_REVOKE_AFTER = "10m";

    public Rotation {
        revokeAfter = revokeAfter == null ? DEFAULT_REVOKE_AFTER : revokeAfter;
        mode = mode == null ? RotationMode.ROTATE : mode;
    }

    /** {@link #every()} as a duration; empty when absent or not a Go duration (the validator says which). */
    @JsonIgnore
    public Optional<Duration> everyDuration() {
        return GoDuration.parse(every);
    }

    /** {@link #revokeAfter()} as a duration; empty when it is not a Go duration. */
    @JsonIgnore
    public Optional<Duration> revokeAfterDuration() {
        return GoDuration.parse(revokeAfter);
    }

    /** {@link #maxAge()} as a duration; empty when absent or not a Go duration. */
    @JsonIgnore
    public Optional<Duration> maxAgeDuration() {
        return GoDuration.parse(maxAge);
    }
}
