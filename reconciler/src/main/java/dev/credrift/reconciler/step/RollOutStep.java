package dev.credrift.reconciler.step;

import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.CredentialRefusal;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.assess.OnReplica;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.resilience.RolloutBudget;
import dev.credrift.reconciler.world.ConsumerPod;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.RollBlocker;
import dev.credrift.reconciler.world.WorkloadRef;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rollout-restarts one workload if it is still stale: sets its pod template's {@code restartedAt}, as {@code
 * kubectl rollout restart} does. Before the patch it charges the binding's budget (halting when it is spent), takes
 * one restart from the global budget (deferring when it is spent), and journals the value; on resume the journaled
 * value is applied again, which changes nothing if the first patch landed. Exactly one rollout per workload per
 * remediation, crash or not.
 *
 * <p>A workload that also reads other bindings' replicas is rolled only when the store accepts every credential its
 * pods read, and not at all when a rollout another binding started after this replica changed is under way: the
 * step joins that one instead ({@link SharedRollout}). It waits for either up to {@code awaitReplica}, then defers.
 */
public final class RollOutStep implements Step {

    private final WorkloadRef workload;
    private final Exec exec;
    private final ClusterPorts cluster;
    private final RolloutPolicy rollout;
    private final AuthorityGate gate;
    private final CoReads coReads;

    RollOutStep(
            WorkloadRef workload,
            Exec exec,
            ClusterPorts cluster,
            RolloutPolicy rollout,
            AuthorityGate gate,
            CoReads coReads) {
        this.workload = Objects.requireNonNull(workload, "workload");
        this.exec = exec;
        this.cluster = cluster;
        this.rollout = rollout;
        this.gate = gate;
        this.coReads = coReads;
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        Optional<String> journaled = c.session().remediation().restartOf(workload.describe());
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        c.session().log(),
                        () -> cluster.reader().readWorkload(workload, c.replicaSecret()))
                .compose(read -> {
                    if (read.isEmpty()) {
                        return Future.succeededFuture((StepOutcome) new StepOutcome.Failed(
                                "MISSING_OBJECT", workload.describe() + " does not exist", false));
                    }
                    return journaled.isPresent() ? apply(c, read.get(), journaled.get()) : decide(c, read.get());
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    private Future<StepOutcome> decide(StepContext c, ConsumerWorkload read) {
        Optional<ReplicaMark> change =
                c.session().entry().replicaMark().filter(m -> m.fingerprint().equals(c.authorityFingerprint()));
        ConsumerVerdict verdict = judge(c, read, change);
        if (!verdict.stale()) {
            return Future.succeededFuture(new StepOutcome.AlreadyDone("not rolled: " + verdict.detail()));
        }
        if (verdict.rollBlocker().isPresent()) {
            RollBlocker blocker = verdict.rollBlocker().get();
            return Future.succeededFuture(new StepOutcome.Failed(
                    blocker.kind() == RollBlocker.Kind.PAUSED ? "CONSUMER_PAUSED" : "ROLLOUT_BLOCKED",
                    blocker.notRolled(),
                    false));
        }
        // other bindings' replicas the workload reads: wait (bounded) until the store accepts each, or until a
        // rollout another binding started covers this one (architecture.md §5.1 rules 1 and 3)
        Looked[] last = {null};
        return Poll.until(
                        exec.vertx(),
                        exec.clock(),
                        rollout.timings().pollInterval(),
                        rollout.timings().awaitReplica(),
                        gate.watching(c, () -> look(c, change, last)))
                .compose(watched -> {
                    if (watched.isEmpty()) {
                        SharedRollout.Wait wait = (SharedRollout.Wait) last[0].decision();
                        return Future.succeededFuture(new StepOutcome.Deferred(
                                wait.code(), wait.detail(), SharedRollout.retryIn(rollout.timings())));
                    }
                    if (watched.get() instanceof AuthorityGate.Watched.Moved<Looked> moved) {
                        return Future.succeededFuture(moved.outcome());
                    }
                    Looked looked = ((AuthorityGate.Watched.Seen<Looked>) watched.get()).value();
                    if (!looked.verdict().stale()) {
                        return Future.succeededFuture(new StepOutcome.AlreadyDone(
                                "not rolled: " + looked.verdict().detail()));
                    }
                    // the wait may have outlived the runner's fresh look at the authority: look again
                    return gate.look(c, true)
                            .compose(fresh -> AuthorityGate.outcome(fresh)
                                    .map(Future::succeededFuture)
                                    .orElseGet(() -> act(c, change, looked)));
                });
    }

    // decided again without I/O, so that no other binding claims the workload between the decision and the journal
    private Future<StepOutcome> act(StepContext c, Optional<ReplicaMark> change, Looked looked) {
        SharedRollout.Decision now = decision(c, change, looked.read(), looked.coReads());
        if (now instanceof SharedRollout.Join join) {
            return c.session()
                    .updateRemediation(r -> r.withRestart(workload.describe(), join.restartedAt()))
                    .map(v -> (StepOutcome) new StepOutcome.AlreadyDone(join.detail()));
        }
        if (now instanceof SharedRollout.Wait wait) {
            return Future.succeededFuture(
                    new StepOutcome.Deferred(wait.code(), wait.detail(), SharedRollout.retryIn(rollout.timings())));
        }
        return roll(c, looked.read(), looked.verdict(), now.detail());
    }

    // what one look saw: the workload, whether it is still stale, the other credentials it reads, and the decision
    private record Looked(
            ConsumerWorkload read, ConsumerVerdict verdict, List<CoRead> coReads, SharedRollout.Decision decision) {}

    private Future<Optional<Looked>> look(StepContext c, Optional<ReplicaMark> change, Looked[] last) {
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        c.session().log(),
                        () -> cluster.reader().readWorkload(workload, c.replicaSecret()))
                .compose(read -> {
                    if (read.isEmpty()) {
                        return Future.failedFuture(
                                new KubeGateway.MissingObject(workload.describe() + " does not exist"));
                    }
                    ConsumerVerdict verdict = judge(c, read.get(), change);
                    if (!verdict.stale()) {
                        return Future.succeededFuture(
                                Optional.of(new Looked(read.get(), verdict, List.of(), new SharedRollout.Roll(""))));
                    }
                    return coReads.of(c, workload).map(coReads -> {
                        SharedRollout.Decision decision = decision(c, change, read.get(), coReads);
                        last[0] = new Looked(read.get(), verdict, coReads, decision);
                        return decision instanceof SharedRollout.Wait ? Optional.<Looked>empty() : Optional.of(last[0]);
                    });
                });
    }

    private SharedRollout.Decision decision(
            StepContext c, Optional<ReplicaMark> change, ConsumerWorkload read, List<CoRead> coReads) {
        List<SharedRollout.Claim> claims = new ArrayList<>();
        c.session()
                .others()
                .forEach((id, entry) -> entry.openRemediation()
                        .flatMap(r -> r.restartOf(workload.describe()))
                        .ifPresent(value -> claims.add(new SharedRollout.Claim(id.toString(), value))));
        return SharedRollout.decide(
                workload.describe(),
                change.map(ReplicaMark::changedAt),
                c.session().entry().restarts(),
                claims,
                read.restartedAt(),
                read.pods().stream().map(ConsumerPod::restartedAt).toList(),
                coReads);
    }

    private ConsumerVerdict judge(StepContext c, ConsumerWorkload read, Optional<ReplicaMark> change) {
        OpenRemediation planned = c.session().remediation();
        return judge(
                rollout.freshness(),
                read,
                new OnReplica.History(change, c.session().entry().restarts()),
                CredentialRefusal.whenPlanned(planned.driftClass(), planned.startedAt()),
                exec.clock().instant());
    }

    /**
     * The step's judgement of the workload: the assessment's ({@link dev.credrift.reconciler.assess.Assessor}), from
     * the same inputs — the replica's mark and the binding's journaled rollouts — so that the step never skips a pod
     * the final assessment then calls stale, nor rolls one it calls fresh. Only the evidence of a refusal is the
     * plan's (a pod refused before a step made the store accept the key stays unready until restarted).
     */
    static ConsumerVerdict judge(
            Freshness freshness,
            ConsumerWorkload read,
            OnReplica.History history,
            Optional<CredentialRefusal> plannedRefusal,
            Instant now) {
        return freshness.judge(read, history, plannedRefusal, now);
    }

    private Future<StepOutcome> roll(StepContext c, ConsumerWorkload read, ConsumerVerdict verdict, String alsoRead) {
        Instant now = exec.clock().instant();
        OpenRemediation remediation = c.session().remediation();
        List<Instant> window = RolloutBudget.inWindow(c.session().entry().rollouts(), now);
        // a spent budget defers, never fails (architecture.md §5.1 rule 4); a source that keeps moving halts as
        // flapping
        if (!remediation.budgetCharged() && !RolloutBudget.bindingAllows(window, c.maxPerHour(), now)) {
            return Future.succeededFuture(new StepOutcome.Deferred(
                    "BINDING_ROLLOUT_LIMIT",
                    "the binding's"
                            + " consumers were rolled " + window.size()
                            + " time(s) in the last hour (rollout.maxPerHour "
                            + c.maxPerHour() + "): " + workload.describe() + " is rolled once the hour allows",
                    RolloutBudget.refillsIn(window, now)));
        }
        if (!rollout.budget().takeGlobal(now)) {
            return Future.succeededFuture(new StepOutcome.Deferred(
                    "GLOBAL_ROLLOUT_LIMIT",
                    "the global rollout budget" + " is spent for this hour: " + workload.describe()
                            + " will be rolled later",
                    rollout.timings().globalDeferral()));
        }
        String value = RolloutStamp.next(now, read.restartedAt());
        return c.session()
                .update(entry -> {
                    OpenRemediation r = entry.openRemediation().orElseThrow().withRestart(workload.describe(), value);
                    List<Instant> rollouts = entry.rollouts();
                    if (!r.budgetCharged()) {
                        r = r.withBudgetCharged();
                        List<Instant> charged = new ArrayList<>(RolloutBudget.inWindow(rollouts, now));
                        charged.add(now);
                        rollouts = charged;
                    }
                    List<Instant> restarts = new ArrayList<>(RolloutBudget.inWindow(entry.restarts(), now));
                    restarts.add(now);
                    return entry.withRemediation(r).withRollouts(rollouts).withRestarts(restarts);
                })
                .compose(v -> patch(c, value))
                .map(v -> (StepOutcome) new StepOutcome.Done("set "
                        + KubeGateway.RESTARTED_AT + "=" + value + " on " + workload.describe() + " ("
                        + verdict.detail()
                        + (alsoRead.isEmpty() ? "" : "; " + alsoRead) + ")"));
    }

    private Future<StepOutcome> apply(StepContext c, ConsumerWorkload read, String value) {
        if (read.restartedAt().filter(value::equals).isPresent()) {
            return Future.succeededFuture(new StepOutcome.AlreadyDone(
                    workload.describe() + " already carries " + KubeGateway.RESTARTED_AT + "=" + value));
        }
        return patch(c, value)
                .map(v -> new StepOutcome.Done("set " + KubeGateway.RESTARTED_AT + "=" + value + " on "
                        + workload.describe() + " (journaled before an interruption)"));
    }

    private Future<Void> patch(StepContext c, String value) {
        return exec.guards().kubernetes().call(exec.context(), c.session().log(), () -> {
            cluster.kube().restart(workload, value);
            return null;
        });
    }
}
