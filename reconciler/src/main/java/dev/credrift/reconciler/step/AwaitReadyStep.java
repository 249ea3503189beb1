package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.WorkloadRef;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The readiness gate: waits until every rolled workload's rollout is complete (its controller caught up, every pod
 * made from the new template and ready, none of the old left) and the consumers' credential (the replica's) passes
 * the store probe, within the binding's {@code rollout.readinessTimeout}. When time runs out the binding halts:
 * restarted consumers that do not come back are for a human to look at, not for another automatic rollout.
 */
public final class AwaitReadyStep implements Step {

    private final List<WorkloadRef> workloads;

    public AwaitReadyStep(List<WorkloadRef> workloads) {
        this.workloads = List.copyOf(workloads);
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        StepTools t = c.tools();
        List<String> progress = new ArrayList<>();
        return Poll.until(t.vertx(), t.clock(), t.timings().pollInterval(), c.readinessTimeout(),
                () -> look(c, progress))
                .map(done -> done.isPresent() ? (StepOutcome) new StepOutcome.Done(done.get())
                        : new StepOutcome.Halt(RemediationHalted.Reason.READINESS_GATE_FAILED, "the consumers did not"
                                + " become ready within rollout.readinessTimeout "
                                + c.binding().spec().rollout().readinessTimeout() + ": " + String.join("; ", progress)
                                + ". Automatic remediation is halted until the spec changes or the binding is"
                                + " annotated credrift.dev/clear-halt"))
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    private Future<Optional<String>> look(StepContext c, List<String> progress) {
        StepTools t = c.tools();
        return t.guards().kubernetes().call(t.context(), () -> {
            List<String> states = new ArrayList<>();
            boolean allComplete = true;
            for (WorkloadRef ref : workloads) {
                Optional<ConsumerWorkload> read = t.reader().readWorkload(ref, c.replicaSecret());
                Optional<String> restartedAt = c.session().remediation().restartOf(ref.describe());
                String state = read.map(w -> state(w, restartedAt)).orElse(ref.describe() + " does not exist");
                allComplete &= read.map(w -> complete(w, restartedAt)).orElse(false);
                states.add(state);
            }
            progress.clear();
            progress.addAll(states);
            return allComplete;
        }).compose(complete -> complete ? probeConsumers(c, progress) : Future.succeededFuture(Optional.empty()));
    }

    private Future<Optional<String>> probeConsumers(StepContext c, List<String> progress) {
        StepTools t = c.tools();
        return t.guards().kubernetes().call(t.context(), () -> t.reader().readReplica(c.binding()))
                .compose(hop -> {
                    Optional<Credential> credential = hop.value().flatMap(ReplicaValue::secret)
                            .flatMap(ReplicaSecret::credential);
                    if (credential.isEmpty()) {
                        progress.add("the replica holds no usable credential");
                        return Future.succeededFuture(Optional.<String>empty());
                    }
                    return t.guards().store().call(t.context(), () -> t.probe().probe(c.target(), credential.get()))
                            .map(verdict -> {
                                if (verdict instanceof ProbeVerdict.Accepted) {
                                    return Optional.of(String.join("; ", progress) + "; the store accepts the"
                                            + " consumers' credential " + credential.get().maskedAccessKeyId());
                                }
                                progress.add("the store does not accept the consumers' credential: " + verdict);
                                return Optional.<String>empty();
                            });
                });
    }

    private static boolean complete(ConsumerWorkload w, Optional<String> restartedAt) {
        List<ConsumerPod> pods = w.pods();
        return w.controllerCaughtUp() && pods.size() >= w.desiredReplicas()
                && pods.stream().allMatch(ConsumerPod::ready)
                && pods.stream().allMatch(p -> restartedAt.isEmpty() || p.restartedAt().equals(restartedAt));
    }

    private static String state(ConsumerWorkload w, Optional<String> restartedAt) {
        long replaced = w.pods().stream()
                .filter(p -> restartedAt.isEmpty() || p.restartedAt().equals(restartedAt)).count();
        long ready = w.pods().stream()
                .filter(p -> p.ready() && (restartedAt.isEmpty() || p.restartedAt().equals(restartedAt))).count();
        return w.ref().describe() + ": " + ready + "/" + w.desiredReplicas() + " pods ready"
                + (restartedAt.isPresent() ? " from the rollout (" + replaced + " replaced, " + w.pods().size()
                        + " in all)" : "")
                + (w.controllerCaughtUp() ? "" : ", controller has not caught up");
    }
}
