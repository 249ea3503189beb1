package dev.credrift.reconciler.it;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
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
 *
 * <p>A set marked {@link #orderedReady} behaves like the real StatefulSet controller under {@code
 * podManagementPolicy: OrderedReady}: it does not roll while any of its pods is unready (kubernetes#67250), and it
 * recreates a deleted pod from the current template, lowest missing ordinal first, one per tick.
 */
final class FakeKubelet implements AutoCloseable {

    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final KubernetesClient client;
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> rollouts = new ConcurrentHashMap<>();
    private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
    private final Set<String> orderedReady = ConcurrentHashMap.newKeySet();
    private final Set<String> blockedRollouts = ConcurrentHashMap.newKeySet();
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

    /** A running pod fails its readiness probe from now on (as a consumer refused by the store does). */
    void failReadiness(String namespace, String pod) {
        client.pods()
                .inNamespace(namespace)
                .withName(pod)
                .editStatus(p -> new PodBuilder(p)
                        .editStatus()
                        .withConditions(new PodConditionBuilder()
                                .withType("Ready")
                                .withStatus("False")
                                .withReason("ContainersNotReady")
                                .withMessage("containers with unready status: [loki]")
                                .build())
                        .editFirstContainerStatus()
                        .withReady(false)
                        .endContainerStatus()
                        .endStatus()
                        .build());
    }

    /** Pods of this set become ready again on the next rollout. */
    void readyAgain(String statefulSet) {
        neverReady.remove(statefulSet);
    }

    /** This set does not roll while a pod is unready, and recreates deleted pods (OrderedReady). */
    void orderedReady(String statefulSet) {
        orderedReady.add(statefulSet);
    }

    /** Whether a template change of this set was refused because a pod was unready. */
    boolean refusedToRoll(String namespace, String statefulSet) {
        return blockedRollouts.contains(namespace + "/" + statefulSet);
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
            for (StatefulSet set :
                    client.apps().statefulSets().inAnyNamespace().list().getItems()) {
                Map<String, String> annotations = set.getSpec().getTemplate().getMetadata() == null
                        ? null
                        : set.getSpec().getTemplate().getMetadata().getAnnotations();
                String restartedAt = annotations == null ? null : annotations.get(RESTARTED_AT);
                String key = set.getMetadata().getNamespace() + "/"
                        + set.getMetadata().getName();
                boolean ordered = orderedReady.contains(set.getMetadata().getName());
                if (ordered) {
                    recreateMissing(set, restartedAt);
                }
                if (restartedAt == null || restartedAt.equals(lastSeen.get(key))) {
                    continue;
                }
                lastSeen.put(key, restartedAt);
                if (ordered && anyUnready(set)) {
                    blockedRollouts.add(key);
                    patchStatus(
                            set,
                            set.getSpec().getReplicas() == null
                                    ? 1
                                    : set.getSpec().getReplicas(),
                            false);
                    continue;
                }
                rollouts.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                        .add(restartedAt);
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
        client.pods()
                .inNamespace(namespace)
                .withLabels(set.getSpec().getSelector().getMatchLabels())
                .delete();
        for (int i = 0; i < replicas; i++) {
            Map<String, String> annotations =
                    new HashMap<>(set.getSpec().getTemplate().getMetadata().getAnnotations());
            client.pods()
                    .resource(pod(set, name + "-" + i, annotations, Instant.now(), ready))
                    .create();
        }
        patchStatus(set, replicas, ready);
    }

    private boolean anyUnready(StatefulSet set) {
        return client
                .pods()
                .inNamespace(set.getMetadata().getNamespace())
                .withLabels(set.getSpec().getSelector().getMatchLabels())
                .list()
                .getItems()
                .stream()
                .anyMatch(p -> p.getStatus() == null
                        || p.getStatus().getConditions() == null
                        || p.getStatus().getConditions().stream()
                                .noneMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
    }

    // the lowest missing ordinal only, from the current template, as OrderedReady creation does
    private void recreateMissing(StatefulSet set, String restartedAt) {
        String namespace = set.getMetadata().getNamespace();
        String name = set.getMetadata().getName();
        int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        for (int i = 0; i < replicas; i++) {
            if (client.pods().inNamespace(namespace).withName(name + "-" + i).get() != null) {
                continue;
            }
            boolean ready = !neverReady.contains(name);
            Map<String, String> annotations =
                    set.getSpec().getTemplate().getMetadata().getAnnotations() == null
                            ? new HashMap<>()
                            : new HashMap<>(
                                    set.getSpec().getTemplate().getMetadata().getAnnotations());
            client.pods()
                    .resource(pod(set, name + "-" + i, annotations, Instant.now(), ready))
                    .create();
            if (restartedAt != null) {
                rollouts.computeIfAbsent(namespace + "/" + name, k -> ConcurrentHashMap.newKeySet())
                        .add(restartedAt);
            }
            patchStatus(set, replicas, ready);
            return;
        }
    }

    private void patchStatus(StatefulSet set, int replicas, boolean ready) {
        client.apps()
                .statefulSets()
                .inNamespace(set.getMetadata().getNamespace())
                .withName(set.getMetadata().getName())
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization()
                                .asJson(Map.of(
                                        "status",
                                        Map.of(
                                                "observedGeneration",
                                                set.getMetadata().getGeneration(),
                                                "replicas",
                                                replicas,
                                                "readyReplicas",
                                                ready ? replicas : 0,
                                                "updatedReplicas",
                                                replicas))));
    }

    /** A pod of {@code set}, started at {@code started} (second precision, as the API reports it). */
    static Pod pod(StatefulSet set, String name, Map<String, String> annotations, Instant started, boolean ready) {
        String at = started.truncatedTo(ChronoUnit.SECONDS).toString();
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace(set.getMetadata().getNamespace())
                .withName(name)
                .withLabels(set.getSpec().getSelector().getMatchLabels())
                .withAnnotations(annotations)
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("StatefulSet")
                .withName(set.getMetadata().getName())
                .withUid(set.getMetadata().getUid())
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withSpec(set.getSpec().getTemplate().getSpec())
                .withNewStatus()
                .withPhase("Running")
                .withStartTime(at)
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .addNewContainerStatus()
                .withName("loki")
                .withReady(ready)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .withStartedAt(at)
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
