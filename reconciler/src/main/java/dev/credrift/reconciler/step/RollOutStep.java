package dev.credrift.reconciler.step;

import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.CredentialRefusal;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.resilience.RolloutBudget;
import dev.credrift.reconciler.world.ConsumerWorkload;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.RollBlocker;
import dev.credrift.reconciler.world.WorkloadRef;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 */
public final class RollOutStep implements Step {

    private final WorkloadRef workload;

    public RollOutStep(WorkloadRef workload) {
        this.workload = Objects.requireNonNull(workload, "workload");
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        StepTools t = c.tools();
        Optional<String> journaled = c.session().remediation().restartOf(workload.describe());
        return t.guards().kubernetes().call(t.context(), c.session().log(),
                        () -> t.reader().readWorkload(workload, c.replicaSecret()))
                .compose(read -> {
                    if (read.isEmpty()) {
                        return Future.succeededFuture((StepOutcome) new StepOutcome.Failed("MISSING_OBJECT",
                                workload.describe() + " does not exist", false));
                    }
                    return journaled.isPresent() ? apply(c, read.get(), journaled.get()) : decide(c, read.get());
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    private Future<StepOutcome> decide(StepContext c, ConsumerWorkload read) {
        StepTools t = c.tools();
        Instant now = t.clock().instant();
        Optional<ReplicaMark> change = c.session().entry().replicaMark()
                .filter(m -> m.fingerprint().equals(c.authorityFingerprint()));
        OpenRemediation planned = c.session().remediation();
        ConsumerVerdict verdict = t.freshness().judge(read, change,
                CredentialRefusal.whenPlanned(planned.driftClass(), planned.startedAt()), now);
        if (!verdict.stale()) {
            return Future.succeededFuture(new StepOutcome.AlreadyDone("not rolled: " + verdict.detail()));
        }
        if (verdict.rollBlocker().isPresent()) {
            RollBlocker blocker = verdict.rollBlocker().get();
            return Future.succeededFuture(new StepOutcome.Failed(blocker.kind() == RollBlocker.Kind.PAUSED
                    ? "CONSUMER_PAUSED" : "ROLLOUT_BLOCKED", blocker.notRolled(), false));
        }
        OpenRemediation remediation = c.session().remediation();
        List<Instant> window = RolloutBudget.inWindow(c.session().entry().rollouts(), now);
        // a spent budget defers, never fails (architecture.md §5.1 rule 4); a source that keeps moving halts as flapping
        if (!remediation.budgetCharged() && !RolloutBudget.bindingAllows(window, c.maxPerHour(), now)) {
            return Future.succeededFuture(new StepOutcome.Deferred("BINDING_ROLLOUT_LIMIT", "the binding's"
                    + " consumers were rolled " + window.size() + " time(s) in the last hour (rollout.maxPerHour "
                    + c.maxPerHour() + "): " + workload.describe() + " is rolled once the hour allows",
                    RolloutBudget.refillsIn(window, now)));
        }
        if (!t.budget().takeGlobal(now)) {
            return Future.succeededFuture(new StepOutcome.Deferred("GLOBAL_ROLLOUT_LIMIT", "the global rollout budget"
                    + " is spent for this hour: " + workload.describe() + " will be rolled later",
                    t.timings().globalDeferral()));
        }
        String value = now.truncatedTo(ChronoUnit.SECONDS).toString();
        return c.session().update(entry -> {
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
        }).compose(v -> patch(c, value)).map(v -> (StepOutcome) new StepOutcome.Done("set "
                + KubeGateway.RESTARTED_AT + "=" + value + " on " + workload.describe() + " (" + verdict.detail()
                + ")"));
    }

    private Future<StepOutcome> apply(StepContext c, ConsumerWorkload read, String value) {
        if (read.restartedAt().filter(value::equals).isPresent()) {
            return Future.succeededFuture(new StepOutcome.AlreadyDone(workload.describe() + " already carries "
                    + KubeGateway.RESTARTED_AT + "=" + value));
        }
        return patch(c, value).map(v -> new StepOutcome.Done("set " + KubeGateway.RESTARTED_AT + "=" + value
                + " on " + workload.describe() + " (journaled before an interruption)"));
    }

    private Future<Void> patch(StepContext c, String value) {
        StepTools t = c.tools();
        return t.guards().kubernetes().call(t.context(), c.session().log(), () -> {
            t.kube().restart(workload, value);
            return null;
        });
    }
}
