package dev.credrift.watcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.ConsumerReadinessObserved.WorkloadKind;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.ObjectKind;
import dev.credrift.watcher.resource.WorkloadRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BindingIndexTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId LOKI_2 = BindingId.of("monitoring", "loki-ruler-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");
    private static final ObjectKey ROOK_SECRET = ObjectKey.secret("storage", "rook-ceph-object-user-storage-loki");
    private static final ObjectKey ROOK_USER = new ObjectKey(ObjectKind.ROOK_USER, "storage", "loki");
    private static final ObjectKey ES = new ObjectKey(ObjectKind.EXTERNAL_SECRET, "monitoring", "loki-s3-credentials");
    private static final ObjectKey REPLICA = ObjectKey.secret("monitoring", "loki-s3-credentials");

    private final BindingIndex index = new BindingIndex();

    @Test
    void shouldMapTheSourceSecretToEveryBindingThatUsesItWhenIndexed() {
        index.put(rook(LOKI));
        index.put(rook(LOKI_2));
        index.put(named(TEMPO, ObjectKey.secret("tracing", "tempo-source")));

        assertThat(index.affectedBy(ROOK_SECRET)).containsOnlyKeys(LOKI, LOKI_2);
        assertThat(index.affectedBy(ROOK_SECRET).get(LOKI)).containsExactly(Facet.SOURCE);
        assertThat(index.affectedBy(ObjectKey.secret("storage", "other"))).isEmpty();
    }

    @Test
    void shouldTouchTheExternalSecretReplicaAndConsumersWhenTheExternalSecretChanges() {
        index.put(rook(LOKI));

        assertThat(index.affectedBy(ES).get(LOKI))
                .containsExactlyInAnyOrder(Facet.EXTERNAL_SECRET, Facet.REPLICA, Facet.CONSUMERS);
        assertThat(index.affectedBy(REPLICA).get(LOKI)).containsExactly(Facet.REPLICA);
        assertThat(index.resolvingThrough(ES)).containsExactly(LOKI);
        assertThat(index.resolvingThrough(ROOK_USER)).containsExactly(LOKI);
        assertThat(index.resolvingThrough(REPLICA)).isEmpty();
    }

    @Test
    void shouldForgetOldReferencesWhenABindingIsReplaced() {
        index.put(rook(LOKI));
        ObjectKey otherReplica = ObjectKey.secret("monitoring", "loki-s3-credentials-v2");
        index.put(new BindingRefs(
                LOKI,
                Optional.empty(),
                Optional.of(ES),
                Optional.of(otherReplica),
                false,
                Optional.empty(),
                List.of()));

        assertThat(index.affectedBy(ROOK_SECRET)).isEmpty();
        assertThat(index.affectedBy(REPLICA)).isEmpty();
        assertThat(index.affectedBy(otherReplica)).containsOnlyKeys(LOKI);
        assertThat(index.namespaces()).containsExactly("monitoring");
    }

    @Test
    void shouldForgetEverythingWhenTheLastBindingIsRemoved() {
        index.put(rook(LOKI));
        index.put(rook(LOKI_2));
        index.remove(LOKI);

        assertThat(index.affectedBy(ROOK_SECRET)).containsOnlyKeys(LOKI_2);
        assertThat(index.namespaces()).containsExactly("monitoring");

        index.remove(LOKI_2);
        index.remove(LOKI_2);

        assertThat(index.affectedBy(ROOK_SECRET)).isEmpty();
        assertThat(index.namespaces()).isEmpty();
        assertThat(index.bindings()).isEmpty();
        assertThat(index.objectCount()).isZero();
    }

    @Test
    void shouldFindConsumersByTheReplicaTheyReadOrTheWorkloadTheBindingLists() {
        WorkloadRef tempoIngester = new WorkloadRef(WorkloadKind.STATEFUL_SET, "tracing", "tempo-ingester");
        index.put(rook(LOKI));
        index.put(new BindingRefs(
                TEMPO,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                List.of(tempoIngester)));

        assertThat(index.consumedBy("monitoring", Set.of("loki-s3-credentials", "unrelated"), Optional.empty()))
                .containsExactly(LOKI);
        assertThat(index.consumedBy("other", Set.of("loki-s3-credentials"), Optional.empty()))
                .isEmpty();
        assertThat(index.consumedBy("tracing", Set.of(), Optional.of(tempoIngester)))
                .containsExactly(TEMPO);
        assertThat(index.consumedBy("monitoring", Set.of(ROOK_SECRET.name()), Optional.empty()))
                .isEmpty();
    }

    @Test
    void shouldListSecretsToWatchByNameWhenNoLabelCoversThem() {
        ObjectKey tempoSource = ObjectKey.secret("tracing", "tempo-source");
        ObjectKey mergedReplica = ObjectKey.secret("tracing", "tempo-merged");
        index.put(rook(LOKI));
        index.put(new BindingRefs(
                TEMPO,
                Optional.of(new SourceRef.Named(tempoSource, "id", "secret")),
                Optional.empty(),
                Optional.of(mergedReplica),
                true,
                Optional.empty(),
                List.of()));

        assertThat(index.namedSecrets()).containsExactlyInAnyOrder(tempoSource, mergedReplica);
        assertThat(index.bindingsIn("tracing")).containsExactly(TEMPO);
    }

    private static BindingRefs rook(BindingId id) {
        return new BindingRefs(
                id,
                Optional.of(new SourceRef.Rook(ROOK_USER, ROOK_SECRET)),
                Optional.of(new ObjectKey(ObjectKind.EXTERNAL_SECRET, id.namespace(), "loki-s3-credentials")),
                Optional.of(ObjectKey.secret(id.namespace(), "loki-s3-credentials")),
                false,
                Optional.of(new BindingRefs.VaultFields("access_key", "secret_key")),
                List.of());
    }

    private static BindingRefs named(BindingId id, ObjectKey secret) {
        return new BindingRefs(
                id,
                Optional.of(new SourceRef.Named(secret, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                List.of());
    }
}
