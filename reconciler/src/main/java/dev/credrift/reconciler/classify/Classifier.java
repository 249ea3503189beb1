package dev.credrift.reconciler.classify;

import dev.credrift.api.spec.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.HopMatch;
import dev.credrift.reconciler.classify.Classification.Cause;
import dev.credrift.reconciler.classify.Classification.Classified;
import dev.credrift.reconciler.classify.Classification.Undetermined;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.util.List;
import java.util.stream.Collectors;

/** Assessment → class, in the order of architecture.md §4's table (see the package documentation). Pure. */
public final class Classifier {

    public Classification classify(Assessment a) {
        AuthorityCheck check = a.authorityCheck();
        if (check instanceof AuthorityCheck.Identity identity) {
            // role-based: no vault or replica hop, so the exchange and the store decide alone
            return RoleBindings.classify(identity);
        }
        if (check instanceof AuthorityCheck.Unreadable unreadable) {
            return new Undetermined(
                    Cause.AUTHORITY_UNREADABLE, "the authority's credential cannot be read: " + unreadable.detail());
        }
        if (check instanceof AuthorityCheck.Unprobed unprobed) {
            return new Undetermined(Cause.STORE_SETTINGS_INVALID, "the store cannot be probed: " + unprobed.detail());
        }
        AuthorityCheck.Probed probed = (AuthorityCheck.Probed) check;
        ProbeVerdict verdict = probed.verdict();
        String warning = verdict.tlsUnverified() ? " WARNING: " + ProbeVerdict.TLS_UNVERIFIED_WARNING + "." : "";
        if (verdict instanceof ProbeVerdict.Unreachable unreachable) {
            return new Undetermined(Cause.STORE_UNREACHABLE, "the store was not reached: " + unreachable.detail());
        }
        if (verdict instanceof ProbeVerdict.TlsFailure tls) {
            return new Classified(
                    DriftClass.ENDPOINT_UNTRUSTED,
                    "TLS " + tls.reason() + ": " + tls.detail()
                            + "; nothing is propagated to an endpoint that is not trusted");
        }
        if (verdict instanceof ProbeVerdict.Rejected rejected) {
            if (a.authority() == Authority.VAULT
                    && a.storeAdminAvailable()
                    && rejected.reason() == ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID) {
                return new Classified(
                        DriftClass.STORE_MISSING_ACCOUNT,
                        "the store does not know the vault's key "
                                + probed.accessKeyId() + " (" + probed.fingerprint() + "): " + rejected.code()
                                + ", HTTP "
                                + rejected.httpStatus()
                                + "; MinIO's admin API can create it with exactly the vault's keys."
                                + warning);
            }
            return new Classified(
                    DriftClass.AUTHORITY_REJECTED,
                    "the store refuses the authority's credential "
                            + probed.accessKeyId() + " (" + probed.fingerprint() + "): " + rejected.code() + ", HTTP "
                            + rejected.httpStatus() + "; it is not propagated anywhere." + warning);
        }
        if (a.vault().match() == HopMatch.UNREADABLE) {
            return new Undetermined(Cause.VAULT_UNREADABLE, a.vault().detail());
        }
        // a chain whose ExternalSecret cannot be read cannot be healed past the vault: say so before anything
        if (a.replica().match() == HopMatch.UNREADABLE) {
            return new Undetermined(Cause.REPLICA_UNREADABLE, a.replica().detail());
        }
        if (a.vault().match() == HopMatch.DIFFERS) {
            if (a.forceSyncIgnored().isPresent()) {
                return new Classified(
                        DriftClass.REPLICA_UNSYNCABLE,
                        a.vault().detail() + "; writing it would not" + " reach the replica: "
                                + a.forceSyncIgnored().get() + "." + warning);
            }
            return new Classified(DriftClass.VAULT_STALE, a.vault().detail() + "." + warning);
        }
        if (a.replica().match() == HopMatch.DIFFERS) {
            if (a.forceSyncIgnored().isPresent()) {
                return new Classified(
                        DriftClass.REPLICA_UNSYNCABLE,
                        a.replica().detail() + "; "
                                + a.forceSyncIgnored().get() + ": credrift does not wait for a sync that will not come."
                                + warning);
            }
            if (a.replicaSyncFailing()) {
                return new Classified(
                        DriftClass.REPLICA_UNSYNCABLE,
                        a.replica().detail() + "; ESO reports "
                                + "SecretSyncedError for an ExternalSecret whose vault is right: see its status."
                                + warning);
            }
            return new Classified(DriftClass.REPLICA_STALE, a.replica().detail() + "." + warning);
        }
        List<ConsumerVerdict> stale =
                a.consumers().stream().filter(ConsumerVerdict::stale).toList();
        if (!stale.isEmpty()) {
            String paused =
                    Attention.paused(stale).map(p -> " " + p.line() + ".").orElse("");
            return new Classified(DriftClass.CONSUMERS_STALE, details(stale) + "." + paused + warning);
        }
        List<ConsumerVerdict> starting =
                a.consumers().stream().filter(c -> !c.ready()).toList();
        if (!starting.isEmpty()) {
            return new Undetermined(Cause.CONSUMERS_STARTING, details(starting));
        }
        String consumers = a.consumers().isEmpty()
                ? "no consumer found"
                : a.consumers().size() + " consumer workload(s) fresh and ready";
        return new Classified(
                DriftClass.IN_SYNC,
                "every hop holds the authority's credential " + probed.accessKeyId() + " (" + probed.fingerprint()
                        + "), which the store accepts; " + consumers + "." + warning);
    }

    private static String details(List<ConsumerVerdict> verdicts) {
        return verdicts.stream().map(ConsumerVerdict::detail).collect(Collectors.joining("; "));
    }
}
