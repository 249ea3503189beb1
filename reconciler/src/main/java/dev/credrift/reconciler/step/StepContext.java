package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.world.BoundBinding;
import java.time.Duration;

/**
 * One remediation's inputs: the binding as planned, the authority's credential (in memory only), where to probe it,
 * the journal session. What the steps use to act comes with them ({@link Steps}), not with the run.
 *
 * @param readinessTimeout the binding's {@code rollout.readinessTimeout}
 * @param maxPerHour       the binding's {@code rollout.maxPerHour}
 * @param replicaSecret    the name of the replica Secret (the ExternalSecret's target)
 */
public record StepContext(
        BoundBinding binding,
        Credential authority,
        Fingerprint authorityFingerprint,
        ProbeTarget target,
        Duration readinessTimeout,
        int maxPerHour,
        String replicaSecret,
        RemediationSession session) {}
