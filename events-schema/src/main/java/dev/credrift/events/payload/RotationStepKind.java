package dev.credrift.events.payload;

import java.util.Optional;

/**
 * The steps of a managed rotation (issue 17), in order; both keys stay valid until {@link #REVOKE}, so stopping
 * anywhere before it leaves every consumer working. The reconciler's planner and journal use this enum directly.
 */
public enum RotationStepKind {
    /** Mint a second key for the same store user. */
    MINT,
    /** The store accepts the new key. */
    PROBE_NEW,
    /** Write the new key to the vault item. */
    WRITE_VAULT,
    /** Ask ESO to sync the replica now. */
    FORCE_SYNC,
    /** The replica Secret holds the new key. */
    AWAIT_REPLICA,
    /** Roll consumers. */
    ROLL,
    /** Every consumer is proven on the new key. */
    PROVE_CONSUMERS,
    /** Grace ({@code revokeAfter}) before the old key goes. */
    WAIT_REVOKE_AFTER,
    /** Revoke the old key. */
    REVOKE,
    /** The store refuses the old key and accepts the new one. */
    PROVE_OLD_REFUSED;

    /** The step after this one; empty after the last. */
    public Optional<RotationStepKind> next() {
        RotationStepKind[] all = values();
        return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
    }
}
