package dev.credrift.reconciler.assess;

import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Judges whether a consumer workload's pods are fresh and ready. Pure. */
public final class Freshness {

    /**
     * How long before a change time inferred on first sight a ready pod may have started and still count as fresh.
     * That time is the replica's metadata time (managedFields, else creationTimestamp): only an upper bound of when
     * its content changed, and in a world built at once (install, a benchmark, a busy or slow API server) ESO may
     * write the Secret seconds after the pods that read it started. At N = 300 on a slow API this restarted healthy
     * workloads whose pods started in the second before (issue 13). Pods older than this (credrift installed after
     * a rotation) are still stale; a pod not ready is judged as before.
     */
    static final Duration FIRST_SIGHT_SLACK = Duration.ofMinutes(1);

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
        return judge(workload, replicaChange, Optional.empty(), now);
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
        Optional<Instant> replicaChangedAt = replicaChange.map(ReplicaMark::changedAt);
        boolean inferred = replicaChange.map(ReplicaMark::inferred).orElse(false);
        boolean stale = false;
        boolean allReady = true;
        List<String> details = new ArrayList<>();
        for (ConsumerPod pod : workload.pods()) {
            List<String> reasons = new ArrayList<>();
            Set<SecretMount> reads = pod.reads().isEmpty() ? workload.readsVia() : pod.reads();
            boolean refreshedByKubelet =
                    volumeMountsRefresh && !reads.isEmpty() && reads.stream().allMatch(r -> r == SecretMount.VOLUME);
            boolean staleByStart = replicaChangedAt.isPresent()
                    && startedBefore(pod, replicaChangedAt.get(), inferred)
                    && !refreshedByKubelet;
            if (staleByStart) {
                stale = true;
                reasons.add("started at " + pod.startedAt().get() + ", before the replica changed at "
                        + replicaChangedAt.get() + how(reads));
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
        long readyPods = workload.pods().stream().filter(ConsumerPod::ready).count();
        if (readyPods < workload.desiredReplicas()) {
            allReady = false;
            details.add(readyPods + "/" + workload.desiredReplicas() + " pods ready");
        }
        String detail = workload.ref().describe()
                + (details.isEmpty() ? ": fresh and ready" : ": " + String.join("; ", details));
        return new ConsumerVerdict(workload.ref(), stale, allReady, workload.rollBlocker(), detail);
    }

    // The API reports start times in whole seconds. A pod that started in the very second of an observed change is
    // stale unless the rollout that made it came after the change (its restartedAt says so): better one restart too
    // many than a pod left with the old key; the pods of our own rollout are never judged stale again. When the change
    // time was only inferred on first sight (install: Secret and pods created together; an env pod cannot even start
    // before its Secret exists), a ready pod of that second, or up to FIRST_SIGHT_SLACK before it, is fresh: restarting
    // healthy pods on that ambiguity is the storm docs/architecture.md §1 warns about, and a pod that did read a
    // revoked key fails readiness and is caught by that rule.
    private static boolean startedBefore(ConsumerPod pod, Instant changedAt, boolean inferred) {
        if (pod.startedAt().isEmpty()) {
            return false;
        }
        Instant changed = changedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant started = pod.startedAt().get().truncatedTo(ChronoUnit.SECONDS);
        if (inferred) {
            // the slack holds whether or not the pod is ready yet: it was judged fresh once ready anyway, and judging
            // it stale while it starts restarted starting pods of a world built at once (38 of 300 in the scale
            // benchmark; StillWorldIT under CI load); one that read an older, refused value fails readiness and is
            // caught by the not-ready rules (grace, refusal)
            return started.isBefore(changed.minus(FIRST_SIGHT_SLACK));
        }
        if (started.isBefore(changed)) {
            return true;
        }
        if (started.isAfter(changed)) {
            return false;
        }
        return pod.restartedAt()
                .flatMap(Freshness::time)
                .filter(r -> !r.isBefore(changed))
                .isEmpty();
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
