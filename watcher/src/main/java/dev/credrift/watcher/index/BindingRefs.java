package dev.credrift.watcher.index;

import dev.credrift.events.BindingId;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.WorkloadRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects one binding reads, resolved against the cluster as it is now (the replica Secret comes from the
 * ExternalSecret's target, the Rook Secret from the user's status).
 *
 * @param id             the binding
 * @param source         the source Secret, when the source kind has one (not MinIO, not web identity)
 * @param externalSecret the ExternalSecret the binding names
 * @param replicaSecret  the Secret that ExternalSecret writes, once known
 * @param replicaNamed   the replica must be watched by name: ESO does not label it under its creation policy
 * @param vaultFields    labels of the vault fields, which name the replica's keys when the ExternalSecret maps them
 * @param consumers      workloads the binding lists explicitly
 */
public record BindingRefs(
        BindingId id,
        Optional<SourceRef> source,
        Optional<ObjectKey> externalSecret,
        Optional<ObjectKey> replicaSecret,
        boolean replicaNamed,
        Optional<VaultFields> vaultFields,
        List<WorkloadRef> consumers) {

    public BindingRefs {
        Objects.requireNonNull(id, "id");
        consumers = List.copyOf(consumers);
    }

    /** A binding that reads nothing yet (unreadable, or not resolved). */
    public static BindingRefs none(BindingId id) {
        return new BindingRefs(
                id, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), List.of());
    }

    /** The binding's namespace, where its ExternalSecret, replica and consumers live. */
    public String namespace() {
        return id.namespace();
    }

    /**
     * Labels of the 1Password fields holding the pair.
     *
     * @param accessKeyId     label of the access key id field, e.g. {@code access_key}
     * @param secretAccessKey label of the secret field, e.g. {@code secret_key}
     */
    public record VaultFields(String accessKeyId, String secretAccessKey) {}
}
