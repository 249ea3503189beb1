package dev.credrift.reconciler.rotate.keys;

import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.rotate.Capability;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationSession;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;

/**
 * One store user's keys as a rotation sees them. Every call runs behind the guard of the system it reaches and
 * completes on the reconciler's context; failures carry no key material.
 */
public sealed interface RotationKeys permits MinioKeys, RookSpecKeys, RgwAdminKeys {

    /** What {@link #revoke} found or did. */
    enum Revoked {
        /** The old key was held and is gone now (or on its way out: see {@link #appliesLater}). */
        REVOKED,
        /** The old key was not held any more (revoked by a run that crashed afterwards): nothing to do. */
        ALREADY_ABSENT
    }

    /**
     * The access key ids the store user holds right before a mint, for the journal's {@code keysBefore}: a key
     * outside them after a crash during the mint is the minted one.
     *
     * @param oldAccessKeyId the key being replaced, always among them
     */
    Future<Set<String>> keys(String oldAccessKeyId);

    /**
     * Adds a second key beside the old one and returns it (in memory only). Repeated after a crash it finds the key
     * the first attempt added where the store keeps it, instead of adding another.
     */
    Future<Credential> mint(RotationJournal journal);

    /**
     * The open rotation's new key from the Secret credrift staged or owns for it (every store: the key is written
     * there before the store is asked for it); empty if that Secret is gone.
     */
    Future<Optional<Credential>> recover(RotationJournal journal);

    /**
     * The journal's old key with its secret, for putting it back into the vault when the consumers fail on the new
     * one; empty where the store does not give a secret back (MinIO) or the old key is gone.
     */
    Future<Optional<Credential>> previous(RotationJournal journal);

    /** The reason of a store that gives old secrets back but no longer had this one. */
    String OLD_SECRET_GONE = "the store no longer gives the old key's secret";

    /** Why {@link #previous} may give nothing, for the halt message when the consumers cannot be rolled back. */
    String noPrevious();

    /** Revokes the journal's old key; idempotent. Never leaves the user without a key. */
    Future<Revoked> revoke(RotationJournal journal);

    /**
     * Whether the store takes the mint and the revoke on some time after they were asked for (Rook reconciles
     * {@code spec.keys} on its own schedule): the probe of the new key and the proof of the old key's refusal wait.
     */
    boolean appliesLater();

    /** The key {@code maskedKey} named with its place, for step details and audit records (no key material). */
    String describe(String maskedKey);

    /**
     * The port for a binding whose {@link Capability} mints, or empty for one that does not.
     *
     * @param target where the store's S3 endpoint is (the probe target): RGW's Admin Ops API is on the same endpoint
     */
    static Optional<RotationKeys> of(
            Capability capability,
            Exec exec,
            ClusterPorts cluster,
            RemediationSession session,
            BoundBinding binding,
            ProbeTarget target) {
        return switch (capability) {
            case MINIO_SERVICE_ACCOUNT -> Optional.of(new MinioKeys(exec, cluster.kube(), session, binding, target));
            case ROOK_SPEC_KEYS ->
                Optional.of(new RookSpecKeys(exec, cluster.kube(), session, (RookObjectUserSource)
                        binding.spec().source().selected().orElseThrow()));
            case RGW_ADMIN_OPS -> Optional.of(new RgwAdminKeys(exec, cluster, session, binding, target));
            default -> Optional.empty();
        };
    }
}
