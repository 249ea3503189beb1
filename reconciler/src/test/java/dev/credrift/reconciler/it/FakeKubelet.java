package dev.credrift.reconciler.it;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the StatefulSet controller and kubelet for the tests: when a StatefulSet's pod template gets a new
 * {@code kubectl.kubernetes.io/restartedAt}, it replaces the set's pods with ones made from the new template
 * (started now, with second precision as the API reports it) and reports the rollout in the set's status. Counts the
 * rollouts of each set: the number of distinct {@code restartedAt} values it acted on.
 */
final class FakeKubelet implements AutoCloseable {

    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final KubernetesClient client;
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> rollouts = new ConcurrentHashMap<>();
    private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-kubelet");
        t.setDaemon(true);
        return t;
    });

    FakeKubelet(KubernetesClient client) {
        this.client = client;
        loop.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Pods of this set never become ready (the readiness gate must fail). */
    void neverReady(String statefulSet) {
        neverReady.add(statefulSet);
    }

    /** Pods of this set become ready again on the next rollout. */
    void readyAgain(String statefulSet) {
        neverReady.remove(statefulSet);
    }

    /** How many rollouts this set went through. */
    int rollouts(String namespace, String statefulSet) {
        return rollouts.getOrDefault(namespace + "/" + statefulSet, Set.of()).size();
    }

    int totalRollouts() {
        return rollouts.values().stream().mapToInt(Set::size).sum();
    }

    private void tick() {
        try {
            for (StatefulSet set : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
                Map<String, String> annotations = set.getSpec().getTemplate().getMetadata() == null ? null
                        : set.getSpec().getTemplate().getMetadata().getAnnotations();
                String restartedAt = annotations == null ? null : annotations.get(RESTARTED_AT);
                String key = set.getMetadata().getNamespace() + "/" + set.getMetadata().getName();
                if (restartedAt == null || restartedAt.equals(lastSeen.get(key))) {
                    continue;
                }
                lastSeen.put(key, restartedAt);
                rollouts.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(restartedAt);
                replacePods(set, restartedAt);
            }
        } catch (RuntimeException e) {
            // the mock server is closing: nothing to do
        }
    }

    private void replacePods(StatefulSet set, String restartedAt) {
        String namespace = set.getMetadata().getNamespace();
        String name = set.getMetadata().getName();
        boolean ready = !neverReady.contains(name);
        int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        for (int i = 0; i < replicas; i++) {
            client.pods().inNamespace(namespace).withName(name + "-" + i).delete();
        }
        client.pods().inNamespace(namespace).withLabels(set.getSpec().getSelector().getMatchLabels()).delete();
        for (int i = 0; i < replicas; i++) {
            Map<String, String> annotations = new HashMap<>(set.getSpec().getTemplate().getMetadata().getAnnotations());
            client.pods().resource(pod(set, name + "-" + i, annotations, Instant.now(), ready)).create();
        }
        client.apps().statefulSets().inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
                client.getKubernetesSerialization().asJson(Map.of("status", Map.of(
                        "observedGeneration", set.getMetadata().getGeneration(), "replicas", replicas,
                        "readyReplicas", ready ? replicas : 0, "updatedReplicas", replicas))));
    }

    /** A pod of {@code set}, started at {@code started} (second precision, as the API reports it). */
    static Pod pod(StatefulSet set, String name, Map<String, String> annotations, Instant started, boolean ready) {
        String at = started.truncatedTo(ChronoUnit.SECONDS).toString();
        return new PodBuilder()
                .withNewMetadata().withNamespace(set.getMetadata().getNamespace()).withName(name)
                .withLabels(set.getSpec().getSelector().getMatchLabels()).withAnnotations(annotations)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("StatefulSet")
                .withName(set.getMetadata().getName()).withUid(set.getMetadata().getUid()).withController(true)
                .endOwnerReference().endMetadata()
                .withSpec(set.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase("Running").withStartTime(at)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewContainerStatus().withName("loki").withReady(ready).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(at).endRunning().endState().endContainerStatus()
                .endStatus()
                .build();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
