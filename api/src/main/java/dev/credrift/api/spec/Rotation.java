package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * @param rgwUser        the RGW user id ({@code uid}) whose keys a {@code spec.source.secret} binding holds: with
 *                       {@link #adminSecretRef} it makes a plain RGW user (no Rook) rotatable through the Admin Ops
 *                       API, the source Secret being the store's copy of its key; a Rook user's uid is its name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rotation(
        String every,
        RotationWindow window,
        String revokeAfter,
        String maxAge,
        RotationMode mode,
        KeyAdminSecretRef adminSecretRef,
        String rgwUser) {

    public static final String DEFAULT_REVOKE_AFTER = "10m";

    /** A rotation of a source other than a plain RGW user (no {@link #rgwUser}). */
    public Rotation(
            String every,
            RotationWindow window,
            String revokeAfter,
            String maxAge,
            RotationMode mode,
            KeyAdminSecretRef adminSecretRef) {
        this(every, window, revokeAfter, maxAge, mode, adminSecretRef, null);
    }

    @JsonCreator
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

    /** Whether this names a plain RGW user to rotate through the Admin Ops API ({@link #rgwUser} and the admin). */
    @JsonIgnore
    public boolean plainRgwUser() {
        return rgwUser != null && adminSecretRef != null;
    }

    /** {@link #maxAge()} as a duration; empty when absent or not a Go duration. */
    @JsonIgnore
    public Optional<Duration> maxAgeDuration() {
        return GoDuration.parse(maxAge);
    }
}
