package dev.credrift.reconciler.it;

import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays External Secrets Operator for the tests: when an ExternalSecret's {@code force-sync} annotation changes, it
 * copies the vault item's current fields into the target Secret and reports Ready — unless its refreshInterval is 0
 * or its policy CreatedOnce (ESO ignores force-sync then), or it was told to fail (SecretSyncedError).
 */
final class FakeEso implements AutoCloseable {

    static final ResourceDefinitionContext ES = new ResourceDefinitionContext.Builder()
            .withGroup("external-secrets.io")
            .withVersion("v1")
            .withKind("ExternalSecret")
            .withPlural("externalsecrets")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;
    private final OnePasswordConnectEmulator onePassword;
    private final String vault;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final AtomicInteger syncs = new AtomicInteger();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-eso");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;

    FakeEso(KubernetesClient client, OnePasswordConnectEmulator onePassword, String vault) {
        this.client = client;
        this.onePassword = onePassword;
        this.vault = vault;
        loop.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** From now on syncs fail with SecretSyncedError. */
    void failSyncs() {
        failing = true;
    }

    int syncs() {
        return syncs.get();
    }

    private void tick() {
        try {
            for (GenericKubernetesResource es : client.genericKubernetesResources(ES)
                    .inAnyNamespace()
                    .list()
                    .getItems()) {
                Map<String, String> annotations = es.getMetadata().getAnnotations();
                String value = annotations == null ? null : annotations.get("force-sync");
                String key =
                        es.getMetadata().getNamespace() + "/" + es.getMetadata().getName();
                if (value == null || value.equals(seen.get(key))) {
                    continue;
                }
                seen.put(key, value);
                @SuppressWarnings("unchecked")
                Map<String, Object> spec =
                        (Map<String, Object>) es.getAdditionalProperties().get("spec");
                if ("0".equals(spec.get("refreshInterval")) || "CreatedOnce".equals(spec.get("refreshPolicy"))) {
                    continue;
                }
                if (failing) {
                    status(es, "False", "SecretSyncedError");
                    continue;
                }
                sync(es, spec);
            }
        } catch (RuntimeException e) {
            // the mock server is closing: nothing to do
        }
    }

    @SuppressWarnings("unchecked")
    void sync(GenericKubernetesResource es, Map<String, Object> spec) {
        String namespace = es.getMetadata().getNamespace();
        Map<String, Object> target = (Map<String, Object>) spec.get("target");
        String name =
                target == null || target.get("name") == null ? es.getMetadata().getName() : (String) target.get("name");
        SecretBuilder secret = new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata();
        for (Map<String, Object> entry : (List<Map<String, Object>>) spec.get("data")) {
            Map<String, Object> ref = (Map<String, Object>) entry.get("remoteRef");
            String value = onePassword
                    .readField(vault, (String) ref.get("key"), (String) ref.get("property"))
                    .reveal();
            secret.addToData(
                    (String) entry.get("secretKey"),
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        client.secrets().resource(secret.build()).createOr(existing -> existing.update());
        syncs.incrementAndGet();
        status(es, "True", "SecretSynced");
    }

    private void status(GenericKubernetesResource es, String ready, String reason) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        client.genericKubernetesResources(ES)
                .inNamespace(es.getMetadata().getNamespace())
                .withName(es.getMetadata().getName())
                .subresource("status")
                // a JSON Patch: the mock server appends arrays on merge patches
                .patch(
                        PatchContext.of(PatchType.JSON),
                        client.getKubernetesSerialization()
                                .asJson(List.of(Map.of(
                                        "op",
                                        "add",
                                        "path",
                                        "/status",
                                        "value",
                                        Map.of(
                                                "refreshTime",
                                                now,
                                                "conditions",
                                                List.of(Map.of(
                                                        "type",
                                                        "Ready",
                                                        "status",
                                                        ready,
                                                        "reason",
                                                        Objects.requireNonNull(reason),
                                                        "lastTransitionTime",
                                                        now)))))));
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
