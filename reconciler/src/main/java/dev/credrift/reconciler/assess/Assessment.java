package dev.credrift.reconciler.assess;

import dev.credrift.api.spec.Authority;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.identity.IdentityExchange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the classifier needs, at one moment. Holds fingerprints and facts only, never a credential.
 *
 * @param storeAdminAvailable the source is a MinIO server whose admin API could create the vault's key (story 2)
 * @param authorityCheck      the authority's credential and the store's verdict on it
 * @param vault               the vault compared with the authority (always MATCHES when the vault is the authority)
 * @param replica             the replica compared with the authority
 * @param forceSyncIgnored    why ESO would ignore a force-sync ({@code refreshInterval: 0}, {@code CreatedOnce})
 * @param replicaSyncFailing  ESO reports {@code Ready=False, SecretSyncedError}
 * @param consumers           each consumer workload's freshness
 * @param consumerProblems    consumers that could not be found or rolled, for a human
 * @param consumersFingerprint the replica's fingerprint when every consumer pod started after it changed
 * @param replicaChangedAt    when the replica last changed, if known
 */
public record Assessment(
        BindingId bindingId,
        long generation,
        Authority authority,
        boolean storeAdminAvailable,
        AuthorityCheck authorityCheck,
        HopState vault,
        HopState replica,
        Optional<String> forceSyncIgnored,
        boolean replicaSyncFailing,
        List<ConsumerVerdict> consumers,
        List<String> consumerProblems,
        HopFingerprints fingerprints,
        Optional<Fingerprint> consumersFingerprint,
        Optional<Instant> replicaChangedAt,
        Targets targets) {

    public Assessment {
        Objects.requireNonNull(bindingId, "bindingId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(authorityCheck, "authorityCheck");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(forceSyncIgnored, "forceSyncIgnored");
        consumers = List.copyOf(consumers);
        consumerProblems = List.copyOf(consumerProblems);
        Objects.requireNonNull(fingerprints, "fingerprints");
        Objects.requireNonNull(consumersFingerprint, "consumersFingerprint");
        Objects.requireNonNull(replicaChangedAt, "replicaChangedAt");
        Objects.requireNonNull(targets, "targets");
    }

    /** The authority's fingerprint, when its credential could be read. */
    public Optional<Fingerprint> authorityFingerprint() {
        if (authorityCheck instanceof AuthorityCheck.Probed probed) {
            return Optional.of(probed.fingerprint());
        }
        if (authorityCheck instanceof AuthorityCheck.Unprobed unprobed) {
            return Optional.of(unprobed.fingerprint());
        }
        if (authorityCheck instanceof AuthorityCheck.Identity identity
                && identity.exchange() instanceof IdentityExchange.Accepted accepted) {
            // this session's keys: what the store judged
            return Optional.of(accepted.fingerprint());
        }
        return Optional.empty();
    }
}
