package dev.credrift.app.health;

import java.time.Instant;
import java.util.Objects;

/** The verdict of one readiness check, with the moment it was reached. */
public sealed interface Readiness {

    Instant checkedAt();

    /** Why not (fully) ready; empty when ready. */
    default String reason() {
        return "";
    }

    /** Whether {@code /readyz} answers 200: ready, or ready but degraded. */
    default boolean serving() {
        return !(this instanceof NotReady);
    }

    /** Kafka answered and every credrift topic exists. */
    record Ready(Instant checkedAt) implements Readiness {
        public Ready {
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /**
     * Ready, but a dependency that only degrades the service is failing (1Password Connect: the vault hop cannot be
     * read or healed, everything else works). {@code /readyz} answers 200 with the reason.
     */
    record Degraded(String reason, Instant checkedAt) implements Readiness {
        public Degraded {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /** Not ready; {@code reason} is short and safe to show to anyone who can reach {@code /readyz}. */
    record NotReady(String reason, Instant checkedAt) implements Readiness {
        public NotReady {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }
}
