package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.MaskedKeyId;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.time.Instant;
import java.util.Objects;

/**
 * How verifying a role-based binding went: STS issued keys and the store judged them, STS refused (with a
 * diagnosis), or there was no answer (no token to exchange, STS unreachable or throttling after retries). Holds
 * fingerprints, masked key ids and claims only.
 */
public sealed interface IdentityExchange {

    /** STS issued temporary keys; {@code verdict} is the store's verdict on them. */
    record Accepted(Fingerprint fingerprint, MaskedKeyId accessKeyId, Instant expiration, ProbeVerdict verdict)
            implements IdentityExchange {
        public Accepted {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(expiration, "expiration");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** STS refused the exchange. */
    record Rejected(IdentityDiagnosis diagnosis) implements IdentityExchange {
        public Rejected {
            Objects.requireNonNull(diagnosis, "diagnosis");
        }
    }

    /** No token could be had (the ServiceAccount does not exist, the TokenRequest API refused). */
    record NoToken(String detail) implements IdentityExchange {
        public NoToken {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** STS issued keys, but the store cannot be probed as configured (no endpoint, CA ConfigMap missing). */
    record Unprobed(String detail) implements IdentityExchange {
        public Unprobed {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** STS gave no answer about the token: unreachable, failing, or still throttling after the backoff. */
    record Unavailable(String detail, boolean throttled) implements IdentityExchange {
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
