package dev.credrift.reconciler.assess;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.MaskedKeyId;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.util.Objects;

/** What is known of the authority's credential: unreadable, not probed, or the store's verdict on it. */
public sealed interface AuthorityCheck {

    /** The authority's hop could not be read. */
    record Unreadable(String detail) implements AuthorityCheck {
        public Unreadable {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The credential was read but the store could not be asked (no usable probe target). */
    record Unprobed(Fingerprint fingerprint, String detail) implements AuthorityCheck {
        public Unprobed {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The store's verdict on the credential. */
    record Probed(Fingerprint fingerprint, MaskedKeyId accessKeyId, ProbeVerdict verdict) implements AuthorityCheck {
        public Probed {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(verdict, "verdict");
        }
    }
}
