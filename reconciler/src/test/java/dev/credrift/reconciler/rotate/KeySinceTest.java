package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Since when a Secret's key is in use: its data's newest managedFields time, else its creationTimestamp. */
class KeySinceTest {

    private static final String CREATED = "2026-01-01T00:00:00Z";

    @Test
    void shouldTakeTheNewestDataWriteWhenManagedFieldsOwnData() {
        ObjectMeta meta = meta(List.of(
                entry("rook", "2026-11-01T10:00:00Z", "f:data"),
                entry("person", "2026-11-05T10:00:00+01:00", "f:stringData"),
                entry("labeller", "2026-12-01T10:00:00Z", "f:metadata")));

        assertThat(KeySince.of(meta)).contains(Instant.parse("2026-11-05T09:00:00Z"));
    }

    @Test
    void shouldFallBackToCreationWhenNoManagedFieldsOwnData() {
        assertThat(KeySince.of(meta(null))).contains(Instant.parse(CREATED));
        assertThat(KeySince.of(meta(List.of(entry("labeller", "2026-12-01T10:00:00Z", "f:metadata")))))
                .contains(Instant.parse(CREATED));
    }

    @Test
    void shouldBeUnknownWhenNoTimeCanBeRead() {
        ObjectMeta meta = new ObjectMetaBuilder()
                .withCreationTimestamp("yesterday")
                .withManagedFields(entry("rook", null, "f:data"))
                .build();

        assertThat(KeySince.of(meta)).isEqualTo(Optional.empty());
        assertThat(KeySince.of(null)).isEmpty();
    }

    private static ObjectMeta meta(List<ManagedFieldsEntry> managed) {
        return new ObjectMetaBuilder()
                .withName("rook-ceph-object-user-storage-loki")
                .withCreationTimestamp(CREATED)
                .withManagedFields(managed)
                .build();
    }

    private static ManagedFieldsEntry entry(String manager, String time, String field) {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty(field, Map.of());
        return new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation("Update")
                .withTime(time)
                .withFieldsType("FieldsV1")
                .withFieldsV1(fields)
                .build();
    }
}
