package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A container the kubelet finds already running when it first sees its pod (a world that begins mid-life, or a
 * kubelet restart): it is adopted as reported, not started again. A real kubelet does the same — its status manager
 * keeps a pod's {@code status.startTime} once set ({@code updateStatusInternal} copies the old one over), and after a
 * restart it takes running containers over from the runtime instead of restarting them, so their {@code startedAt}
 * and restart count stand.
 *
 * @param podStarted       {@code status.startTime}
 * @param containerStarted the first container's {@code state.running.startedAt} (the pod's start time if absent)
 * @param ready            whether the {@code Ready} condition is {@code True}
 * @param readySince       that condition's {@code lastTransitionTime} (the pod's start time if absent)
 * @param podIp            {@code status.podIP}, if any
 * @param restartCount     the first container's restart count
 * @param containerId      the first container's id, if any
 */
record PodAdoption(
        Instant podStarted,
        Instant containerStarted,
        boolean ready,
        Instant readySince,
        Optional<String> podIp,
        int restartCount,
        Optional<String> containerId) {

    /** What to adopt from {@code pod}: empty unless it reports a start time and a running first container. */
    static Optional<PodAdoption> of(Pod pod) {
        PodStatus status = pod.getStatus();
        if (status == null) {
            return Optional.empty();
        }
        Optional<Instant> started = time(status.getStartTime());
        List<ContainerStatus> containers = status.getContainerStatuses();
        if (started.isEmpty() || containers == null || containers.isEmpty()) {
            return Optional.empty();
        }
        ContainerStatus first = containers.get(0);
        if (first.getState() == null || first.getState().getRunning() == null) {
            return Optional.empty();
        }
        Optional<PodCondition> readyCondition = status.getConditions() == null
                ? Optional.empty()
                : status.getConditions().stream()
                        .filter(c -> "Ready".equals(c.getType()))
                        .findFirst();
        return Optional.of(new PodAdoption(
                started.get(),
                time(first.getState().getRunning().getStartedAt()).orElse(started.get()),
                readyCondition.filter(c -> "True".equals(c.getStatus())).isPresent(),
                readyCondition.flatMap(c -> time(c.getLastTransitionTime())).orElse(started.get()),
                Optional.ofNullable(status.getPodIP()).filter(ip -> !ip.isEmpty()),
                first.getRestartCount() == null ? 0 : first.getRestartCount(),
                Optional.ofNullable(first.getContainerID()).filter(id -> !id.isEmpty())));
    }

    /** Writes what was adopted into the kubelet's memory of the pod. */
    void applyTo(PodRuntime rt) {
        rt.podStartTime = podStarted;
        rt.containerStartedAt = containerStarted;
        rt.restartCount = restartCount;
        rt.ready = ready;
        if (ready) {
            rt.readySince = readySince;
        } else {
            rt.notReadySince = readySince;
        }
        podIp.ifPresent(ip -> rt.podIp = ip);
        containerId.ifPresent(id -> rt.containerId = id);
        rt.adopted = true;
    }

    private static Optional<Instant> time(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
