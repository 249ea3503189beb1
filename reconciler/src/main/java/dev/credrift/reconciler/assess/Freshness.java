package dev.credrift.reconciler.assess;

import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges whether a consumer workload's pods are fresh and ready: by their start ({@link OnReplica}, the rule the roll
 * step judges by too) and by their readiness. Pure.
 */
public final class Freshness {

    private final Duration notReadyGrace;
    private final boolean volumeMountsRefresh;

    /**
     * @param notReadyGrace       how long a pod may be not ready after its start before it counts as stale
     * @param volumeMountsRefresh whether pods that read the replica only as a whole-Secret volume see its changes
     *                            without a restart (the kubelet refreshes the files; most S3 clients do not re-read)
     */
    public Freshness(Duration notReadyGrace, boolean volumeMountsRefresh) {
        this.notReadyGrace = Objects.requireNonNull(notReadyGrace, "notReadyGrace");
        this.volumeMountsRefresh = volumeMountsRefresh;
    }

    /**
     * @param replicaChange the replica's current mark, if known (it must hold the fingerprint the pods should read)
     */
    public ConsumerVerdict judge(ConsumerWorkload workload, Optional<ReplicaMark> replicaChange, Instant now) {
        return judge(workload, OnReplica.History.of(replicaChange), Optional.empty(), now);
    }

    /**
     * @param replicaChange the replica's current mark, if known (it must hold the fingerprint the pods should read)
     * @param refusal       the store refused the replica's credential, which pods started since the change read: a
     *                      pod not ready while holding it fails on auth, so it is stale at once (no grace)
     */
    public ConsumerVerdict judge(
            ConsumerWorkload workload,
            Optional<ReplicaMark> replicaChange,
            Optional<CredentialRefusal> refusal,
            Instant now) {
        return judge(workload, OnReplica.History.of(replicaChange), refusal, now);
    }

    /**
     * The judgement the assessment and the roll step both make, from the same inputs.
     *
     * @param history what is known of the replica's history ({@link OnReplica.History#of}: the mark must be of what
     *                the replica holds now)
     * @param refusal the store refused the replica's credential, which pods started since the change read: a pod not
     *                ready while holding it fails on auth, so it is stale at once (no grace)
     */
    public ConsumerVerdict judge(
            ConsumerWorkload workload, OnReplica.History history, Optional<CredentialRefusal> refusal, Instant now) {
        Optional<Instant> replicaChangedAt = history.change().map(ReplicaMark::changedAt);
        boolean stale = false;
        boolean allReady = true;
        List<String> details = new ArrayList<>();
        for (ConsumerPod pod : workload.pods()) {
            List<String> reasons = new ArrayList<>();
            Set<SecretMount> reads = pod.reads().isEmpty() ? workload.readsVia() : pod.reads();
            boolean staleByStart = OnReplica.startedBefore(pod.startedAt(), pod.restartedAt(), history, now)
                    && !refreshedByKubelet(reads);
            if (staleByStart) {
                stale = true;
                reasons.add(pod.startedAt().map(s -> "started at " + s).orElse("not started yet")
                        + ", before the replica changed at " + replicaChangedAt.orElseThrow()
                        + sameSecond(pod.startedAt().orElse(now), pod.restartedAt(), replicaChangedAt.get())
                        + how(reads));
            }
            Optional<CredentialRefusal> failsOnAuth = refusal.filter(r -> !staleByStart && r.heldBy(pod.startedAt()));
            if (!pod.ready() && failsOnAuth.isPresent()) {
                allReady = false;
                stale = true;
                reasons.add("not ready: the store refuses the credential it reads ("
                        + failsOnAuth.get().reason() + ")");
            } else if (!pod.ready()) {
                allReady = false;
                // the grace is for readiness failures whose cause cannot be told: a failed start, not a slow one
                boolean pastGrace = pod.startedAt()
                        .map(s -> !s.plus(notReadyGrace).isAfter(now))
                        .orElse(false);
                if (pastGrace) {
                    stale = true;
                    reasons.add("not ready more than " + notReadyGrace.toSeconds() + " s after its start");
                } else {
                    reasons.add("not ready yet (starting)");
                }
            }
            if (!reasons.isEmpty()) {
                details.add("pod " + pod.name() + " " + String.join(", ", reasons));
            }
        }
        // pods still to be made (a rollout in the middle of replacing them) come from the template and start now at
        // the earliest: judged as such, a read between a pod's deletion and its replacement judges like the next one
        int missing = workload.desiredReplicas() - workload.pods().size();
        if (missing > 0
                && OnReplica.startedBefore(Optional.empty(), workload.restartedAt(), history, now)
                && !refreshedByKubelet(workload.readsVia())) {
            stale = true;
            details.add(missing + " pod(s) still to be made from the template would start in the second the replica"
                    + " changed at " + replicaChangedAt.orElseThrow()
                    + sameSecond(now, workload.restartedAt(), replicaChangedAt.get()));
        }
        long readyPods = workload.pods().stream().filter(ConsumerPod::ready).count();
        if (readyPods < workload.desiredReplicas()) {
            allReady = false;
            details.add(readyPods + "/" + workload.desiredReplicas() + " pods ready");
        }
        String detail = workload.ref().describe()
                + (details.isEmpty() ? ": fresh and ready" : ": " + String.join("; ", details));
        return new ConsumerVerdict(workload.ref(), stale, allReady, workload.rollBlocker(), detail);
    }

    private boolean refreshedByKubelet(Set<SecretMount> reads) {
        return volumeMountsRefresh && !reads.isEmpty() && reads.stream().allMatch(r -> r == SecretMount.VOLUME);
    }

    // why a pod of the change's own second counts as started before it: the rollout that made it did not follow it
    private static String sameSecond(Instant started, Optional<String> stamp, Instant changedAt) {
        if (!started.truncatedTo(ChronoUnit.SECONDS).equals(changedAt.truncatedTo(ChronoUnit.SECONDS))) {
            return "";
        }
        return stamp.map(s -> " in the same second, from the rollout stamped " + s + ", made before the change")
                .orElse(" in the same second, from no rollout after it");
    }

    private static String how(Set<SecretMount> reads) {
        if (reads.contains(SecretMount.ENV)) {
            return " (it reads it through env, fixed at container start)";
        }
        if (reads.contains(SecretMount.SUB_PATH)) {
            return " (it reads it through a subPath mount, fixed at container start)";
        }
        return "";
    }
}
