package dev.credrift.reconciler.rotate.keys;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.rotate.RotationJournal;
import java.util.Optional;

/**
 * Where an RGW user's key is kept besides RGW, for a rotation through the Admin Ops API ({@link RgwAdminKeys}): a hop
 * that must hold the new key before the old one is revoked. Every call is blocking (the caller runs it behind the
 * Kubernetes guard) and its failures carry no key material.
 */
sealed interface RgwKeyCopy permits RgwKeyCopy.RookList, SourceSecretCopy {

    /** The rotation's new key where this copy keeps it (a repeated mint, a restart), if it does. */
    Optional<Credential> recover(RotationJournal journal);

    /** Puts the minted key here; returns the key this copy holds for the rotation (an earlier attempt's wins). */
    Credential own(RotationJournal journal, Credential key);

    /**
     * Lets go of the old key before RGW revokes it: drops it, or refuses (throws) while this copy still holds it.
     */
    RotationKeys.Revoked release(RotationJournal journal);

    /** Where the key is kept besides RGW, for messages. */
    String describe();

    /**
     * Why the consumers cannot be rolled back onto the old key with this copy, if they cannot: the old key put into
     * the vault alone would be moved forward again when this copy is the binding's authority and holds the new key.
     */
    default Optional<String> noRollback() {
        return Optional.empty();
    }

    /**
     * A Rook {@code CephObjectStoreUser} with {@code spec.keys}: a key minted behind Rook's back and missing from the
     * list would be removed by Rook's next reconcile, so the list is kept in step ({@link RookSpecKeys}).
     */
    record RookList(RookSpecKeys list) implements RgwKeyCopy {

        @Override
        public Optional<Credential> recover(RotationJournal journal) {
            return list.recoverBlocking(journal);
        }

        @Override
        public Credential own(RotationJournal journal, Credential key) {
            return list.own(journal, key);
        }

        @Override
        public RotationKeys.Revoked release(RotationJournal journal) {
            return list.revokeBlocking(journal);
        }

        @Override
        public String describe() {
            return "spec.keys of " + list.user();
        }
    }
}
