package dev.credrift.reconciler.classify;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.classify.Classification.Cause;
import dev.credrift.reconciler.classify.Classification.Classified;
import dev.credrift.reconciler.classify.Classification.Undetermined;
import dev.credrift.reconciler.identity.IdentityExchange;
import dev.credrift.reconciler.probe.ProbeVerdict;

/**
 * The classes of a role-based binding ({@code spec.source.webIdentity}): it has no vault or replica to compare, so
 * a refused exchange is {@code IDENTITY_REJECTED} (with the diagnosis), temporary keys the store refuses are
 * {@code AUTHORITY_REJECTED}, a TLS failure {@code ENDPOINT_UNTRUSTED}, and keys the store accepts {@code IN_SYNC}.
 * Pure.
 */
final class RoleBindings {

    private RoleBindings() {}

    static Classification classify(AuthorityCheck.Identity identity) {
        IdentityExchange exchange = identity.exchange();
        if (exchange instanceof IdentityExchange.Rejected rejected) {
            return new Classified(
                    DriftClass.IDENTITY_REJECTED,
                    rejected.diagnosis().detail()
                            + "; nothing is changed: fix the role, the OIDC provider or the binding");
        }
        if (exchange instanceof IdentityExchange.NoToken noToken) {
            return new Undetermined(Cause.AUTHORITY_UNREADABLE, "no token to exchange: " + noToken.detail());
        }
        if (exchange instanceof IdentityExchange.Unavailable unavailable) {
            return new Undetermined(
                    Cause.STS_UNAVAILABLE,
                    (unavailable.throttled() ? "STS kept throttling: " : "STS did not answer: ")
                            + unavailable.detail());
        }
        if (exchange instanceof IdentityExchange.Unprobed unprobed) {
            return new Undetermined(Cause.STORE_SETTINGS_INVALID, "the store cannot be probed: " + unprobed.detail());
        }
        IdentityExchange.Accepted accepted = (IdentityExchange.Accepted) exchange;
        ProbeVerdict verdict = accepted.verdict();
        String keys = "temporary key " + accepted.accessKeyId() + " of role " + identity.roleArn() + " (for "
                + identity.subject() + ", expires " + accepted.expiration() + ")";
        String warning = verdict.tlsUnverified() ? " WARNING: " + ProbeVerdict.TLS_UNVERIFIED_WARNING + "." : "";
        if (verdict instanceof ProbeVerdict.Unreachable unreachable) {
            return new Undetermined(Cause.STORE_UNREACHABLE, "the store was not reached: " + unreachable.detail());
        }
        if (verdict instanceof ProbeVerdict.TlsFailure tls) {
            return new Classified(
                    DriftClass.ENDPOINT_UNTRUSTED,
                    "TLS " + tls.reason() + ": " + tls.detail()
                            + "; the role's keys are not used with an endpoint that is not trusted");
        }
        if (verdict instanceof ProbeVerdict.Rejected rejected) {
            return new Classified(
                    DriftClass.AUTHORITY_REJECTED,
                    "STS issued " + keys + ", but the store refuses it: "
                            + rejected.code() + ", HTTP " + rejected.httpStatus()
                            + " (the role's permissions on the bucket)."
                            + warning);
        }
        return new Classified(
                DriftClass.IN_SYNC,
                "STS exchanged the token of " + identity.subject() + " for " + keys
                        + ", which the store accepts; no static copy to keep in sync." + warning);
    }
}
