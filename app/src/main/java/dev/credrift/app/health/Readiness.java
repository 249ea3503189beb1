package dev.credrift.app.health;

import java.time.Instant;
import java.util.Objects;

/** The verdict of one readiness check, with the moment it was reached. */
public sealed interface Readiness {

    Instant checkedAt();

    /** Kafka answered and every credrift topic exists. */
    record Ready(Instant checkedAt) implements Readiness {
        public Ready {
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
