package dev.credrift.reconciler.world;

import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.events.credential.Credential;

/**
 * The vault hop as the reconciler uses it. Blocking; failures are thrown (the 1Password guard retries the transient
 * ones) and never carry a value.
 */
public interface VaultAccess {

    /** The item's credential (empty when its fields are empty). */
    VaultValue read(OnePasswordItem item);

    /**
     * Writes the credential into the item's two fields and returns once a read shows it; writes nothing when the item
     * already holds it.
     *
     * @return whether anything was written
     */
    boolean write(OnePasswordItem item, Credential credential);
}
