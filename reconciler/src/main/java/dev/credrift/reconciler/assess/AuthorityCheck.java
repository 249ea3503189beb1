package dev.credrift.reconciler.assess;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.MaskedKeyId;
import dev.credrift.reconciler.identity.IdentityExchange;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.util.Objects;

/**
 * What is known of the authority's credential: unreadable, not probed, or the store's verdict on it; for a role-based
 * binding, the outcome of the identity exchange.
 */
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

    /**
     * A role-based binding ({@code spec.source.webIdentity}): no static credential, so the authority is the role
     * itself — whether STS exchanged the service account's token for temporary keys, and the store's verdict on them.
     *
     * @param subject  the {@code sub} the role must trust, {@code system:serviceaccount:<ns>:<sa>}
     * @param roleArn  the role
     */
    record Identity(String subject, String roleArn, IdentityExchange exchange) implements AuthorityCheck {
        public Identity {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(exchange, "exchange");
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
