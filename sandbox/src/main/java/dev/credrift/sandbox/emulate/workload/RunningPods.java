package dev.credrift.sandbox.emulate.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;

/**
 * Pods of a world that begins mid-life: made by their controller and started by the kubelet some time before the
 * emulator looks. Create one before its workload — an orphan its controller then adopts (see
 * {@link StatefulSetController}) — and the kubelet takes its container over as running ({@link PodAdoption}),
 * keeping its start time and readiness.
 */
public final class RunningPods {

    private RunningPods() {}

    /**
     * Pod {@code <set>-<ordinal>} as the StatefulSet controller made it from the set's current template (so it is
     * not rolled when adopted), with the status the kubelet reported for it: running since {@code started}, ready
     * or not since then.
     */
    public static Pod ofStatefulSet(StatefulSet set, int ordinal, Instant started, boolean ready) {
        String name = set.getMetadata().getName() + "-" + ordinal;
        PodTemplateSpec copy =
                Serialization.jsonMapper().convertValue(set.getSpec().getTemplate(), PodTemplateSpec.class);
        Pod pod = PodFactory.fromTemplate(
                set.getMetadata().getNamespace(),
                name,
                copy,
                StatefulSetController.labels(set, ordinal, StatefulSetController.updateRevision(set)),
                StatefulSetController.identity(set, name),
                List.of());
        PodRuntime rt = new PodRuntime("");
        rt.podIp = Kubelet.nextPodIp();
        rt.podStartTime = started;
        rt.containerStartedAt = started;
        rt.containerId = Kubelet.newContainerId();
        rt.ready = ready;
        rt.readySince = started;
        rt.notReadySince = started;
        pod.setStatus(Serialization.jsonMapper()
                .convertValue(
                        Kubelet.withoutNulls(Kubelet.status(pod, rt, WorkloadSettings.kubernetesDefaults())),
                        PodStatus.class));
        return pod;
    }
}
