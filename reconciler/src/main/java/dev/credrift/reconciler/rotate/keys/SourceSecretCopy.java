package dev.credrift.reconciler.rotate.keys;

import dev.credrift.api.spec.SecretSource;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.SourceValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plain RGW user's source Secret ({@code spec.source.secret} with {@code spec.rotation.rgwUser}): the store's copy
 * of its key. The rotation writes the minted key here right after RGW minted it, before the vault: the new secret is
 * never only in memory (a restart recovers it from here), and a binding whose authority is this Secret ({@code
 * authority: Source}) moves its hops to it through the existing remediation. RGW revokes the old key only once this
 * Secret holds another one.
 */
final class SourceSecretCopy implements RgwKeyCopy {

    private final ClusterPorts cluster;
    private final BoundBinding binding;
    private final SecretSource source;
    private final String namespace;

    SourceSecretCopy(ClusterPorts cluster, BoundBinding binding, SecretSource source) {
        this.cluster = cluster;
        this.binding = binding;
        this.source = source;
        this.namespace = source.namespace() == null ? binding.id().namespace() : source.namespace();
    }

    @Override
    public Optional<Credential> recover(RotationJournal journal) {
        // the key this rotation wrote: one the user did not hold before the mint
        return read().value()
                .map(SourceValue::credential)
                .filter(key -> !journal.keysBefore().contains(key.accessKeyId()));
    }

    @Override
    public Credential own(RotationJournal journal, Credential key) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(source.accessKeyIdKey(), key.accessKeyId());
        data.put(source.secretAccessKeyKey(), key.secret().reveal());
        cluster.kube().writeSecretData(namespace, source.name(), data);
        return key;
    }

    @Override
    public RotationKeys.Revoked release(RotationJournal journal) {
        Optional<String> refusal = refusal(read(), journal.oldAccessKeyId(), where());
        if (refusal.isPresent()) {
            throw new IllegalStateException(refusal.get());
        }
        // a Secret holds one key: nothing to drop once it holds another
        return RotationKeys.Revoked.ALREADY_ABSENT;
    }

    /**
     * Why RGW must not revoke {@code oldAccessKeyId} yet, given the source Secret as read now: it still holds that key,
     * or it cannot be read (it may). Empty when it holds another key. Pure; no key material in the reason.
     */
    static Optional<String> refusal(Hop<SourceValue> current, String oldAccessKeyId, String where) {
        if (current instanceof Hop.Unreadable<SourceValue> unreadable) {
            return Optional.of(where + " cannot be read (" + unreadable.detail() + "): not revoking the old key while"
                    + " it may still hold it");
        }
        String held = current.value().orElseThrow().credential().accessKeyId();
        if (held.equals(oldAccessKeyId)) {
            return Optional.of(where + " still holds the old key "
                    + AccessKeyMask.mask(held).value()
                    + ": not revoking it (the source Secret must end on the new key)");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> noRollback() {
        return Optional.of("the RGW user's source Secret holds the new key since the mint");
    }

    @Override
    public String describe() {
        return where();
    }

    private Hop<SourceValue> read() {
        return cluster.reader().readSource(binding);
    }

    private String where() {
        return "the source Secret " + namespace + "/" + source.name();
    }
}
