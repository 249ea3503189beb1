package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.StoreProbe;
import dev.credrift.reconciler.world.Awaited;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.WorkloadRef;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness gate: waits until every rolled workload's rollout is complete (its controller caught up, every pod
 * made from the new template and ready, none of the old left) and the consumers' credential (the replica's) passes
 * the store probe, within the binding's {@code rollout.readinessTimeout}. When time runs out the binding halts:
 * restarted consumers that do not come back are for a human to look at, not for another automatic rollout.
 *
 * <p>Each poll first deletes the rolled OrderedReady StatefulSets' {@link StuckPods stuck pods} (journaled before
 * the delete), since their controller will not replace unready pods by itself. This happens here, not right after
 * the patch, because it must wait until the controller has seen the new template, or the replacements would be
 * made from the old one.
 */
public final class AwaitReadyStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitReadyStep.class);

    private final List<WorkloadRef> workloads;
    private final Exec exec;
    private final ClusterPorts cluster;
    private final StoreProbe probe;
    private final StepTimings timings;
    private final AuthorityGate gate;
    private final CoReads coReads;

    AwaitReadyStep(
            List<WorkloadRef> workloads,
            Exec exec,
            ClusterPorts cluster,
            StoreProbe probe,
            StepTimings timings,
            AuthorityGate gate,
            CoReads coReads) {
        this.workloads = List.copyOf(workloads);
        this.exec = exec;
        this.cluster = cluster;
        this.probe = probe;
        this.timings = timings;
        this.gate = gate;
        this.coReads = coReads;
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        List<String> progress = new ArrayList<>();
        return Poll.until(
                        exec.vertx(),
                        exec.clock(),
                        timings.pollInterval(),
                        c.readinessTimeout(),
                        wake -> cluster.reader()
                                .onChange(
                                        c.binding().id().namespace(), Awaited.consumers(c.binding(), workloads), wake),
                        gate.watching(c, () -> look(c, progress)))
                .compose(watched -> {
                    if (watched.isEmpty()) {
                        return timedOut(c, progress);
                    }
                    return Future.succeededFuture(
                            watched.get() instanceof AuthorityGate.Watched.Seen<String> done
                                    ? new StepOutcome.Done(done.value())
                                    : ((AuthorityGate.Watched.Moved<String>) watched.get()).outcome());
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    // architecture.md §5.1 rule 2: halt only for consumers that fail with a credential the store accepts now — the
    // authority's, and every other binding's replica a rolled workload reads too (a shared workload's pods fail on
    // another binding's refused key: that binding heals it, this one waits and looks again)
    private Future<StepOutcome> timedOut(StepContext c, List<String> progress) {
        String notReady = "the consumers did not become ready within rollout.readinessTimeout "
                + c.binding().spec().rollout().readinessTimeout() + ": " + String.join("; ", progress);
        return gate.look(c, true).compose(verdict -> {
            Optional<StepOutcome> moved = AuthorityGate.outcome(verdict);
            if (moved.isPresent()) {
                return Future.succeededFuture(moved.get());
            }
            return blame(c).map(why -> why.<StepOutcome>map(w -> new StepOutcome.Deferred(
                            "SHARED_CONSUMER_FAILING", notReady + "; not halted: " + w, SharedRollout.retryIn(timings)))
                    .orElseGet(() -> new StepOutcome.Halt(
                            RemediationHalted.Reason.READINESS_GATE_FAILED,
                            notReady + ", while the"
                                    + " store accepts the authority's credential. Automatic remediation is halted until the"
                                    + " spec changes or the binding is annotated credrift.dev/clear-halt")));
        });
    }

    // why the first rolled workload that fails for another binding's sake does, if one does
    private Future<Optional<String>> blame(StepContext c) {
        Future<Optional<String>> found = Future.succeededFuture(Optional.empty());
        for (WorkloadRef ref : workloads) {
            found = found.compose(why -> why.isPresent()
                    ? Future.succeededFuture(why)
                    : coReads.of(c, ref).map(reads -> SharedRollout.failing(ref.describe(), reads)));
        }
        return found;
    }

    private Future<Optional<String>> look(StepContext c, List<String> progress) {
        return releaseStuckPods(c).compose(v -> check(c, progress));
    }

    private Future<Void> releaseStuckPods(StepContext c) {
        return exec.guards()
                .kubernetes()
                .call(exec.context(), c.session().log(), () -> {
                    List<Pod> stuck = new ArrayList<>();
                    for (WorkloadRef ref : workloads) {
                        c.session()
                                .remediation()
                                .restartOf(ref.describe())
                                .ifPresent(restartedAt -> stuck.addAll(
                                        StuckPods.of(cluster.reader().cached(), ref, restartedAt)));
                    }
                    return stuck;
                })
                .compose(stuck -> {
                    if (stuck.isEmpty()) {
                        return Future.succeededFuture();
                    }
                    Set<String> uids =
                            stuck.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
                    return c.session()
                            .updateRemediation(r -> r.withDeletedPods(uids))
                            .compose(v -> exec.guards()
                                    .kubernetes()
                                    .call(exec.context(), c.session().log(), () -> {
                                        for (Pod pod : stuck) {
                                            if (cluster.kube()
                                                    .deletePod(
                                                            pod.getMetadata().getNamespace(),
                                                            pod.getMetadata().getName(),
                                                            pod.getMetadata().getUid())) {
                                                c.session()
                                                        .log()
                                                        .on(LOG.atInfo())
                                                        .log(
                                                                "Deleted unready pod {}/{} from before the rollout: its OrderedReady"
                                                                        + " StatefulSet does not replace unready pods itself",
                                                                pod.getMetadata()
                                                                        .getNamespace(),
                                                                pod.getMetadata()
                                                                        .getName());
                                            }
                                        }
                                        return (Void) null;
                                    }));
                });
    }

    private Future<Optional<String>> check(StepContext c, List<String> progress) {
        return exec.guards()
                .kubernetes()
                .call(exec.context(), c.session().log(), () -> {
                    List<String> states = new ArrayList<>();
                    boolean allComplete = true;
                    for (WorkloadRef ref : workloads) {
                        Optional<ConsumerWorkload> read = cluster.reader().readWorkload(ref, c.replicaSecret());
                        // a later rollout (another binding's, of a workload they share) replaced the pods of ours
                        Optional<String> restartedAt = c.session()
                                .remediation()
                                .restartOf(ref.describe())
                                .map(ours -> read.map(w -> SharedRollout.later(ours, w.restartedAt()))
                                        .orElse(ours));
                        String state = read.map(w -> state(w, restartedAt)).orElse(ref.describe() + " does not exist");
                        allComplete &= read.map(w -> complete(w, restartedAt)).orElse(false);
                        states.add(state);
                    }
                    progress.clear();
                    progress.addAll(states);
                    return allComplete;
                })
                .compose(complete -> complete ? probeConsumers(c, progress) : Future.succeededFuture(Optional.empty()));
    }

    private Future<Optional<String>> probeConsumers(StepContext c, List<String> progress) {
        return exec.guards()
                .kubernetes()
                .call(exec.context(), c.session().log(), () -> cluster.reader().readReplica(c.binding()))
                .compose(hop -> {
                    Optional<Credential> credential =
                            hop.value().flatMap(ReplicaValue::secret).flatMap(ReplicaSecret::credential);
                    if (credential.isEmpty()) {
                        progress.add("the replica holds no usable credential");
                        return Future.succeededFuture(Optional.<String>empty());
                    }
                    return exec.guards()
                            .store()
                            .call(exec.context(), c.session().log(), () -> probe.probe(c.target(), credential.get()))
                            .map(verdict -> {
                                if (verdict instanceof ProbeVerdict.Accepted) {
                                    return Optional.of(String.join("; ", progress) + "; the store accepts the"
                                            + " consumers' credential "
                                            + credential.get().maskedAccessKeyId());
                                }
                                progress.add("the store does not accept the consumers' credential: " + verdict);
                                return Optional.<String>empty();
                            });
                });
    }

    private static boolean complete(ConsumerWorkload w, Optional<String> restartedAt) {
        List<ConsumerPod> pods = w.pods();
        return w.controllerCaughtUp()
                && pods.size() >= w.desiredReplicas()
                && pods.stream().allMatch(ConsumerPod::ready)
                && pods.stream()
                        .allMatch(p -> restartedAt.isEmpty() || p.restartedAt().equals(restartedAt));
    }

    private static String state(ConsumerWorkload w, Optional<String> restartedAt) {
        long replaced = w.pods().stream()
                .filter(p -> restartedAt.isEmpty() || p.restartedAt().equals(restartedAt))
                .count();
        long ready = w.pods().stream()
                .filter(p ->
                        p.ready() && (restartedAt.isEmpty() || p.restartedAt().equals(restartedAt)))
                .count();
        return w.ref().describe() + ": " + ready + "/" + w.desiredReplicas() + " pods ready"
                + (restartedAt.isPresent()
                        ? " from the rollout (" + replaced + " replaced, "
                                + w.pods().size() + " in all)"
                        : "")
                + (w.controllerCaughtUp() ? "" : ", controller has not caught up");
    }
}
