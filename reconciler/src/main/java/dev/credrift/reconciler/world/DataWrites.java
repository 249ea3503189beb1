package dev.credrift.reconciler.world;

import dev.credrift.api.pod.Pods;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a Secret's data was last written, from its {@code managedFields}: the newest entry whose manager owns
 * {@code data} or {@code stringData}. Entries of managers that own only metadata do not count: a controller that
 * labels or annotates a replica long after its pods started (Reloader, Argo CD's tracking, a person with kubectl)
 * changes no credential, and counting it made healthy pods look older than their replica on credrift's first sight
 * of it — a restart of every consumer at install. The time moves on every write of a data owner, so the answer is an
 * upper bound of the last data change, never earlier than it. Pure.
 */
public final class DataWrites {

    private static final List<String> DATA_FIELDS = List.of("f:data", "f:stringData");

    private DataWrites() {}

    /** The newest time a manager of the Secret's data wrote it; empty without such {@code managedFields}. */
    public static Optional<Instant> lastAt(ObjectMeta secretMeta) {
        List<ManagedFieldsEntry> managed = secretMeta == null ? null : secretMeta.getManagedFields();
        if (managed == null) {
            return Optional.empty();
        }
        return managed.stream()
                .filter(Objects::nonNull)
                .filter(DataWrites::ownsData)
                .map(entry -> Pods.time(entry.getTime()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
    }

    private static boolean ownsData(ManagedFieldsEntry entry) {
        FieldsV1 fields = entry.getFieldsV1();
        Map<String, Object> owned = fields == null ? null : fields.getAdditionalProperties();
        return owned != null && DATA_FIELDS.stream().anyMatch(owned::containsKey);
    }
}
