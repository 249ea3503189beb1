package dev.credrift.watcher.observe;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.ConsumerRef;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.ConsumerReadinessObserved;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.SourceRef;
import dev.credrift.watcher.resource.ExternalSecretView;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.ObjectKind;
import dev.credrift.watcher.resource.RookUserView;
import dev.credrift.watcher.resource.WorkloadRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what a binding reads against the cluster as cached: the Rook user's Secret from its status, the replica
 * from the ExternalSecret's target. Works on invalid specs too, resolving whatever is usable, and never throws.
 */
public final class RefResolver {

    /** Resolves the references of a readable binding. */
    public BindingRefs resolve(BindingId id, CredentialBinding binding, ClusterView view) {
        CredentialBindingSpec spec = binding.getSpec();
        if (spec == null) {
            return BindingRefs.none(id);
        }
        Optional<SourceRef> source = source(id, spec, view);
        Optional<ObjectKey> externalSecret = Optional.empty();
        Optional<ObjectKey> replica = Optional.empty();
        boolean replicaNamed = false;
        String esName = spec.replica() == null || spec.replica().externalSecret() == null
                ? null
                : spec.replica().externalSecret().name();
        if (present(esName)) {
            ObjectKey esKey = new ObjectKey(ObjectKind.EXTERNAL_SECRET, id.namespace(), esName);
            externalSecret = Optional.of(esKey);
            Optional<ExternalSecretView> es =
                    view.externalSecret(id.namespace(), esName).map(ExternalSecretView::of);
            if (es.isPresent()) {
                replica = es.get().targetSecret().map(name -> ObjectKey.secret(id.namespace(), name));
                replicaNamed = es.get().targetUnlabelled();
            }
        }
        Optional<BindingRefs.VaultFields> vaultFields = Optional.ofNullable(spec.vault())
                .map(v -> v.onePassword())
                .map(item -> item.fields())
                .filter(f -> present(f.accessKeyId()) && present(f.secretAccessKey()))
                .map((OnePasswordFields f) -> new BindingRefs.VaultFields(f.accessKeyId(), f.secretAccessKey()));
        return new BindingRefs(
                id, source, externalSecret, replica, replicaNamed, vaultFields, consumers(id, spec.consumers()));
    }

    private static Optional<SourceRef> source(BindingId id, CredentialBindingSpec spec, ClusterView view) {
        Optional<SourceKind> kind =
                spec.source() == null ? Optional.empty() : spec.source().selected();
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (kind.get() instanceof RookObjectUserSource rook) {
            if (!present(rook.namespace()) || !present(rook.store()) || !present(rook.user())) {
                return Optional.empty();
            }
            ObjectKey user = new ObjectKey(ObjectKind.ROOK_USER, rook.namespace(), rook.user());
            String secretName = view.rookUser(rook.namespace(), rook.user())
                    .map(RookUserView::of)
                    .flatMap(RookUserView::secretName)
                    .orElse(rook.secretName());
            return Optional.of(new SourceRef.Rook(user, ObjectKey.secret(rook.namespace(), secretName)));
        }
        if (kind.get() instanceof SecretSource secret) {
            if (!present(secret.name()) || !present(secret.accessKeyIdKey()) || !present(secret.secretAccessKeyKey())) {
                return Optional.empty();
            }
            String namespace = present(secret.namespace()) ? secret.namespace() : id.namespace();
            return Optional.of(new SourceRef.Named(
                    ObjectKey.secret(namespace, secret.name()), secret.accessKeyIdKey(), secret.secretAccessKeyKey()));
        }
        // MinIO and web identity have no source Secret to fingerprint
        return Optional.empty();
    }

    private static List<WorkloadRef> consumers(BindingId id, List<ConsumerRef> refs) {
        List<WorkloadRef> consumers = new ArrayList<>();
        for (ConsumerRef ref : refs) {
            if (ref == null || ref.kind() == null || !present(ref.name())) {
                continue;
            }
            ConsumerReadinessObserved.WorkloadKind kind = kind(ref.kind());
            if (kind != null) {
                consumers.add(new WorkloadRef(kind, id.namespace(), ref.name()));
            }
        }
        return consumers;
    }

    private static ConsumerReadinessObserved.WorkloadKind kind(WorkloadKind kind) {
        return switch (kind) {
            case DEPLOYMENT -> ConsumerReadinessObserved.WorkloadKind.DEPLOYMENT;
            case STATEFUL_SET -> ConsumerReadinessObserved.WorkloadKind.STATEFUL_SET;
            case DAEMON_SET -> ConsumerReadinessObserved.WorkloadKind.DAEMON_SET;
            case UNRECOGNIZED -> null;
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
