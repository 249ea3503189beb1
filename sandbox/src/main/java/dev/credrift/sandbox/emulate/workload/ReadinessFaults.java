package dev.credrift.sandbox.emulate.workload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness failures that have nothing to do with the store: a workload whose new containers never pass their
 * readiness probe (a rollout of a broken image or config), and single pods whose probe fails from some moment on
 * (the process stopped answering). Set by tests and the sandbox; read by the kubelet. Thread-safe.
 */
final class ReadinessFaults {

    private final Set<WorkloadRef> neverReady = ConcurrentHashMap.newKeySet();
    private final Set<String> failingPods = ConcurrentHashMap.newKeySet();

    void neverReady(WorkloadRef workload) {
        neverReady.add(workload);
    }

    void readyAgain(WorkloadRef workload) {
        neverReady.remove(workload);
    }

    /** Whether containers of {@code workload} started now would never become ready. */
    boolean startsBroken(WorkloadRef workload) {
        return neverReady.contains(workload);
    }

    void failFromNowOn(String podUid) {
        failingPods.add(podUid);
    }

    boolean failing(String podUid) {
        return failingPods.contains(podUid);
    }

    /** Forgets a pod that is gone (a new pod of the same name is a new process). */
    void forget(String podUid) {
        failingPods.remove(podUid);
    }
}
