package dev.credrift.reconciler.step;

import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.StepHook;
import dev.credrift.reconciler.journal.AuditHead;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.Outcomes;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a remediation's steps one after the other from the first one not journaled as completed. After each step:
 * its outcome event and audit record (acknowledged), then its completion in the journal (acknowledged), then the
 * next step. A crash between the two repeats the step on resume, which finds its work done: at-least-once outcomes,
 * exactly-once effects.
 */
public final class RemediationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RemediationRunner.class);

    private final Outcomes outcomes;
    private final AuditTrail audit;
    private final ReconcilerMetrics metrics;
    private final StepHook hook;
    private final BooleanSupplier stopped;
    private final Clock clock;
    private final Steps steps;

    public RemediationRunner(
            Outcomes outcomes,
            AuditTrail audit,
            ReconcilerMetrics metrics,
            StepHook hook,
            BooleanSupplier stopped,
            Clock clock,
            Steps steps) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.stopped = Objects.requireNonNull(stopped, "stopped");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    /**
     * @param before the hops' fingerprints when the remediation was assessed, for the audit's before/after
     */
    public Future<RunResult> run(StepContext c, List<Action> actions, HopFingerprints before) {
        return step(c, actions, before, c.session().remediation().nextStep());
    }

    private Future<RunResult> step(StepContext c, List<Action> actions, HopFingerprints before, int index) {
        if (stopped.getAsBoolean()) {
            return Promise.<RunResult>promise().future(); // stopping: leave the journal where it is
        }
        if (index >= actions.size()) {
            return Future.succeededFuture(new RunResult.Completed());
        }
        Action action = actions.get(index);
        BindingId id = c.binding().id();
        Instant started = clock.instant();
        c.session()
                .log()
                .on(LOG.atInfo())
                .log("Remediation: step {}/{} {} {}", index + 1, actions.size(), action.kind(), action.target());
        return gate(c, action.kind())
                .compose(stop -> stop.isPresent()
                        ? Future.succeededFuture(stop.get())
                        : steps.of(action).run(c))
                .recover(e -> Future.succeededFuture(Steps.failed(e)))
                .compose(outcome -> hook.at(StepHook.Point.AFTER_ACTION, id, index, action.kind())
                        .map(outcome))
                .compose(outcome -> {
                    if (stopped.getAsBoolean()) {
                        return Promise.<RunResult>promise().future();
                    }
                    Duration took = Duration.between(started, clock.instant());
                    if (outcome instanceof StepOutcome.Superseded superseded) {
                        c.session()
                                .log()
                                .on(LOG.atInfo())
                                .log("Remediation: superseded at step {}: {}", action.kind(), superseded.detail());
                        return Future.succeededFuture(new RunResult.Superseded(
                                index, action.kind(), superseded.current(), superseded.detail()));
                    }
                    if (outcome instanceof StepOutcome.Deferred deferred) {
                        c.session()
                                .log()
                                .on(LOG.atInfo())
                                .log("Remediation: step {} deferred: {}", action.kind(), deferred.detail());
                        return Future.succeededFuture(new RunResult.Deferred(
                                index, action.kind(), deferred.code(), deferred.detail(), deferred.retryIn()));
                    }
                    RemediationStepFinished.Result result = outcome instanceof StepOutcome.Done
                            ? RemediationStepFinished.Result.DONE
                            : outcome instanceof StepOutcome.AlreadyDone
                                    ? RemediationStepFinished.Result.ALREADY_DONE
                                    : RemediationStepFinished.Result.FAILED;
                    metrics.step(action.kind(), result.name(), took);
                    c.session()
                            .log()
                            .on(LOG.atInfo())
                            .log("Remediation: step {} {}: {}", action.kind(), result, outcome.detail());
                    return report(c, action, index, result, outcome, took, before)
                            .compose(v -> finish(c, actions, before, index, action, outcome));
                });
    }

    // architecture.md §5.1 rule 1: a fresh look at the authority right before each point of no return
    private Future<Optional<StepOutcome>> gate(StepContext c, StepKind kind) {
        return switch (kind) {
            case WRITE_VAULT, ROLL_OUT -> steps.gate().look(c, true).map(AuthorityGate::outcome);
            // the account does not exist yet: the store cannot accept it, only the authority is compared
            case CREATE_STORE_ACCOUNT -> steps.gate().look(c, false).map(AuthorityGate::outcome);
            default -> Future.succeededFuture(Optional.empty());
        };
    }

    private Future<RunResult> finish(
            StepContext c,
            List<Action> actions,
            HopFingerprints before,
            int index,
            Action action,
            StepOutcome outcome) {
        BindingId id = c.binding().id();
        if (outcome instanceof StepOutcome.Failed failed) {
            return Future.succeededFuture(
                    new RunResult.Failed(index, action.kind(), failed.code(), failed.detail(), failed.retryable()));
        }
        if (outcome instanceof StepOutcome.Halt halt) {
            return Future.succeededFuture(new RunResult.Halted(index, action.kind(), halt.reason(), halt.detail()));
        }
        return c.session()
                .updateRemediation(r -> r.withCompleted(index))
                .compose(v -> hook.at(StepHook.Point.AFTER_JOURNAL, id, index, action.kind()))
                .compose(v -> step(c, actions, before, index + 1));
    }

    private Future<Void> report(
            StepContext c,
            Action action,
            int index,
            RemediationStepFinished.Result result,
            StepOutcome outcome,
            Duration took,
            HopFingerprints before) {
        BindingId id = c.binding().id();
        String remediationId = c.session().remediation().id();
        String detail = SafeText.clip(outcome.detail());
        Future<Void> published = outcomes.publish(
                new RemediationStepFinished(
                        id,
                        remediationId,
                        index,
                        action.kind(),
                        SafeText.clip(action.target()),
                        result,
                        took.toMillis(),
                        detail),
                remediationId);
        Future<Void> audited = audit.record(
                        id,
                        AuditTrail.ACTOR,
                        "STEP_" + action.kind().name() + "_" + result.name(),
                        "step " + (index + 1) + " " + action.kind() + " on " + action.target() + ": " + detail,
                        remediationId,
                        before(action.kind(), before),
                        c.authorityFingerprint())
                .map(record -> {
                    c.session().stage(e -> e.withAuditHead(AuditHead.of(record)));
                    return (Void) null;
                });
        return Future.all(published, audited).mapEmpty();
    }

    private static Fingerprint before(StepKind kind, HopFingerprints before) {
        return switch (kind) {
            case WRITE_VAULT -> before.vault();
            case FORCE_SYNC, AWAIT_REPLICA, ROLL_OUT, AWAIT_READY -> before.replica();
            default -> null;
        };
    }
}
