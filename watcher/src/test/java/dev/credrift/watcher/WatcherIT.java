package dev.credrift.watcher;

import static dev.credrift.watcher.fixtures.Fixtures.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.BindingChanged;
import dev.credrift.events.payload.ConsumerReadinessObserved;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.ExternalSecretObserved;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ReplicaSecretObserved;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.fixtures.Fixtures;
import dev.credrift.watcher.fixtures.KubeWorld;
import dev.credrift.watcher.publish.KafkaObservationSink;
import dev.credrift.watcher.publish.ObservationSink;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatcherIT extends WatcherITBase {

    private static final String NS = "monitoring";
    private static final String REPLICA = "loki-s3-credentials";
    private static final BindingId LOKI = BindingId.of(NS, "loki-s3");
    private static final BindingId RULER = BindingId.of(NS, "loki-ruler-s3");
    private static final BindingId OTHER = BindingId.of(NS, "other-s3");

    @Test
    void shouldEmitExactlyOneObservationPerBindingOfARookSecretWhenItRotates() throws Exception {
        String key1 = world.plantKeyId();
        String secret1 = world.plant("loki-1");
        world.rookUser("loki", key1, secret1);
        world.rookUser("fence", world.plantKeyId(), world.plant("fence-1"));
        world.externalSecret(NS, REPLICA, key1, secret1);
        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", REPLICA));
        world.binding(Fixtures.binding(NS, RULER.name(), "loki", REPLICA));
        world.binding(Fixtures.binding(NS, OTHER.name(), "fence", REPLICA));
        start(config());
        for (BindingId id : List.of(LOKI, RULER, OTHER)) {
            observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(id));
        }
        SourceSecretObserved before = observations.since(0, SourceSecretObserved.class).stream()
                .filter(s -> s.bindingId().equals(LOKI))
                .findFirst()
                .orElseThrow();
        assertThat(before.credential().fingerprint()).isEqualTo(fingerprint(key1, secret1));
        int from = observations.position();

        String key2 = world.plantKeyId();
        String secret2 = world.plant("loki-2");
        world.rotateRook("loki", key2, secret2);
        Fingerprint rotated = fingerprint(key2, secret2);
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(LOKI) && rotated.equals(s.credential().fingerprint()));
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(RULER)
                        && rotated.equals(s.credential().fingerprint()));
        // a later change elsewhere: once it is seen, anything the rotation caused has been published before it
        String fenceKey = world.plantKeyId();
        String fenceSecret = world.plant("fence-2");
        world.rotateRook("fence", fenceKey, fenceSecret);
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(OTHER)
                        && fingerprint(fenceKey, fenceSecret)
                                .equals(s.credential().fingerprint()));

        List<EventPayload> after = observations.since(from, EventPayload.class);
        assertThat(after).allMatch(SourceSecretObserved.class::isInstance);
        assertThat(after).extracting(EventPayload::bindingId).containsExactlyInAnyOrder(LOKI, RULER, OTHER);
        SourceSecretObserved observed = (SourceSecretObserved) after.stream()
                .filter(p -> p.bindingId().equals(LOKI))
                .findFirst()
                .orElseThrow();
        assertThat(observed.credential().accessKeyId().value())
                .isEqualTo(key2.substring(0, 4) + "\u2026" + key2.substring(16));
        assertThat(observed.endpoint()).isEqualTo("http://rook-ceph-rgw-storage.storage.svc:80");
        assertThat(observed.problems()).isEmpty();
    }

    @Test
    void shouldCoalesceABurstOfRotationsIntoAtMostTwoObservationsEndingWithTheLatest() throws Exception {
        lokiWorld();
        start(config().withCoalesceWindow(Duration.ofSeconds(2)));
        observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        int from = observations.position();

        String lastKey = null;
        String lastSecret = null;
        for (int i = 0; i < 5; i++) {
            lastKey = world.plantKeyId();
            lastSecret = world.plant("burst-" + i);
            world.rotateRook("loki", lastKey, lastSecret);
        }
        Fingerprint last = fingerprint(lastKey, lastSecret);
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> last.equals(s.credential().fingerprint()));

        List<SourceSecretObserved> burst = observations.since(from, SourceSecretObserved.class);
        assertThat(burst).hasSizeBetween(1, 2);
        assertThat(burst.get(burst.size() - 1).credential().fingerprint()).isEqualTo(last);
    }

    @Test
    void shouldEmitTheExternalSecretsStatusWhenEsoReportsASyncError() throws Exception {
        lokiWorld();
        start(config());
        ExternalSecretObserved ready = observations.await(
                0, ExternalSecretObserved.class, e -> e.bindingId().equals(LOKI));
        assertThat(ready.ready()).isEqualTo(ExternalSecretObserved.ConditionStatus.TRUE);
        assertThat(ready.readyReason()).isEqualTo("SecretSynced");
        assertThat(ready.targetSecret()).isEqualTo(REPLICA);
        int from = observations.position();

        world.externalSecretStatus(NS, REPLICA, "False", "SecretSyncedError", "2026-11-22T07:00:00Z");

        ExternalSecretObserved failed = observations.await(
                from, ExternalSecretObserved.class, e -> e.ready() == ExternalSecretObserved.ConditionStatus.FALSE);
        assertThat(failed.readyReason()).isEqualTo("SecretSyncedError");
        assertThat(failed.refreshTime()).isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
        assertThat(failed.refreshInterval()).isEqualTo("1h");
        assertThat(failed.refreshPolicy()).isEqualTo(ExternalSecretObserved.RefreshPolicy.PERIODIC);
        assertThat(failed.externalSecret().toString()).isEqualTo(NS + "/" + REPLICA);
        assertThat(failed.problems()).isEmpty();
    }

    @Test
    void shouldEmitConsumerReadinessWhenAConsumerPodGoesUnready() throws Exception {
        lokiWorld();
        world.pod(Fixtures.statefulSetPod(NS, "loki", 0, REPLICA, true));
        world.pod(Fixtures.statefulSetPod(NS, "loki", 1, REPLICA, true));
        start(config());
        ConsumerReadinessObserved healthy = observations.await(
                0,
                ConsumerReadinessObserved.class,
                c -> c.bindingId().equals(LOKI) && !c.workloads().isEmpty());
        assertThat(healthy.workloads().get(0).readyReplicas()).isEqualTo(2);
        int from = observations.position();

        world.podUnready(NS, "loki-1", 3);

        ConsumerReadinessObserved degraded = observations.await(
                from, ConsumerReadinessObserved.class, c -> c.workloads().get(0).readyReplicas() == 1);
        ConsumerReadinessObserved.Workload loki = degraded.workloads().get(0);
        assertThat(loki.kind()).isEqualTo(ConsumerReadinessObserved.WorkloadKind.STATEFUL_SET);
        assertThat(loki.name()).isEqualTo("loki");
        assertThat(loki.replicas()).isEqualTo(2);
        assertThat(loki.readsVia()).containsExactly(ConsumerReadinessObserved.SecretMount.ENV);
        ConsumerReadinessObserved.Pod pod = loki.pods().get(1);
        assertThat(pod.name()).isEqualTo("loki-1");
        assertThat(pod.ready()).isFalse();
        assertThat(pod.restartCount()).isEqualTo(3);
        assertThat(pod.startedAt()).isEqualTo(Instant.parse("2026-11-22T05:00:05Z"));
    }

    @Test
    void shouldEmitBindingChangesAndMarkTheBindingValidWhenCreatedChangedAndDeleted() throws Exception {
        String key = world.plantKeyId();
        String secret = world.plant("loki");
        world.rookUser("loki", key, secret);
        world.externalSecret(NS, REPLICA, key, secret);
        start(config());

        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", REPLICA));
        BindingChanged created =
                observations.await(0, BindingChanged.class, b -> b.bindingId().equals(LOKI));
        assertThat(created.change()).isEqualTo(BindingChanged.Change.CREATED);
        assertThat(created.problems()).isEmpty();
        observations.await(
                0,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(LOKI)
                        && fingerprint(key, secret).equals(s.credential().fingerprint()));
        observations.await(
                0,
                ReplicaSecretObserved.class,
                r -> fingerprint(key, secret).equals(r.credential().fingerprint()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> validCondition(LOKI)
                        .map(c -> "True".equals(c.get("status")) && "SpecValid".equals(c.get("reason")))
                        .orElse(false));
        int from = observations.position();

        world.patchBindingSpec(NS, LOKI.name(), Map.of("store", Map.of("bucket", "loki-chunks-v2")));
        BindingChanged updated = observations.await(
                from, BindingChanged.class, b -> b.bindingId().equals(LOKI));
        assertThat(updated.change()).isEqualTo(BindingChanged.Change.UPDATED);
        int beforeDelete = observations.position();

        world.deleteBinding(NS, LOKI.name());
        BindingChanged deleted = observations.await(
                beforeDelete, BindingChanged.class, b -> b.change() == BindingChanged.Change.DELETED);
        assertThat(deleted.bindingId()).isEqualTo(LOKI);
        assertThat(deleted.generation()).isPositive();
    }

    @Test
    void shouldReportTypedProblemsAndKeepWorkingWhenInputIsBad() throws Exception {
        // a Secret missing a key, one with empty data, a value that is not UTF-8, a missing ExternalSecret
        world.create(Fixtures.secret(NS, "half", Map.of(), Map.of("AWS_ACCESS_KEY_ID", b64(world.plantKeyId()))));
        world.create(Fixtures.secret(NS, "empty", Map.of(), Map.of()));
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28, 'x'};
        world.create(Fixtures.secret(
                "storage",
                "rook-ceph-object-user-storage-binary",
                Map.of("app", "rook-ceph-rgw"),
                Map.of("AccessKey", b64(world.plantKeyId()), "SecretKey", b64(notUtf8))));
        world.binding(secretSourced("half-secret", "half", "nowhere"));
        world.binding(secretSourced("empty-secret", "empty", "nowhere"));
        world.binding(Fixtures.binding(NS, "binary", "binary", "nowhere"));
        // an ExternalSecret with no usable target
        GenericKubernetesResource untargeted = Fixtures.externalSecret("external-secrets.io/v1", NS, "untargeted", "x");
        spec(untargeted).put("target", Map.of("name", ""));
        world.createExternalSecret(untargeted);
        world.binding(Fixtures.binding(NS, "untargeted-es", "binary", "untargeted"));
        // a spec that cannot be read, and one that reads but is invalid
        String planted = world.plant("in-a-spec");
        world.binding(Fixtures.rawBinding(NS, "unreadable", Map.of("consumers", planted)));
        world.binding(Fixtures.rawBinding(NS, "invalid", Map.of("mode", "Sometimes")));
        lokiWorld();
        start(config());

        assertProblem(SourceSecretObserved.class, "half-secret", ProblemCode.MISSING_KEY, "data.AWS_SECRET_ACCESS_KEY");
        assertProblem(SourceSecretObserved.class, "empty-secret", ProblemCode.EMPTY_DATA, "data");
        assertProblem(SourceSecretObserved.class, "binary", ProblemCode.NOT_UTF8, "data.SecretKey");
        assertProblem(ExternalSecretObserved.class, "half-secret", ProblemCode.MISSING_OBJECT, null);
        assertProblem(ExternalSecretObserved.class, "untargeted-es", ProblemCode.NO_TARGET, "spec.target.name");
        assertProblem(ConsumerReadinessObserved.class, "half-secret", ProblemCode.NO_TARGET, null);
        observations.await(0, ResyncRequested.class, b -> b.bindingId().name().equals("unreadable"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> validCondition(BindingId.of(NS, "unreadable"))
                        .map(c -> "False".equals(c.get("status")) && "SpecUnreadable".equals(c.get("reason")))
                        .orElse(false));
        assertThat(validCondition(BindingId.of(NS, "unreadable")).orElseThrow().get("message"))
                .isEqualTo("spec.consumers: cannot be read: expected a list");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> validCondition(BindingId.of(NS, "invalid"))
                        .map(c -> "False".equals(c.get("status"))
                                && String.valueOf(c.get("message")).contains("spec.mode"))
                        .orElse(false));

        int invalidFrom = observations.position();
        world.binding(Fixtures.rawBinding(NS, "invalid-later", Map.of("mode", "Sometimes")));
        BindingChanged invalid = observations.await(
                invalidFrom, BindingChanged.class, b -> b.bindingId().name().equals("invalid-later"));
        assertThat(invalid.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
            assertThat(p.field()).isEqualTo("spec.mode");
        });

        int from = observations.position();
        String key = world.plantKeyId();
        String secret = world.plant("still-works");
        world.rotateRook("loki", key, secret);
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(LOKI)
                        && fingerprint(key, secret).equals(s.credential().fingerprint()));
    }

    @Test
    void shouldKeepOtherConditionsAndOneValidConditionWhenValidityChanges() throws Exception {
        lokiWorld();
        world.client()
                .genericKubernetesResources(KubeWorld.BINDINGS)
                .inNamespace(NS)
                .withName(LOKI.name())
                .subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"add\",\"path\":"
                                + "\"/status\",\"value\":{\"conditions\":[{\"type\":\"InSync\",\"status\":\"False\","
                                + "\"reason\":\"VaultStale\",\"message\":\"set by the reconciler\"}]}}]");
        start(config());
        await().atMost(Duration.ofSeconds(30)).until(() -> conditions(LOKI).size() == 2);
        assertThat(conditions(LOKI)).extracting(c -> c.get("type")).containsExactly("InSync", "Valid");

        world.patchBindingSpec(NS, LOKI.name(), Map.of("rollout", Map.of("maxPerHour", 0)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> validCondition(LOKI)
                        .map(c -> "False".equals(c.get("status")))
                        .orElse(false));
        assertThat(conditions(LOKI)).extracting(c -> c.get("type")).containsExactly("InSync", "Valid");
        assertThat(validCondition(LOKI).orElseThrow().get("message"))
                .isEqualTo("spec.rollout.maxPerHour: must be at least 1");
        assertThat(conditions(LOKI).get(0).get("reason")).isEqualTo("VaultStale");
    }

    @Test
    void shouldPublishEveryBindingAgainWhenThePeriodicResyncFires() throws Exception {
        lokiWorld();
        start(config().withResyncPeriod(Duration.ofSeconds(1)));
        int from = observations.position();

        ResyncRequested periodic =
                observations.await(from, ResyncRequested.class, r -> r.reason() == ResyncRequested.Reason.PERIODIC);

        assertThat(periodic.bindingId()).isEqualTo(LOKI);
        assertThat(observations.since(from, SourceSecretObserved.class))
                .extracting(SourceSecretObserved::bindingId)
                .contains(LOKI);
    }

    @Test
    void shouldRetryAndStillPublishWhenTheFirstSendsFail() throws Exception {
        lokiWorld();
        AtomicInteger failuresLeft = new AtomicInteger(3);
        ObservationSink kafkaSink =
                KafkaObservationSink.create(vertx, Map.of("bootstrap.servers", kafka.bootstrapServers()));
        ObservationSink flaky = new ObservationSink() {
            @Override
            public Future<Void> send(String topic, KafkaRecord record) {
                return failuresLeft.getAndDecrement() > 0
                        ? Future.failedFuture(new IllegalStateException("broker unavailable"))
                        : kafkaSink.send(topic, record);
            }

            @Override
            public Future<Void> close() {
                return kafkaSink.close();
            }
        };
        Watcher watcher = Watcher.start(config(), kube.newClient(), vertx, flaky)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        watchers.add(watcher);

        observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(LOKI));
        observations.await(0, SourceSecretObserved.class, s -> s.bindingId().equals(LOKI));
        assertThat(watcher.stats().failedSends()).isEqualTo(3);
        assertThat(logs.lines()).anyMatch(l -> l.contains("Publish(") && l.contains("retrying in"));
    }

    private <T extends EventPayload> void assertProblem(Class<T> type, String binding, ProblemCode code, String field) {
        T payload = observations.await(
                0,
                type,
                p -> p.bindingId().name().equals(binding)
                        && problems(p).stream().anyMatch(pr -> pr.code() == code));
        Problem problem = problems(payload).stream()
                .filter(pr -> pr.code() == code)
                .findFirst()
                .orElseThrow();
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).isNotBlank();
    }

    private static List<Problem> problems(EventPayload payload) {
        if (payload instanceof SourceSecretObserved s) {
            return s.problems();
        }
        if (payload instanceof ExternalSecretObserved e) {
            return e.problems();
        }
        if (payload instanceof ReplicaSecretObserved r) {
            return r.problems();
        }
        if (payload instanceof ConsumerReadinessObserved c) {
            return c.problems();
        }
        return List.of();
    }

    @Test
    void shouldEmitABindingChangeWhenOnlyTheRotateNowAnnotationChanges() throws Exception {
        start(config());
        lokiWorld();
        observations.await(0, BindingChanged.class, b -> b.bindingId().equals(LOKI));
        int afterCreate = observations.position();

        annotateLoki("example.com/owner", "team-a");
        annotateLoki(BindingTracker.ROTATE_NOW, "2026-12-07T10:00:00Z");
        BindingChanged asked = observations.await(
                afterCreate, BindingChanged.class, b -> b.bindingId().equals(LOKI));

        // issue 17: the request changes no generation yet reaches the reconciler; the other annotation emitted nothing
        assertThat(asked.change()).isEqualTo(BindingChanged.Change.UPDATED);
        assertThat(observations.since(afterCreate, BindingChanged.class)).containsExactly(asked);
    }

    private void annotateLoki(String key, String value) {
        world.client()
                .genericKubernetesResources(KubeWorld.BINDINGS)
                .inNamespace(NS)
                .withName(LOKI.name())
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value + "\"}}}");
    }

    private void lokiWorld() {
        String key = world.plantKeyId();
        String secret = world.plant("loki");
        world.rookUser("loki", key, secret);
        world.externalSecret(NS, REPLICA, key, secret);
        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", REPLICA));
    }

    private static GenericKubernetesResource secretSourced(String name, String secret, String externalSecret) {
        return Fixtures.rawBinding(
                NS,
                name,
                Map.of(
                        "authority", "Source",
                        "source", Map.of("secret", Map.of("name", secret)),
                        "replica", Map.of("externalSecret", Map.of("name", externalSecret)),
                        "store", Map.of("endpoint", "http://minio.minio.svc:9000", "bucket", "bucket")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private java.util.Optional<Map<String, Object>> validCondition(BindingId id) {
        List<Map<String, Object>> valid = conditions(id).stream()
                .filter(c -> "Valid".equals(c.get("type")))
                .toList();
        assertThat(valid).as("at most one Valid condition").hasSizeLessThanOrEqualTo(1);
        return valid.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> conditions(BindingId id) {
        GenericKubernetesResource binding = world.readBinding(id.namespace(), id.name());
        Object status =
                binding == null ? null : binding.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> conditions)) {
            return List.of();
        }
        return conditions.stream().map(c -> (Map<String, Object>) c).toList();
    }
}
