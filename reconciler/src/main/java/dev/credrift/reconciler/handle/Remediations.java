package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.classify.Attention;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.journal.HaltRecord;
import dev.credrift.reconciler.journal.JournaledStep;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.journal.RetryRecord;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.report.StatusReport;
import dev.credrift.reconciler.step.RemediationRunner;
import dev.credrift.reconciler.step.RunResult;
import dev.credrift.reconciler.step.StepContext;
import dev.credrift.reconciler.step.StepTools;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.WorkloadRef;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A remediation's life: start or resume, run, and conclude (succeeded, failed, halted, deferred, abandoned). */
final class Remediations {

    private static final Logger LOG = LoggerFactory.getLogger(Remediations.class);
    private static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofMinutes(5);

    private final StepTools tools;
    private final Assessing assessing;
    private final RemediationRunner runner;
    private final Notices notices;
    private final ReconcilerMetrics metrics;
    private final HandlerSettings settings;
    private final BiConsumer<BindingId, Duration> timers;

    Remediations(StepTools tools, Assessing assessing, RemediationRunner runner, Notices notices,
            ReconcilerMetrics metrics, HandlerSettings settings, BiConsumer<BindingId, Duration> timers) {
        this.tools = tools;
        this.assessing = assessing;
        this.runner = runner;
        this.notices = notices;
        this.metrics = metrics;
        this.settings = settings;
        this.timers = timers;
    }

    // ---- halts ----

    /** Lifts the halt when the spec changed or a human asked (the annotation is removed either way). */
    Future<Void> liftHalt(Handling h, BoundBinding b) {
        Optional<HaltRecord> halt = h.entry().halted();
        Optional<String> request = b.clearHaltRequest();
        Future<Void> annotationRemoved = request.isEmpty() ? Future.succeededFuture()
                : tools.guards().kubernetes().call(tools.context(), () -> {
                    tools.kube().removeBindingAnnotation(b.id(), BoundBinding.CLEAR_HALT_ANNOTATION);
                    return null;
                }).mapEmpty();
        if (halt.isEmpty()) {
            return annotationRemoved;
        }
        if (halt.get().generation() != b.generation()) {
            return annotationRemoved.compose(v -> clear(h, b, AuditTrail.ACTOR, "the spec changed (generation "
                    + halt.get().generation() + " → " + b.generation() + ")"));
        }
        if (request.isPresent()) {
            return annotationRemoved.compose(v -> clear(h, b, "human (annotation "
                    + BoundBinding.CLEAR_HALT_ANNOTATION + ")", "a human annotated the binding "
                    + BoundBinding.CLEAR_HALT_ANNOTATION));
        }
        return Future.succeededFuture();
    }

    private Future<Void> clear(Handling h, BoundBinding b, String actor, String why) {
        LOG.info("Handle {}: halt lifted: {}", b.id(), why);
        return notices.audit(h, actor, "HALT_CLEARED", why, h.entry().halt().remediationId(), null, null)
                .compose(v -> h.update(e -> e.withHalt(null).withRetry(null)))
                .compose(v -> notices.event(b, KubeEvents.Type.Normal, "HaltCleared", "Resume",
                        "automatic remediation resumes: " + why));
    }

    // ---- start, resume ----

    /** Why an open remediation must not be resumed, if so (then it is abandoned and the binding planned anew). */
    Optional<String> resumeBlocker(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open) {
        if (b.spec().mode() == Mode.OBSERVE) {
            return Optional.of("the binding is now in mode Observe");
        }
        if (open.generation() != b.generation()) {
            return Optional.of("the spec changed (generation " + open.generation() + " → " + b.generation() + ")");
        }
        if (h.entry().halted().isPresent()) {
            return Optional.of("the binding is halted");
        }
        if (w.assessment().authorityFingerprint().filter(open.authority()::equals).isEmpty()) {
            return Optional.of("the authority's credential changed since the remediation began");
        }
        if (!(w.assessment().authorityCheck() instanceof AuthorityCheck.Probed p
                && p.verdict() instanceof ProbeVerdict.Accepted) && !accountStillMissing(w, open)) {
            return Optional.of("the store no longer accepts the authority's credential (or cannot be asked): "
                    + w.classification().detail());
        }
        if (w.snapshot().replica().value().isEmpty()) {
            return Optional.of("the ExternalSecret cannot be read: " + w.classification().detail());
        }
        return Optional.empty();
    }

    // a store-account remediation interrupted before its account was created resumes: creating it is its first step
    private static boolean accountStillMissing(AssessedWorld w, OpenRemediation open) {
        return open.driftClass() == dev.credrift.events.payload.DriftClass.STORE_MISSING_ACCOUNT
                && w.classification() instanceof Classification.Classified c
                && c.driftClass() == dev.credrift.events.payload.DriftClass.STORE_MISSING_ACCOUNT;
    }

    Future<Void> start(Handling h, BoundBinding b, AssessedWorld w, Plan plan) {
        BindingId id = b.id();
        String remediationId = UUID.randomUUID().toString();
        Instant now = tools.clock().instant();
        Fingerprint authority = w.assessment().authorityFingerprint().orElseThrow();
        List<JournaledStep> steps = plan.actions().stream()
                .map(a -> new JournaledStep(a.kind(), a.target(),
                        a.workloads().stream().map(WorkloadRef::describe).toList()))
                .toList();
        OpenRemediation open = new OpenRemediation(remediationId, plan.driftClass(), authority, b.generation(), now,
                steps, Set.of(), null, Map.of(), false, null, Set.of());
        String summary = plan.driftClass() + ": " + plan.actions().stream()
                .map(a -> a.kind() + " " + a.target()).collect(Collectors.joining(" → "));
        LOG.info("Handle {}: remediation {} starts: {}", id, remediationId, summary);
        return h.update(e -> e.withRemediation(open)
                        .withLastRemediation(new LastRemediation(remediationId, RemediationOutcome.RUNNING, now, null)))
                .compose(v -> notices.publish(new RemediationPlanned(id, remediationId, plan.driftClass(), false,
                        plan.planned()), remediationId))
                .compose(v -> notices.publish(new RemediationStarted(id, remediationId, plan.driftClass(),
                        steps.size(), false), remediationId))
                .compose(v -> notices.audit(h, "REMEDIATION_STARTED", SafeText.clip(summary), remediationId,
                        Verdicts.differing(plan.driftClass(), w.assessment()), authority))
                .compose(v -> notices.event(b, KubeEvents.Type.Normal, "RemediationStarted", "Remediate",
                        "remediation " + remediationId + ": " + summary))
                .compose(v -> run(h, b, w, open));
    }

    Future<Void> resume(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open) {
        BindingId id = b.id();
        int next = open.nextStep();
        LOG.info("Handle {}: remediation {} resumes at step {}/{}", id, open.id(), next + 1, open.steps().size());
        return h.update(e -> e.withRemediation(open.withDeferredUntil(null)))
                .compose(v -> notices.publish(new RemediationStarted(id, open.id(), open.driftClass(),
                        open.steps().size(), true), open.id()))
                .compose(v -> notices.audit(h, "REMEDIATION_RESUMED", "resumed at step " + (next + 1) + " of "
                        + open.steps().size(), open.id(), null, open.authority()))
                .compose(v -> run(h, b, w, h.remediation()));
    }

    private Future<Void> run(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open) {
        List<Action> actions = open.steps().stream()
                .map(s -> Action.of(s.kind(), s.target(), s.workloads().stream().map(WorkloadRef::parse).toList()))
                .toList();
        StepContext context = new StepContext(b, w.authority().orElseThrow(), open.authority(),
                w.snapshot().target().value().orElseThrow(),
                b.spec().rollout().readinessTimeoutDuration().orElse(DEFAULT_READINESS_TIMEOUT),
                b.spec().rollout().maxPerHour(),
                w.snapshot().replica().value().map(ReplicaValue::externalSecret).map(es -> es.targetSecret())
                        .orElseThrow(),
                h, tools);
        return notices.status(h, b, Optional.of(w), Optional.of(new StatusReport.Remediating("Remediating",
                        "remediation " + open.id() + ": " + open.steps().size() + " step(s), from step "
                                + (open.nextStep() + 1))))
                .compose(v -> runner.run(context, actions, w.assessment().fingerprints()))
                .compose(result -> conclude(h, b, w, open, result));
    }

    // ---- conclusions ----

    private Future<Void> conclude(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open,
            RunResult result) {
        if (result instanceof RunResult.Completed) {
            return assessing.assess(b, h.entry().replicaMark()).compose(after -> {
                after.mark().ifPresent(mark -> h.stage(e -> e.withReplica(mark)));
                if (after.classification() instanceof Classification.Classified c && c.inSync()) {
                    return succeeded(h, b, after, open);
                }
                Optional<Attention> paused = Attention.of(after.classification(), after.assessment())
                        .filter(a -> a.reason() == AttentionRequired.Reason.CONSUMER_PAUSED);
                if (paused.isPresent()) {
                    // the failure is the alert for this state: the next assessment finds it unchanged
                    h.stage(e -> e.withLastVerdict(Verdicts.of(after.classification(), after.assessment(),
                            tools.clock().instant())));
                    return failed(h, b, after, open, null, null, paused.get().reason().name(),
                            paused.get().detail(), false);
                }
                return failed(h, b, after, open, null, null, "STILL_DRIFTED", "every step ended, yet the binding is "
                        + Verdicts.code(after.classification()) + ": " + after.classification().detail(), true);
            });
        }
        if (result instanceof RunResult.Failed f) {
            return failed(h, b, w, open, f.stepIndex(), f.step(), f.code(), f.detail(), f.retryable());
        }
        if (result instanceof RunResult.Halted halted) {
            return halted(h, b, w, open, halted.reason(), halted.detail());
        }
        RunResult.Deferred deferred = (RunResult.Deferred) result;
        return deferred(h, b, w, open, deferred);
    }

    private Future<Void> succeeded(Handling h, BoundBinding b, AssessedWorld after, OpenRemediation open) {
        BindingId id = b.id();
        Instant now = tools.clock().instant();
        Instant since = h.entry().driftedSince();
        long took = Duration.between(open.startedAt(), now).toMillis();
        LOG.info("Handle {}: remediation {} succeeded in {} ms", id, open.id(), took);
        metrics.remediation("succeeded");
        h.stage(e -> e.withLastVerdict(Verdicts.of(after.classification(), after.assessment(), now))
                .withDriftedSince(null));
        return notices.publish(new RemediationSucceeded(id, open.id(), open.authority(), Math.max(0, took)),
                        open.id())
                .compose(v -> notices.publish(new BackInSync(id, open.authority(), open.id(), since), open.id()))
                .compose(v -> notices.audit(h, "REMEDIATION_SUCCEEDED", "every hop holds the authority's credential"
                        + " and the store accepts it", open.id(), null, open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null).withRetry(null).withLastRemediation(
                        new LastRemediation(open.id(), RemediationOutcome.SUCCEEDED, open.startedAt(), now))))
                .compose(v -> notices.event(b, KubeEvents.Type.Normal, "RemediationSucceeded", "Remediate",
                        "remediation " + open.id() + " succeeded: " + after.classification().detail()))
                .compose(v -> notices.status(h, b, Optional.of(after), Optional.empty()));
    }

    private Future<Void> failed(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open, Integer stepIndex,
            StepKind step, String code, String detail, boolean retryable) {
        BindingId id = b.id();
        Instant now = tools.clock().instant();
        int failures = (h.entry().retry() == null ? 0 : h.entry().retry().failures()) + 1;
        if (retryable && failures >= settings.retry().haltAfter()) {
            return halted(h, b, w, open, RemediationHalted.Reason.REPEATED_FAILURE, "remediation failed "
                    + failures + " times in a row; the last failure: " + detail);
        }
        Duration delay = settings.retry().delay(failures, Math::random);
        LOG.warn("Handle {}: remediation {} failed ({}: {}){}", id, open.id(), code, detail,
                retryable ? "; next try in " + delay.toSeconds() + " s or on the next observation" : "");
        metrics.remediation("failed");
        return notices.publish(new RemediationFailed(id, open.id(), stepIndex, step, code, SafeText.clip(detail),
                        retryable), open.id())
                .compose(v -> notices.audit(h, "REMEDIATION_FAILED", code + ": " + detail, open.id(), null,
                        open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withRetry(new RetryRecord(failures, retryable ? now.plus(delay) : null))
                        .withLastRemediation(new LastRemediation(open.id(), RemediationOutcome.FAILED,
                                open.startedAt(), now))))
                .compose(v -> {
                    if (retryable) {
                        timers.accept(id, delay);
                    }
                    return notices.event(b, KubeEvents.Type.Warning, "RemediationFailed", "Remediate",
                            "remediation " + open.id() + " failed (" + code + "): " + detail);
                })
                .compose(v -> notices.status(h, b, Optional.of(w), Optional.empty()));
    }

    private Future<Void> halted(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open,
            RemediationHalted.Reason reason, String detail) {
        BindingId id = b.id();
        Instant now = tools.clock().instant();
        String message = detail + ". To resume: fix the cause, then annotate the binding "
                + BoundBinding.CLEAR_HALT_ANNOTATION + "=<anything> or change its spec";
        LOG.warn("Handle {}: halted ({}): {}", id, reason, detail);
        metrics.remediation("halted");
        return notices.publish(new RemediationHalted(id, open.id(), reason, SafeText.clip(message)), open.id())
                .compose(v -> notices.audit(h, "REMEDIATION_HALTED", reason + ": " + detail, open.id(), null,
                        open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null).withRetry(null)
                        .withHalt(new HaltRecord(now, reason, SafeText.clip(message), open.id(), b.generation()))
                        .withLastRemediation(new LastRemediation(open.id(), RemediationOutcome.HALTED,
                                open.startedAt(), now))))
                .compose(v -> notices.event(b, KubeEvents.Type.Warning, "RemediationHalted", "Halt", message))
                .compose(v -> notices.status(h, b, Optional.of(w), Optional.empty()));
    }

    private Future<Void> deferred(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open,
            RunResult.Deferred deferred) {
        BindingId id = b.id();
        Instant until = tools.clock().instant().plus(deferred.retryIn());
        boolean first = open.deferredUntil() == null;
        OpenRemediation later = h.remediation().withDeferredUntil(until);
        Future<Void> told = !first ? Future.succeededFuture()
                : notices.publish(new RemediationFailed(id, open.id(), deferred.stepIndex(), deferred.step(),
                                deferred.code(), SafeText.clip(deferred.detail()), true), open.id())
                        .compose(v -> notices.audit(h, "REMEDIATION_DEFERRED", deferred.detail(), open.id(), null,
                                open.authority()));
        return told.compose(v -> h.update(e -> e.withRemediation(later)))
                .compose(v -> {
                    timers.accept(id, deferred.retryIn());
                    return notices.status(h, b, Optional.of(w), Optional.of(deferredStatus(later)));
                });
    }

    /** Gives up an open remediation that may not be resumed. */
    Future<Void> abandon(Handling h, OpenRemediation open, String why) {
        BindingId id = h.entry().bindingId();
        Instant now = tools.clock().instant();
        LOG.info("Handle {}: remediation {} abandoned: {}", id, open.id(), why);
        metrics.remediation("abandoned");
        return notices.publish(new RemediationFailed(id, open.id(), null, null, "REMEDIATION_ABANDONED",
                        SafeText.clip("not resumed: " + why), false), open.id())
                .compose(v -> notices.audit(h, "REMEDIATION_ABANDONED", why, open.id(), null, open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null).withLastRemediation(new LastRemediation(
                        open.id(), RemediationOutcome.FAILED, open.startedAt(), now))));
    }

    static StatusReport.Remediating deferredStatus(OpenRemediation open) {
        return new StatusReport.Remediating("Deferred", "remediation " + open.id() + " waits for the global rollout"
                + " budget until " + open.deferredUntil());
    }
}
