package dev.credrift.reconciler.rotate;

import java.util.Optional;

/**
 * The steps of one overlapping rotation, in order. Until {@link #REVOKE} both keys are valid, so stopping anywhere
 * before it leaves every consumer working; the old key is revoked only after every consumer is proven on the new
 * one and {@code revokeAfter} has passed.
 */
public enum RotationStep {
    /** Mint a second key for the same store user (RGW Admin Ops, MinIO service account). */
    MINT,
    /** The store accepts the new key (a real S3 request). */
    PROBE_NEW,
    /** Write the new key to the vault item. */
    WRITE_VAULT,
    /** Ask ESO to sync the replica now. */
    FORCE_SYNC,
    /** The replica Secret holds the new key. */
    AWAIT_REPLICA,
    /** Roll consumers (existing budgets and readiness gate). */
    ROLL,
    /** Every consumer started after the replica changed and is ready; the store accepts the replica's key. */
    PROVE_CONSUMERS,
    /** Grace before the old key goes: {@code spec.rotation.revokeAfter} after the proof. */
    WAIT_REVOKE_AFTER,
    /** Revoke the old key. */
    REVOKE,
    /** The store refuses the old key ({@code InvalidAccessKeyId}) and accepts the new one. */
    PROVE_OLD_REFUSED;

    /** The step after this one; empty after the last. */
    public Optional<RotationStep> next() {
        RotationStep[] all = values();
        return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
    }
}
