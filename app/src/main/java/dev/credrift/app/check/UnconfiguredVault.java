package dev.credrift.app.check;

import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.world.VaultAccess;
import dev.credrift.reconciler.world.VaultValue;

/** No {@code onePassword} section in the configuration: the vault hop is reported unreadable, with the reason. */
final class UnconfiguredVault implements VaultAccess {

    @Override
    public VaultValue read(OnePasswordItem item) {
        throw new IllegalStateException("1Password Connect is not configured (onePassword.url and tokenFile in the"
                + " config): the vault hop cannot be read");
    }

    @Override
    public boolean write(OnePasswordItem item, Credential credential) {
        throw new UnsupportedOperationException("credrift check never writes");
    }
}
