package dev.credrift.sandbox.emulate.workload;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.StatusWriter;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.StoreProbe;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's kubelet: starts containers (reading their Secrets then, and only then), runs the readiness probe
 * against the store, restarts crash-looping containers with back-off, and reports all of it in the pod's status
 * (phase, conditions, container statuses, start time, IPs) through the status subresource.
 */
final class Kubelet {

    static final String NODE_NAME = "sandbox-node";
    static final String HOST_IP = "10.0.0.10";
    private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);
    private static final AtomicInteger NEXT_IP = new AtomicInteger(2);

    private final KubernetesClient client;
    private final Clock clock;
    private final Optional<StoreProbe> probe;
    private final WorkloadSettings settings;
    private final SecretResolver resolver;
    private final ReadinessFaults faults;

    Kubelet(
            KubernetesClient client,
            Clock clock,
            Optional<StoreProbe> probe,
            WorkloadSettings settings,
            ReadinessFaults faults) {
        this.client = client;
        this.clock = clock;
        this.probe = probe;
        this.settings = settings;
        this.resolver = new SecretResolver(client);
        this.faults = faults;
    }

    /** A probe answer shared by every pod with the same credential and bucket within one pass. */
    record ProbeKey(Credential credential, String bucket) {}

    /**
     * Moves the pod's container one step and writes its status if it changed. Returns whether anything
     * changed.
     */
    boolean sync(
            Pod pod,
            PodRuntime rt,
            ConsumerBehaviour behaviour,
            Optional<WorkloadRef> owner,
            Map<ProbeKey, ProbeResult> probes) {
        Instant now = clock.instant();
        String podName =
                pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        if (rt.podStartTime == null) {
            rt.podIp = nextPodIp();
            rt.podStartTime = now;
            PodAdoption.of(pod).ifPresent(found -> adopt(pod, rt, behaviour, found, podName));
        }
        if (rt.containerStartedAt == null) {
            start(pod, rt, behaviour, owner, now, podName);
        } else if (rt.crashLooping && !now.isBefore(rt.backOffUntil)) {
            rt.crashLooping = false;
            rt.containerStartedAt = null;
            start(pod, rt, behaviour, owner, now, podName);
        }
        if (rt.running()
                && (rt.lastProbeAt == null
                        || rt.lastProbeAt.isBefore(rt.containerStartedAt)
                        || !now.isBefore(rt.lastProbeAt.plus(settings.probePeriod()))
                        || (rt.ready && faults.failing(rt.uid)))) {
            evaluate(rt, behaviour, probes, now, podName);
        }
        Map<String, Object> status = status(pod, rt, settings);
        if (status.equals(rt.lastWrittenStatus)) {
            return false;
        }
        try {
            StatusWriter.replace(
                    client.pods()
                            .inNamespace(pod.getMetadata().getNamespace())
                            .withName(pod.getMetadata().getName()),
                    withoutNulls(status));
            rt.lastWrittenStatus = status;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                LOG.warn("kubelet: cannot update status of pod {}: HTTP {}", podName, e.getCode());
            }
        }
        return true;
    }

    // the credential the process holds is not in the API: take what its Secrets say now, the best guess there is
    private void adopt(Pod pod, PodRuntime rt, ConsumerBehaviour behaviour, PodAdoption found, String podName) {
        found.applyTo(rt);
        try {
            readSecrets(pod, rt, behaviour);
        } catch (SecretResolver.StartFailure e) {
            rt.credential = Optional.empty();
        }
        LOG.info(
                "kubelet: adopted running pod {} (started {}, {}) with credential {}",
                podName,
                time(rt.podStartTime),
                rt.ready ? "ready" : "not ready",
                rt.credential.map(c -> c.maskedAccessKeyId().toString()).orElse("(none)"));
    }

    // what the containers read at start: the first container's Secrets, and the first credential any of them finds
    private void readSecrets(Pod pod, PodRuntime rt, ConsumerBehaviour behaviour) throws SecretResolver.StartFailure {
        ResolvedSecrets first = null;
        Optional<Credential> credential = Optional.empty();
        for (Container container : pod.getSpec().getContainers()) {
            ResolvedSecrets resolved = resolver.resolve(pod, container);
            if (first == null) {
                first = resolved;
            }
            if (credential.isEmpty()) {
                credential = resolved.credential(behaviour);
            }
        }
        rt.resolved = first;
        rt.credential = credential;
    }

    private void start(
            Pod pod,
            PodRuntime rt,
            ConsumerBehaviour behaviour,
            Optional<WorkloadRef> owner,
            Instant now,
            String podName) {
        try {
            readSecrets(pod, rt, behaviour);
        } catch (SecretResolver.StartFailure e) {
            if (!e.getMessage().equals(rt.startFailureMessage)) {
                LOG.info("kubelet: pod {} cannot start its container: {}: {}", podName, e.reason(), e.getMessage());
            }
            rt.startFailureReason = e.reason();
            rt.startFailureMessage = e.getMessage();
            rt.ready = false;
            return;
        }
        rt.startFailureReason = null;
        rt.startFailureMessage = null;
        rt.containerStartedAt = now;
        rt.containerId = newContainerId();
        rt.lastProbe = null;
        rt.startedBroken = owner.filter(faults::startsBroken).isPresent();
        rt.adopted = false;
        LOG.info(
                "kubelet: started pod {} with credential {}",
                podName,
                rt.credential.map(c -> c.maskedAccessKeyId().toString()).orElse("(none)"));
    }

    private void evaluate(
            PodRuntime rt,
            ConsumerBehaviour behaviour,
            Map<ProbeKey, ProbeResult> probes,
            Instant now,
            String podName) {
        rt.lastProbeAt = now;
        boolean wasReady = rt.ready;
        ReadinessRule rule = ReadinessRule.of(
                rt.startedBroken || faults.failing(rt.uid),
                behaviour.probeBucket().isPresent() && probe.isPresent(),
                rt.adopted);
        switch (rule) {
            case FAILS -> {
                setReady(rt, false, now);
                if (wasReady) {
                    LOG.info("kubelet: pod {} readiness failed (a readiness fault)", podName);
                }
                return;
            }
            case AS_REPORTED -> {
                return;
            }
            case STARTED_IS_READY -> {
                setReady(rt, true, now);
                return;
            }
            case ASK_THE_STORE -> {
                // below
            }
        }
        String bucket = behaviour.probeBucket().get();
        ProbeResult result = rt.credential
                // no credential: the store treats the request as anonymous
                .map(c -> probes.computeIfAbsent(
                        new ProbeKey(c, bucket), k -> probe.get().probe(c, bucket)))
                .orElse(new ProbeResult.Rejected("AccessDenied", 403));
        ProbeResult previous = rt.lastProbe;
        rt.lastProbe = result;
        if (result.accepted()) {
            setReady(rt, true, now);
        } else if (behaviour.onAuthFailure() == ConsumerBehaviour.OnAuthFailure.CRASH_LOOP) {
            rt.restartCount++;
            rt.lastTerminatedStart = rt.containerStartedAt;
            rt.lastTerminatedAt = now;
            rt.crashLooping = true;
            rt.backOffUntil = now.plus(settings.backOff(rt.restartCount));
            setReady(rt, false, now);
            LOG.info(
                    "kubelet: pod {} exited: store said {}; restart {} in {}",
                    podName,
                    result.summary(),
                    rt.restartCount,
                    settings.backOff(rt.restartCount));
            return;
        } else {
            setReady(rt, false, now);
        }
        if (wasReady != rt.ready || previous == null || !previous.summary().equals(result.summary())) {
            LOG.info(
                    "kubelet: pod {} readiness {} (store: {})",
                    podName,
                    rt.ready ? "passed" : "failed",
                    result.summary());
        }
    }

    private static void setReady(PodRuntime rt, boolean ready, Instant now) {
        if (ready && (!rt.ready || rt.readySince == null)) {
            rt.readySince = now;
        }
        if (!ready && (rt.ready || rt.notReadySince == null)) {
            rt.notReadySince = now;
        }
        rt.ready = ready;
    }

    static String nextPodIp() {
        int n = NEXT_IP.getAndIncrement();
        return "10.244." + (n / 250) + "." + (n % 250 + 2);
    }

    static String newContainerId() {
        return "containerd://"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** The pod's status as this kubelet reports it (nulls still in: see {@link #withoutNulls}). */
    static Map<String, Object> status(Pod pod, PodRuntime rt, WorkloadSettings settings) {
        boolean everStarted = rt.containerStartedAt != null || rt.restartCount > 0;
        List<String> containerNames =
                pod.getSpec().getContainers().stream().map(Container::getName).toList();
        String started = time(rt.podStartTime);
        String readyTransition =
                time(rt.ready ? rt.readySince : rt.notReadySince != null ? rt.notReadySince : rt.podStartTime);
        List<Map<String, Object>> conditions = new ArrayList<>();
        conditions.add(condition("PodReadyToStartContainers", true, started, null, null));
        conditions.add(condition("Initialized", true, started, null, null));
        String unready =
                "containers with unready status: " + containerNames.toString().replace(",", "");
        conditions.add(condition(
                "Ready", rt.ready, readyTransition, rt.ready ? null : "ContainersNotReady", rt.ready ? null : unready));
        conditions.add(condition(
                "ContainersReady",
                rt.ready,
                readyTransition,
                rt.ready ? null : "ContainersNotReady",
                rt.ready ? null : unready));
        conditions.add(condition("PodScheduled", true, started, null, null));

        List<Map<String, Object>> statuses = new ArrayList<>();
        for (Container container : pod.getSpec().getContainers()) {
            Map<String, Object> cs = new LinkedHashMap<>();
            cs.put("name", container.getName());
            cs.put("image", container.getImage() == null ? "" : container.getImage());
            cs.put("imageID", container.getImage() == null ? "" : "sandbox://" + container.getImage());
            if (rt.containerId != null) {
                cs.put("containerID", rt.containerId);
            }
            cs.put("ready", rt.ready);
            cs.put("started", rt.running());
            cs.put("restartCount", rt.restartCount);
            Map<String, Object> state = new LinkedHashMap<>();
            if (rt.running()) {
                state.put("running", Map.of("startedAt", time(rt.containerStartedAt)));
            } else if (rt.crashLooping) {
                long seconds = settings.backOff(rt.restartCount).toSeconds();
                state.put(
                        "waiting",
                        Map.of(
                                "reason",
                                "CrashLoopBackOff",
                                "message",
                                "back-off " + seconds
                                        + "s restarting failed container=" + container.getName() + " pod="
                                        + pod.getMetadata().getName() + "_"
                                        + pod.getMetadata().getNamespace() + "("
                                        + pod.getMetadata().getUid() + ")"));
            } else if (rt.startFailureMessage != null) {
                state.put("waiting", Map.of("reason", rt.startFailureReason, "message", rt.startFailureMessage));
            } else {
                state.put("waiting", Map.of("reason", "ContainerCreating"));
            }
            cs.put("state", state);
            if (rt.lastTerminatedAt != null) {
                cs.put(
                        "lastState",
                        Map.of(
                                "terminated",
                                Map.of(
                                        "exitCode",
                                        1,
                                        "reason",
                                        "Error",
                                        "startedAt",
                                        time(rt.lastTerminatedStart),
                                        "finishedAt",
                                        time(rt.lastTerminatedAt),
                                        "containerID",
                                        rt.containerId == null ? "" : rt.containerId)));
            } else {
                cs.put("lastState", Map.of());
            }
            statuses.add(cs);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", everStarted ? "Running" : "Pending");
        status.put("conditions", conditions);
        status.put("hostIP", HOST_IP);
        status.put("hostIPs", List.of(Map.of("ip", HOST_IP)));
        status.put("podIP", rt.podIp);
        status.put("podIPs", List.of(Map.of("ip", rt.podIp)));
        status.put("startTime", started);
        status.put("qosClass", "BestEffort");
        status.put("containerStatuses", statuses);
        return status;
    }

    private static Map<String, Object> condition(
            String type, boolean status, String transition, String reason, String message) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", status ? "True" : "False");
        condition.put("lastProbeTime", null);
        condition.put("lastTransitionTime", transition);
        if (reason != null) {
            condition.put("reason", reason);
            condition.put("message", message);
        }
        return condition;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                copy.put(k, withoutNulls((Map<String, Object>) nested));
            } else if (v instanceof List<?> list) {
                copy.put(
                        k,
                        list.stream()
                                .map(e -> e instanceof Map<?, ?> m ? withoutNulls((Map<String, Object>) m) : e)
                                .toList());
            } else if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
