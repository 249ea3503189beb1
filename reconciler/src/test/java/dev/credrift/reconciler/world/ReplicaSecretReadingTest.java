package dev.credrift.reconciler.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a replica's data last changed, as the freshness rules read it: writes of its data only. */
class ReplicaSecretReadingTest {

    private static final ExternalSecretState STATE = new ExternalSecretState(
            "monitoring",
            "loki-s3",
            "loki-s3-credentials",
            "access_key",
            "secret_key",
            Optional.of("1h"),
            Optional.empty(),
            "True",
            Optional.empty(),
            Optional.empty());

    @Test
    void shouldIgnoreMetadataOnlyWritesWhenAnotherControllerAnnotatesTheReplicaLater() {
        Secret replica = replica(List.of(
                entry("external-secrets", "2026-12-01T10:00:00Z", "f:data"),
                entry("reloader", "2026-12-07T09:00:00Z", "f:metadata")));

        assertThat(WorldReader.replicaSecret(replica, STATE).lastManagedAt())
                .contains(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void shouldTakeTheNewestDataWriteWhenSeveralManagersWroteData() {
        Secret replica = replica(List.of(
                entry("external-secrets", "2026-12-01T10:00:00Z", "f:data"),
                entry("person", "2026-12-02T10:00:00Z", "f:stringData")));

        assertThat(WorldReader.replicaSecret(replica, STATE).lastManagedAt())
                .contains(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void shouldKnowNoDataWriteWhenOnlyMetadataManagersAreListed() {
        Secret replica = replica(List.of(entry("reloader", "2026-12-07T09:00:00Z", "f:metadata")));

        assertThat(WorldReader.replicaSecret(replica, STATE).lastManagedAt()).isEmpty();
        assertThat(WorldReader.replicaSecret(replica, STATE).createdAt())
                .contains(Instant.parse("2026-11-30T00:00:00Z"));
    }

    private static Secret replica(List<ManagedFieldsEntry> managed) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("loki-s3-credentials")
                .withResourceVersion("7")
                .withCreationTimestamp("2026-11-30T00:00:00Z")
                .withManagedFields(managed)
                .endMetadata()
                .withStringData(Map.of("access_key", "AKIAEXAMPLE000000001", "secret_key", "not-a-real-secret-000"))
                .build();
    }

    private static ManagedFieldsEntry entry(String manager, String time, String field) {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty(field, Map.of());
        return new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation("Update")
                .withApiVersion("v1")
                .withTime(time)
                .withFieldsV1(fields)
                .build();
    }
}
