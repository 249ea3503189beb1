package dev.credrift.sandbox.emulate.workload;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The kubelet's memory of one pod's container; touched only on the workload emulator's thread. */
final class PodRuntime {

    final String uid;
    String podIp;
    Instant podStartTime;
    String startFailureReason;
    String startFailureMessage;
    Instant containerStartedAt;
    ResolvedSecrets resolved;
    Optional<Credential> credential = Optional.empty();
    ProbeResult lastProbe;
    Instant lastProbeAt;
    boolean ready;
    Instant readySince;
    Instant notReadySince;
    int restartCount;
    boolean crashLooping;
    Instant backOffUntil;
    Instant lastTerminatedStart;
    Instant lastTerminatedAt;
    String containerId;
    Map<String, Object> lastWrittenStatus;
    /** Found running (see {@link PodAdoption}) rather than started by this kubelet. */
    boolean adopted;
    /** Started while its workload was marked never ready ({@link ReadinessFaults}). */
    boolean startedBroken;

    PodRuntime(String uid) {
        this.uid = uid;
    }

    boolean running() {
        return containerStartedAt != null && !crashLooping;
    }
}
