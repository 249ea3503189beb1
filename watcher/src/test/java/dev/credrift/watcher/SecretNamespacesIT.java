package dev.credrift.watcher;

import static dev.credrift.watcher.fixtures.Fixtures.b64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ReplicaSecretObserved;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.fixtures.Fixtures;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code watcher.secretNamespaces}: the labelled Secret informers run per listed namespace (what a namespaced Role
 * grants), see changes there and none elsewhere, and a binding naming a Secret elsewhere gets a typed problem.
 */
class SecretNamespacesIT extends WatcherITBase {

    private static final String NS = "monitoring";
    private static final String REPLICA = "loki-s3-credentials";
    private static final BindingId LOKI = BindingId.of(NS, "loki-s3");
    private static final BindingId OUTSIDE = BindingId.of(NS, "outside-s3");
    private static final BindingId ELSEWHERE_ROOK = BindingId.of(NS, "elsewhere-rook-s3");

    @Test
    void shouldWatchLabelledSecretsOnlyInTheListedNamespacesWhenSecretNamespacesIsSet() throws Exception {
        String key1 = world.plantKeyId();
        String secret1 = world.plant("loki-1");
        world.rookUser("loki", key1, secret1);
        world.externalSecret(NS, REPLICA, key1, secret1);
        world.binding(Fixtures.binding(NS, LOKI.name(), "loki", REPLICA));
        // a Secret a cluster-wide label-selected informer would see, in a namespace not listed
        world.create(Fixtures.secret(
                "elsewhere",
                "outside",
                Map.of("app", "rook-ceph-rgw"),
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        b64(world.plantKeyId()),
                        "AWS_SECRET_ACCESS_KEY",
                        b64(world.plant("outside")))));
        world.binding(Fixtures.rawBinding(
                NS,
                OUTSIDE.name(),
                Map.of(
                        "authority", "Source",
                        "source", Map.of("secret", Map.of("namespace", "elsewhere", "name", "outside")),
                        "replica", Map.of("externalSecret", Map.of("name", REPLICA)),
                        "store", Map.of("endpoint", "http://minio.minio.svc:9000", "bucket", "bucket"))));
        // a Rook user whose namespace is not listed
        world.binding(Fixtures.rawBinding(
                NS,
                ELSEWHERE_ROOK.name(),
                Map.of(
                        "authority", "Source",
                        "source", Map.of("rookObjectUser", Map.of("namespace", "elsewhere", "store", "s", "user", "u")),
                        "replica", Map.of("externalSecret", Map.of("name", REPLICA)),
                        "store", Map.of("bucket", "b"))));

        start(config().withSecretNamespaces(Set.of("storage", NS)));
        for (BindingId id : List.of(LOKI, OUTSIDE, ELSEWHERE_ROOK)) {
            observations.await(0, ResyncRequested.class, r -> r.bindingId().equals(id));
        }
        SourceSecretObserved loki = latest(SourceSecretObserved.class, LOKI);
        assertThat(loki.credential().fingerprint()).isEqualTo(fingerprint(key1, secret1));
        assertThat(loki.problems()).isEmpty();
        assertThat(latest(ReplicaSecretObserved.class, LOKI).credential().fingerprint())
                .isEqualTo(fingerprint(key1, secret1));
        for (BindingId id : List.of(OUTSIDE, ELSEWHERE_ROOK)) {
            SourceSecretObserved outside = latest(SourceSecretObserved.class, id);
            assertThat(outside.credential()).as(id.toString()).isNull();
            // (the Rook one also lacks its CephObjectStoreUser)
            assertThat(outside.problems()).as(id.toString()).anySatisfy(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.FORBIDDEN);
                assertThat(p.message())
                        .startsWith("Secret elsewhere/")
                        .endsWith(" is in namespace elsewhere, which the"
                                + " watcher does not watch (watcher.secretNamespaces: monitoring, storage)");
            });
        }
        int from = observations.position();

        // a change elsewhere is not seen; one in a listed namespace is, and once it is, the other would have been too
        world.patchSecret("elsewhere", "outside", Map.of("AWS_ACCESS_KEY_ID", b64(world.plantKeyId())));
        String key2 = world.plantKeyId();
        String secret2 = world.plant("loki-2");
        world.rotateRook("loki", key2, secret2);
        Fingerprint rotated = fingerprint(key2, secret2);
        observations.await(
                from,
                SourceSecretObserved.class,
                s -> s.bindingId().equals(LOKI) && rotated.equals(s.credential().fingerprint()));
        String key3 = world.plantKeyId();
        String secret3 = world.plant("replica-3");
        world.patchSecret(NS, REPLICA, Map.of("AWS_ACCESS_KEY_ID", b64(key3), "AWS_SECRET_ACCESS_KEY", b64(secret3)));
        observations.await(
                from,
                ReplicaSecretObserved.class,
                s -> s.bindingId().equals(LOKI)
                        && fingerprint(key3, secret3).equals(s.credential().fingerprint()));
        assertThat(observations.since(from, SourceSecretObserved.class))
                .extracting(EventPayload::bindingId)
                .containsExactly(LOKI);

        // the watcher's requests: Secrets only ever listed and watched in the listed namespaces
        List<String> secretPaths = new ArrayList<>();
        RecordedRequest request;
        while ((request = kube.server().takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            String path = request.getPath();
            boolean secrets = path.startsWith("/api/v1/secrets") || path.matches("/api/v1/namespaces/[^/]+/secrets.*");
            // the watcher lists and watches (a query); the test's client reads single Secrets before patching them
            if ("GET".equals(request.getMethod()) && secrets && path.contains("?")) {
                secretPaths.add(path);
            }
        }
        assertThat(secretPaths)
                .as("Secret requests")
                .isNotEmpty()
                .noneMatch(p -> p.startsWith("/api/v1/secrets"))
                .allMatch(p -> p.startsWith("/api/v1/namespaces/storage/secrets")
                        || p.startsWith("/api/v1/namespaces/monitoring/secrets"));
        assertThat(secretPaths)
                .anyMatch(p -> p.startsWith("/api/v1/namespaces/storage/secrets?")
                        && p.contains("labelSelector=app%3Drook-ceph-rgw")
                        && p.contains("watch=true"));
    }

    private <T extends EventPayload> T latest(Class<T> type, BindingId id) {
        List<T> all = observations.since(0, type).stream()
                .filter(p -> p.bindingId().equals(id))
                .toList();
        assertThat(all).as("%s of %s", type.getSimpleName(), id).isNotEmpty();
        return all.get(all.size() - 1);
    }
}
