package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Deployment controller: one ReplicaSet {@code <deployment>-<pod-template-hash>} per template, with the
 * {@code deployment.kubernetes.io/revision} annotation; {@code RollingUpdate} scales the new ReplicaSet up within
 * {@code maxSurge} (default 25%, rounded up) and the old ones down within {@code maxUnavailable} (default 25%,
 * rounded down), removing unhealthy old pods first; {@code Recreate} empties the old ReplicaSets before filling the
 * new one. A paused Deployment gets no new ReplicaSet and no scaling for a template change.
 */
final class DeploymentController {

    static final String HASH_LABEL = "pod-template-hash";
    static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentController.class);

    private final KubernetesClient client;
    private final RolloutLog rollouts;

    DeploymentController(KubernetesClient client, RolloutLog rollouts) {
        this.client = client;
        this.rollouts = rollouts;
    }

    boolean sync(
            Deployment deployment,
            List<ReplicaSet> owned,
            Map<String, List<Pod>> podsByOwner,
            Predicate<Pod> runningAndReady,
            Instant now) {
        String name = deployment.getMetadata().getName();
        String namespace = deployment.getMetadata().getNamespace();
        var spec = deployment.getSpec();
        int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
        String hash = TemplateHash.of(spec.getTemplate());
        boolean paused = Boolean.TRUE.equals(spec.getPaused());
        ReplicaSet newSet = owned.stream()
                .filter(rs -> hash.equals(label(rs, HASH_LABEL)))
                .findFirst()
                .orElse(null);
        List<ReplicaSet> oldSets = new ArrayList<>(owned);
        oldSets.remove(newSet);
        oldSets.sort(Comparator.comparingLong(DeploymentController::revision));
        boolean recreate = spec.getStrategy() != null
                && "Recreate".equals(spec.getStrategy().getType());
        int maxSurge = recreate ? 0 : resolve(rolling(spec, true), desired, true);
        int maxUnavailable = recreate ? desired : resolve(rolling(spec, false), desired, false);
        if (!recreate && maxSurge == 0 && maxUnavailable == 0) {
            maxUnavailable = 1;
        }

        boolean changed = false;
        Map<String, Integer> replicas = new HashMap<>();
        owned.forEach(rs -> replicas.put(rs.getMetadata().getUid(), specReplicas(rs)));
        if (!paused) {
            rollouts.observe(new WorkloadRef(namespace, WorkloadKind.DEPLOYMENT, name), hash, now);
            if (newSet == null) {
                boolean anyOld = oldSets.stream().anyMatch(rs -> specReplicas(rs) > 0);
                int initial = anyOld ? 0 : desired;
                long revision = oldSets.stream()
                                .mapToLong(DeploymentController::revision)
                                .max()
                                .orElse(0)
                        + 1;
                createReplicaSet(deployment, hash, initial, revision, desired + maxSurge);
                return true;
            }
            String newUid = newSet.getMetadata().getUid();
            if (recreate) {
                boolean oldPodsLeft = false;
                for (ReplicaSet old : oldSets) {
                    if (specReplicas(old) > 0) {
                        replicas.put(old.getMetadata().getUid(), 0);
                    }
                    oldPodsLeft |= !podsByOwner
                            .getOrDefault(old.getMetadata().getUid(), List.of())
                            .isEmpty();
                }
                if (!oldPodsLeft
                        && oldSets.stream()
                                .allMatch(rs -> replicas.get(rs.getMetadata().getUid()) == 0)) {
                    replicas.put(newUid, desired);
                }
            } else {
                int newReplicas = replicas.get(newUid);
                int total =
                        replicas.values().stream().mapToInt(Integer::intValue).sum();
                if (newReplicas > desired) {
                    replicas.put(newUid, desired);
                } else if (newReplicas < desired && total < desired + maxSurge) {
                    replicas.put(newUid, newReplicas + Math.min(desired + maxSurge - total, desired - newReplicas));
                }
                scaleDownOld(oldSets, newSet, replicas, podsByOwner, runningAndReady, desired - maxUnavailable);
            }
            for (ReplicaSet rs : owned) {
                int want = replicas.get(rs.getMetadata().getUid());
                if (want != specReplicas(rs)) {
                    scale(rs, want);
                    changed = true;
                }
            }
        }

        List<Pod> all = new ArrayList<>();
        owned.forEach(rs -> all.addAll(podsByOwner.getOrDefault(rs.getMetadata().getUid(), List.of())));
        List<Pod> updatedPods = newSet == null
                ? List.of()
                : podsByOwner.getOrDefault(newSet.getMetadata().getUid(), List.of());
        int ready = (int) all.stream().filter(runningAndReady).count();
        int updated = updatedPods.size();
        boolean complete = newSet != null && updated == desired && all.size() == desired && ready == desired;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", deployment.getMetadata().getGeneration());
        status.put("replicas", all.size());
        status.put("updatedReplicas", updated);
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
        status.put("unavailableReplicas", Math.max(0, desired - ready));
        status.put("conditions", conditions(deployment, newSet, ready >= desired - maxUnavailable, complete, now));
        changed |= StatusPatcher.patchIfChanged(
                client.apps().deployments().inNamespace(namespace).withName(name), deployment.getStatus(), status);
        return changed;
    }

    private static void scaleDownOld(
            List<ReplicaSet> oldSets,
            ReplicaSet newSet,
            Map<String, Integer> replicas,
            Map<String, List<Pod>> podsByOwner,
            Predicate<Pod> runningAndReady,
            int minAvailable) {
        int oldCount = oldSets.stream()
                .mapToInt(rs -> replicas.get(rs.getMetadata().getUid()))
                .sum();
        if (oldCount == 0) {
            return;
        }
        int all = replicas.values().stream().mapToInt(Integer::intValue).sum();
        String newUid = newSet.getMetadata().getUid();
        int newReady = (int) podsByOwner.getOrDefault(newUid, List.of()).stream()
                .filter(runningAndReady)
                .count();
        int newUnavailable = Math.max(0, replicas.get(newUid) - newReady);
        int maxScaledDown = all - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return;
        }
        // unhealthy old pods go first: removing them costs no availability
        for (ReplicaSet old : oldSets) {
            String uid = old.getMetadata().getUid();
            int oldReady = (int) podsByOwner.getOrDefault(uid, List.of()).stream()
                    .filter(runningAndReady)
                    .count();
            int unhealthy = Math.max(0, replicas.get(uid) - oldReady);
            int down = Math.min(maxScaledDown, unhealthy);
            replicas.put(uid, replicas.get(uid) - down);
            maxScaledDown -= down;
        }
        int available = newReady;
        for (ReplicaSet old : oldSets) {
            String uid = old.getMetadata().getUid();
            available += Math.min(replicas.get(uid), (int) podsByOwner.getOrDefault(uid, List.of()).stream()
                    .filter(runningAndReady)
                    .count());
        }
        int canScaleDown = available - minAvailable;
        for (ReplicaSet old : oldSets) {
            if (canScaleDown <= 0) {
                break;
            }
            String uid = old.getMetadata().getUid();
            int down = Math.min(replicas.get(uid), canScaleDown);
            replicas.put(uid, replicas.get(uid) - down);
            canScaleDown -= down;
        }
    }

    private void createReplicaSet(Deployment deployment, String hash, int replicas, long revision, int maxReplicas) {
        PodTemplateSpec template =
                client.getKubernetesSerialization().clone(deployment.getSpec().getTemplate());
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(HASH_LABEL, hash);
        template.getMetadata().setLabels(labels);
        LabelSelector selector = deployment.getSpec().getSelector() == null
                ? new LabelSelector()
                : client.getKubernetesSerialization().clone(deployment.getSpec().getSelector());
        Map<String, String> match = new LinkedHashMap<>();
        if (selector.getMatchLabels() != null) {
            match.putAll(selector.getMatchLabels());
        }
        match.put(HASH_LABEL, hash);
        String rsName = deployment.getMetadata().getName() + "-" + hash;
        ReplicaSet rs = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(rsName)
                .withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(labels)
                .addToAnnotations(REVISION_ANNOTATION, Long.toString(revision))
                .addToAnnotations(
                        "deployment.kubernetes.io/desired-replicas",
                        Integer.toString(
                                deployment.getSpec().getReplicas() == null
                                        ? 1
                                        : deployment.getSpec().getReplicas()))
                .addToAnnotations("deployment.kubernetes.io/max-replicas", Integer.toString(maxReplicas))
                .withOwnerReferences(PodFactory.controllerRef(deployment))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withSelector(new LabelSelectorBuilder(selector)
                        .withMatchLabels(match)
                        .build())
                .withTemplate(template)
                .endSpec()
                .build();
        try {
            client.apps()
                    .replicaSets()
                    .inNamespace(deployment.getMetadata().getNamespace())
                    .resource(rs)
                    .create();
            LOG.info(
                    "Deployment {}/{}: created ReplicaSet {} (revision {})",
                    deployment.getMetadata().getNamespace(),
                    deployment.getMetadata().getName(),
                    rsName,
                    revision);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void scale(ReplicaSet rs, int replicas) {
        client.apps()
                .replicaSets()
                .inNamespace(rs.getMetadata().getNamespace())
                .withName(rs.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
        LOG.info(
                "ReplicaSet {}/{} scaled to {}",
                rs.getMetadata().getNamespace(),
                rs.getMetadata().getName(),
                replicas);
    }

    private List<Map<String, Object>> conditions(
            Deployment deployment, ReplicaSet newSet, boolean available, boolean complete, Instant now) {
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String rsName = newSet == null
                ? deployment.getMetadata().getName()
                : newSet.getMetadata().getName();
        List<Map<String, Object>> conditions = new ArrayList<>();
        conditions.add(condition(
                deployment,
                "Available",
                available,
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                time));
        conditions.add(condition(
                deployment,
                "Progressing",
                true,
                complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                complete
                        ? "ReplicaSet \"" + rsName + "\" has successfully progressed."
                        : "ReplicaSet \"" + rsName + "\" is progressing.",
                time));
        return conditions;
    }

    private static Map<String, Object> condition(
            Deployment deployment, String type, boolean status, String reason, String message, String now) {
        var previous =
                Optional.ofNullable(deployment.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
                        .filter(c -> type.equals(c.getType()))
                        .findFirst();
        String statusText = status ? "True" : "False";
        boolean sameStatus =
                previous.isPresent() && statusText.equals(previous.get().getStatus());
        boolean same = sameStatus && reason.equals(previous.get().getReason());
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", statusText);
        condition.put("lastUpdateTime", same ? previous.get().getLastUpdateTime() : now);
        condition.put("lastTransitionTime", sameStatus ? previous.get().getLastTransitionTime() : now);
        condition.put("reason", reason);
        condition.put("message", message);
        return condition;
    }

    private static IntOrString rolling(DeploymentSpec spec, boolean surge) {
        var strategy = spec.getStrategy();
        if (strategy == null || strategy.getRollingUpdate() == null) {
            return null;
        }
        return surge
                ? strategy.getRollingUpdate().getMaxSurge()
                : strategy.getRollingUpdate().getMaxUnavailable();
    }

    /** {@code intstr.GetScaledValueFromIntOrPercent} with the 25% default. */
    static int resolve(IntOrString value, int total, boolean roundUp) {
        String text = value == null ? "25%" : value.getStrVal() != null ? value.getStrVal() : null;
        if (text == null) {
            return value.getIntVal() == null ? 0 : value.getIntVal();
        }
        if (!text.endsWith("%")) {
            return Integer.parseInt(text);
        }
        double percent = Integer.parseInt(text.substring(0, text.length() - 1)) * total / 100.0;
        return (int) (roundUp ? Math.ceil(percent) : Math.floor(percent));
    }

    private static int specReplicas(ReplicaSet rs) {
        return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    }

    private static long revision(ReplicaSet rs) {
        Map<String, String> annotations = rs.getMetadata().getAnnotations();
        try {
            return annotations == null ? 0 : Long.parseLong(annotations.getOrDefault(REVISION_ANNOTATION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String label(ReplicaSet rs, String key) {
        Map<String, String> labels = rs.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
