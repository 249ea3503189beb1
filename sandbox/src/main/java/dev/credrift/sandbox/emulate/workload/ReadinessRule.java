package dev.credrift.sandbox.emulate.workload;

/**
 * What decides whether a running container is ready, before any probe is sent. A fault (a broken rollout, a process
 * whose probe fails for reasons of its own) wins; then the store, when the pod probes it; an adopted container
 * without a store probe keeps the readiness it reported, since the emulator cannot know why it was what it was; any
 * other started container is ready.
 */
enum ReadinessRule {
    /** Not ready, whatever the store says. */
    FAILS,
    /** Ask the store with the container's credential. */
    ASK_THE_STORE,
    /** Keep the readiness the pod reported when it was adopted. */
    AS_REPORTED,
    /** Ready: started, and nothing to judge it by. */
    STARTED_IS_READY;

    /**
     * @param faulted whether a readiness fault applies to the container
     * @param probes  whether the pod probes the store and the emulator has a probe
     * @param adopted whether the container was found running rather than started by this kubelet
     */
    static ReadinessRule of(boolean faulted, boolean probes, boolean adopted) {
        if (faulted) {
            return FAILS;
        }
        if (probes) {
            return ASK_THE_STORE;
        }
        return adopted ? AS_REPORTED : STARTED_IS_READY;
    }
}
