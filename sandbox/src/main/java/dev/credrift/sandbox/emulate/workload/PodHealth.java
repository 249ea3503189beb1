package dev.credrift.sandbox.emulate.workload;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import java.time.Instant;
import java.util.Optional;

/**
 * What the emulated kubelet knows about one pod's process — what the Kubernetes API does not show: the credential
 * the container read when it last started and what the store said to it.
 *
 * @param namespace        the pod's namespace
 * @param name             the pod's name
 * @param uid              the pod's uid
 * @param owner            the workload that owns it, if any
 * @param started          whether the container is running (or crash-looping after a start)
 * @param startFailure     why the container could not start, e.g. {@code secret "x" not found}
 * @param containerStarted when the container last started
 * @param credential       the credential it read then (prints masked), if it found one
 * @param lastProbe        the store's last answer, if probed
 * @param ready            whether the pod is ready
 * @param restartCount     container restarts so far
 * @param revision         the template revision the pod was made from ({@code controller-revision-hash} or
 *                         {@code pod-template-hash}), if any
 */
public record PodHealth(
        String namespace,
        String name,
        String uid,
        Optional<WorkloadRef> owner,
        boolean started,
        Optional<String> startFailure,
        Optional<Instant> containerStarted,
        Optional<Credential> credential,
        Optional<ProbeResult> lastProbe,
        boolean ready,
        int restartCount,
        Optional<String> revision) {

    /** Whether the store refused the pod's credential for an authentication reason (not TLS, not reachability). */
    public boolean authRejected() {
        return lastProbe.filter(p -> p instanceof ProbeResult.Rejected).isPresent();
    }

    /** The last probe's S3 error code, e.g. {@code InvalidAccessKeyId}. */
    public Optional<String> rejectionCode() {
        return lastProbe.filter(p -> p instanceof ProbeResult.Rejected).map(p -> ((ProbeResult.Rejected) p).code());
    }
}
