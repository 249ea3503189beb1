package dev.credrift.reconciler.world;

import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.connect.ConnectException;
import dev.credrift.connect.CredentialFieldLabels;
import dev.credrift.connect.ItemRef;
import dev.credrift.connect.VaultCredential;
import dev.credrift.connect.write.OnePasswordConnectClient;
import dev.credrift.events.credential.Credential;
import java.util.Objects;
import java.util.Optional;

/** {@link VaultAccess} through credrift's own 1Password Connect client. */
public final class ConnectVaultAccess implements VaultAccess {

    private final OnePasswordConnectClient client;

    public ConnectVaultAccess(OnePasswordConnectClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public VaultValue read(OnePasswordItem item) {
        ItemRef ref = client.locateItem(item.vault(), item.item());
        try {
            VaultCredential read = client.readCredentialFields(ref, labels(item));
            return new VaultValue(item.vault(), item.item(), read.item().version(), Optional.of(read.credential()));
        } catch (ConnectException.FieldProblem e) {
            if (e.problem() == ConnectException.FieldProblem.Problem.EMPTY) {
                return new VaultValue(item.vault(), item.item(), ref.version(), Optional.empty());
            }
            throw e;
        }
    }

    @Override
    public boolean write(OnePasswordItem item, Credential credential) {
        ItemRef ref = client.locateItem(item.vault(), item.item());
        return client.writeCredential(ref, labels(item), credential).changed();
    }

    private static CredentialFieldLabels labels(OnePasswordItem item) {
        return new CredentialFieldLabels(
                item.fields().accessKeyId(), item.fields().secretAccessKey());
    }
}
