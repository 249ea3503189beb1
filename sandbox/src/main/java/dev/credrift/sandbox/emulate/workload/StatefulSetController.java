package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The StatefulSet controller ({@code stateful_set_control.go}): pods {@code <set>-0 … <set>-(n-1)}, labelled with
 * {@code controller-revision-hash}, {@code statefulset.kubernetes.io/pod-name} and
 * {@code apps.kubernetes.io/pod-index}, hostname = pod name, subdomain = {@code serviceName}.
 *
 * <p>Under {@code podManagementPolicy: OrderedReady} (the default) it creates pods one at a time in ordinal order
 * and makes no progress at all — neither creating nor updating — while any pod is not running and ready: a
 * StatefulSet whose pods went unready because their credential was revoked is <em>not</em> rolled by
 * {@code kubectl rollout restart}; its pods must be deleted (lowest ordinal first) for new ones to be made.
 * Under {@code Parallel} it creates all missing pods at once and rolls regardless of the old pods' health. Rolling
 * updates replace pods from the highest ordinal down, one at a time, each waiting for the previous replacement to
 * be ready; {@code updateStrategy: OnDelete} replaces a pod only when someone deletes it.
 *
 * <p>Like the real controller ({@code getPodsForStatefulSet} → {@code ClaimPods} with the {@code isMemberOf}
 * filter), it adopts orphan pods — no controller, labels matching its selector, named as one of its ordinals — by
 * making itself their controller; a pod made before its set (a world that begins mid-life) is thus taken over, not
 * replaced, as long as it carries the set's current {@code controller-revision-hash}.
 */
final class StatefulSetController {

    static final String REVISION_LABEL = "controller-revision-hash";
    private static final Logger LOG = LoggerFactory.getLogger(StatefulSetController.class);

    private final KubernetesClient client;
    private final PodFactory pods;
    private final RolloutLog rollouts;

    StatefulSetController(KubernetesClient client, PodFactory pods, RolloutLog rollouts) {
        this.client = client;
        this.pods = pods;
        this.rollouts = rollouts;
    }

    /** One step; returns whether it changed anything. */
    boolean sync(StatefulSet set, List<Pod> owned, Predicate<Pod> runningAndReady, Instant now) {
        String name = set.getMetadata().getName();
        String namespace = set.getMetadata().getNamespace();
        var spec = set.getSpec();
        int replicas = spec.getReplicas() == null ? 1 : spec.getReplicas();
        String updateRevision = updateRevision(set);
        String currentRevision = Optional.ofNullable(set.getStatus())
                .map(s -> s.getCurrentRevision())
                .filter(s -> !s.isEmpty())
                .orElse(updateRevision);
        rollouts.observe(new WorkloadRef(namespace, WorkloadKind.STATEFUL_SET, name), updateRevision, now);
        boolean monotonic = !"Parallel".equals(spec.getPodManagementPolicy());
        boolean onDelete = spec.getUpdateStrategy() != null
                && "OnDelete".equals(spec.getUpdateStrategy().getType());
        int partition = Optional.ofNullable(spec.getUpdateStrategy())
                .map(s -> s.getRollingUpdate())
                .map(r -> r.getPartition())
                .orElse(0);

        TreeMap<Integer, Pod> byOrdinal = new TreeMap<>();
        List<Pod> condemned = new ArrayList<>();
        for (Pod pod : owned) {
            int ordinal = ordinal(name, pod.getMetadata().getName());
            if (ordinal < 0) {
                continue;
            }
            if (ordinal < replicas) {
                byOrdinal.put(ordinal, pod);
            } else {
                condemned.add(pod);
            }
        }
        condemned.sort(
                Comparator.comparingInt((Pod p) -> ordinal(name, p.getMetadata().getName()))
                        .reversed());

        boolean changed = false;
        boolean blocked = false;
        Pod holding = null;
        for (int i = 0; i < replicas; i++) {
            Pod pod = byOrdinal.get(i);
            if (pod == null) {
                String revision = !onDelete && i < partition ? currentRevision : updateRevision;
                changed |= create(set, i, revision);
                if (monotonic) {
                    blocked = true;
                    break;
                }
                continue;
            }
            if (monotonic && !runningAndReady.test(pod)) {
                blocked = true;
                holding = pod;
                break;
            }
        }
        // an old pod that is not ready holds back the revision that would replace it (kubernetes#67250); a new one
        // that is not ready yet is an update in progress
        if (holding != null && !onDelete && !updateRevision.equals(revision(holding))) {
            WorkloadRef ref = new WorkloadRef(namespace, WorkloadKind.STATEFUL_SET, name);
            if (rollouts.refused(ref)) {
                LOG.info(
                        "StatefulSet {}/{}: not rolling to {}: pod {} is not running and ready (OrderedReady)",
                        namespace,
                        name,
                        updateRevision,
                        holding.getMetadata().getName());
            }
        }
        if (!blocked) {
            for (Pod pod : condemned) {
                pods.delete(pod, "scaled down");
                changed = true;
                if (monotonic) {
                    blocked = true;
                    break;
                }
            }
        }
        if (!blocked && !onDelete) {
            for (int target = replicas - 1; target >= partition; target--) {
                Pod pod = byOrdinal.get(target);
                if (pod == null) {
                    // its replacement is being made in this very pass: wait for it, as the real loop does
                    break;
                }
                if (!updateRevision.equals(revision(pod))) {
                    pods.delete(pod, "rolling update to " + updateRevision);
                    changed = true;
                    break;
                }
                if (!runningAndReady.test(pod)) {
                    break;
                }
            }
        }

        int ready = (int) owned.stream().filter(runningAndReady).count();
        int updated = (int)
                owned.stream().filter(p -> updateRevision.equals(revision(p))).count();
        int current = (int)
                owned.stream().filter(p -> currentRevision.equals(revision(p))).count();
        String newCurrentRevision = currentRevision;
        if (!onDelete && updated == owned.size() && owned.size() == replicas && ready == replicas) {
            newCurrentRevision = updateRevision;
            current = updated;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", set.getMetadata().getGeneration());
        status.put("replicas", owned.size());
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
        status.put("currentReplicas", current);
        status.put("updatedReplicas", updated);
        status.put("currentRevision", newCurrentRevision);
        status.put("updateRevision", updateRevision);
        status.put("collisionCount", 0);
        changed |= StatusPatcher.patchIfChanged(
                client.apps().statefulSets().inNamespace(namespace).withName(name), set.getStatus(), status);
        return changed;
    }

    private boolean create(StatefulSet set, int ordinal, String revision) {
        String podName = set.getMetadata().getName() + "-" + ordinal;
        return pods.create(
                        set,
                        podName,
                        set.getSpec().getTemplate(),
                        labels(set, ordinal, revision),
                        identity(set, podName))
                .isPresent();
    }

    /** The labels the controller adds to pod {@code ordinal} of {@code set}, made from {@code revision}. */
    static Map<String, String> labels(StatefulSet set, int ordinal, String revision) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(REVISION_LABEL, revision);
        labels.put("statefulset.kubernetes.io/pod-name", set.getMetadata().getName() + "-" + ordinal);
        labels.put("apps.kubernetes.io/pod-index", Integer.toString(ordinal));
        return labels;
    }

    /** A stable network identity: hostname = pod name, subdomain = the set's {@code serviceName}. */
    static Consumer<PodSpec> identity(StatefulSet set, String podName) {
        String serviceName = set.getSpec().getServiceName();
        return spec -> {
            spec.setHostname(podName);
            if (serviceName != null && !serviceName.isEmpty()) {
                spec.setSubdomain(serviceName);
            }
        };
    }

    /** The revision a pod made from the set's current template carries. */
    static String updateRevision(StatefulSet set) {
        return set.getMetadata().getName() + "-" + TemplateHash.of(set.getSpec().getTemplate());
    }

    /** Whether this set adopts orphan {@code pod} (see the class description); selectors by matchLabels only. */
    static boolean claims(StatefulSet set, Pod pod) {
        var selector = set.getSpec().getSelector();
        Map<String, String> labels = pod.getMetadata().getLabels();
        if (selector == null
                || selector.getMatchLabels() == null
                || selector.getMatchLabels().isEmpty()
                || (selector.getMatchExpressions() != null
                        && !selector.getMatchExpressions().isEmpty())
                || labels == null
                || pod.getMetadata().getDeletionTimestamp() != null
                || !set.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())) {
            return false;
        }
        boolean orphan = pod.getMetadata().getOwnerReferences() == null
                || pod.getMetadata().getOwnerReferences().stream()
                        .noneMatch(o -> Boolean.TRUE.equals(o.getController()));
        return orphan
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet())
                && ordinal(set.getMetadata().getName(), pod.getMetadata().getName()) >= 0;
    }

    /**
     * Adopts the {@code orphans} this set claims: they leave {@code orphans} and join the set's pods in
     * {@code podsByOwner}. Returns whether it adopted any.
     */
    boolean adoptOrphans(StatefulSet set, List<Pod> orphans, Map<String, List<Pod>> podsByOwner) {
        boolean changed = false;
        for (Pod orphan : List.copyOf(orphans)) {
            if (claims(set, orphan)) {
                orphans.remove(orphan);
                Optional<Pod> adopted = adopt(set, orphan);
                adopted.ifPresent(pod -> podsByOwner
                        .computeIfAbsent(set.getMetadata().getUid(), k -> new ArrayList<>())
                        .add(pod));
                changed |= adopted.isPresent();
            }
        }
        return changed;
    }

    private Optional<Pod> adopt(StatefulSet set, Pod pod) {
        List<OwnerReference> owners = new ArrayList<>();
        if (pod.getMetadata().getOwnerReferences() != null) {
            owners.addAll(pod.getMetadata().getOwnerReferences());
        }
        owners.add(PodFactory.controllerRef(set));
        try {
            Pod adopted = client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            client.getKubernetesSerialization()
                                    .asJson(Map.of("metadata", Map.of("ownerReferences", owners))));
            LOG.info(
                    "StatefulSet {}/{}: adopted pod {}",
                    set.getMetadata().getNamespace(),
                    set.getMetadata().getName(),
                    pod.getMetadata().getName());
            return Optional.ofNullable(adopted);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static String revision(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? null : labels.get(REVISION_LABEL);
    }

    private static int ordinal(String setName, String podName) {
        String prefix = setName + "-";
        if (!podName.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(podName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
