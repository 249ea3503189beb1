package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.journal.HaltRecord;
import dev.credrift.reconciler.journal.JournaledStep;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.report.StatusReport;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationRunner;
import dev.credrift.reconciler.step.RunResult;
import dev.credrift.reconciler.step.StepContext;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.KubeGateway;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A remediation's life: start or resume, run, and conclude (succeeded, failed, halted, deferred, abandoned). */
final class Remediations {

    private static final Logger LOG = LoggerFactory.getLogger(Remediations.class);
    private static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofMinutes(5);

    private final Exec exec;
    private final KubeGateway kube;
    private final RemediationRunner runner;
    private final Notices notices;
    private final ReconcilerMetrics metrics;
    private final Endings endings;

    Remediations(
            Exec exec,
            KubeGateway kube,
            RemediationRunner runner,
            Notices notices,
            ReconcilerMetrics metrics,
            Endings endings) {
        this.exec = exec;
        this.kube = kube;
        this.runner = runner;
        this.notices = notices;
        this.metrics = metrics;
        this.endings = endings;
    }

    // ---- halts ----

    /** Lifts the halt when the spec changed or a human asked (the annotation is removed either way). */
    Future<Void> liftHalt(Handling h, BoundBinding b) {
        Optional<HaltRecord> halt = h.entry().halted();
        Optional<String> request = b.clearHaltRequest();
        Future<Void> annotationRemoved = request.isEmpty()
                ? Future.succeededFuture()
                : exec.guards()
                        .kubernetes()
                        .call(exec.context(), h.log(), () -> {
                            kube.removeBindingAnnotation(b.id(), BoundBinding.CLEAR_HALT_ANNOTATION);
                            return null;
                        })
                        .mapEmpty();
        if (halt.isEmpty()) {
            return annotationRemoved;
        }
        if (halt.get().generation() != b.generation()) {
            return annotationRemoved.compose(v -> clear(
                    h,
                    b,
                    AuditTrail.ACTOR,
                    "the spec changed (generation " + halt.get().generation() + " → " + b.generation() + ")"));
        }
        if (request.isPresent()) {
            return annotationRemoved.compose(v -> clear(
                    h,
                    b,
                    "human (annotation " + BoundBinding.CLEAR_HALT_ANNOTATION + ")",
                    "a human annotated the binding " + BoundBinding.CLEAR_HALT_ANNOTATION));
        }
        return Future.succeededFuture();
    }

    private Future<Void> clear(Handling h, BoundBinding b, String actor, String why) {
        h.log().on(LOG.atInfo()).log("Handle: halt lifted: {}", why);
        return notices.audit(h, actor, "HALT_CLEARED", why, h.entry().halt().remediationId(), null, null)
                .compose(v -> h.update(e -> e.withHalt(null).withRetry(null).withSupersessions(List.of())))
                .compose(v -> notices.event(
                        b, KubeEvents.Type.Normal, "HaltCleared", "Resume", "automatic remediation resumes: " + why));
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
        if (!(w.assessment().authorityCheck() instanceof AuthorityCheck.Probed p
                        && p.verdict() instanceof ProbeVerdict.Accepted)
                && !accountStillMissing(w, open)) {
            return Optional.of("the store no longer accepts the authority's credential (or cannot be asked): "
                    + w.classification().detail());
        }
        if (w.snapshot().replica().value().isEmpty()) {
            return Optional.of(
                    "the ExternalSecret cannot be read: " + w.classification().detail());
        }
        return Optional.empty();
    }

    // a store-account remediation interrupted before its account was created resumes: creating it is its first step
    private static boolean accountStillMissing(AssessedWorld w, OpenRemediation open) {
        return open.driftClass() == DriftClass.STORE_MISSING_ACCOUNT
                && w.classification() instanceof Classification.Classified c
                && c.driftClass() == DriftClass.STORE_MISSING_ACCOUNT;
    }

    Future<Void> start(Handling h, BoundBinding b, AssessedWorld w, Plan plan) {
        BindingId id = b.id();
        String remediationId = UUID.randomUUID().toString();
        Instant now = exec.clock().instant();
        Fingerprint authority = w.assessment().authorityFingerprint().orElseThrow();
        List<JournaledStep> steps = plan.actions().stream()
                .map(a -> new JournaledStep(
                        a.kind(),
                        a.target(),
                        a.workloads().stream().map(WorkloadRef::describe).toList()))
                .toList();
        OpenRemediation open = new OpenRemediation(
                remediationId,
                plan.driftClass(),
                authority,
                b.generation(),
                now,
                steps,
                Set.of(),
                null,
                Map.of(),
                false,
                null,
                Set.of());
        String summary = plan.driftClass() + ": "
                + plan.actions().stream().map(a -> a.kind() + " " + a.target()).collect(Collectors.joining(" → "));
        h.log().withRemediation(remediationId).on(LOG.atInfo()).log("Handle: remediation starts: {}", summary);
        return h.update(e -> e.withRemediation(open)
                        .withLastRemediation(new LastRemediation(remediationId, RemediationOutcome.RUNNING, now, null)))
                .compose(v -> notices.publish(
                        new RemediationPlanned(id, remediationId, plan.driftClass(), false, plan.planned()),
                        remediationId))
                .compose(v -> notices.publish(
                        new RemediationStarted(id, remediationId, plan.driftClass(), steps.size(), false),
                        remediationId))
                .compose(v -> notices.audit(
                        h,
                        "REMEDIATION_STARTED",
                        SafeText.clip(summary),
                        remediationId,
                        Verdicts.differing(plan.driftClass(), w.assessment()),
                        authority))
                .compose(v -> notices.event(
                        b,
                        KubeEvents.Type.Normal,
                        "RemediationStarted",
                        "Remediate",
                        "remediation " + remediationId + ": " + summary))
                .compose(v -> run(h, b, w, open));
    }

    Future<Void> resume(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open) {
        BindingId id = b.id();
        int next = open.nextStep();
        h.log()
                .withRemediation(open.id())
                .on(LOG.atInfo())
                .log(
                        "Handle: remediation resumes at step {}/{}",
                        next + 1,
                        open.steps().size());
        return h.update(e -> e.withRemediation(open.withDeferredUntil(null)))
                .compose(v -> notices.publish(
                        new RemediationStarted(
                                id, open.id(), open.driftClass(), open.steps().size(), true),
                        open.id()))
                .compose(v -> notices.audit(
                        h,
                        "REMEDIATION_RESUMED",
                        "resumed at step " + (next + 1) + " of " + open.steps().size(),
                        open.id(),
                        null,
                        open.authority()))
                .compose(v -> run(h, b, w, h.remediation()));
    }

    private Future<Void> run(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open) {
        List<Action> actions = open.steps().stream()
                .map(s -> Action.of(
                        s.kind(),
                        s.target(),
                        s.workloads().stream().map(WorkloadRef::parse).toList()))
                .toList();
        StepContext context = new StepContext(
                b,
                w.authority().orElseThrow(),
                open.authority(),
                w.snapshot().target().value().orElseThrow(),
                b.spec().rollout().readinessTimeoutDuration().orElse(DEFAULT_READINESS_TIMEOUT),
                b.spec().rollout().maxPerHour(),
                w.snapshot()
                        .replica()
                        .value()
                        .map(ReplicaValue::externalSecret)
                        .map(es -> es.targetSecret())
                        .orElseThrow(),
                h);
        return notices.status(
                        h,
                        b,
                        Optional.of(w),
                        Optional.of(new StatusReport.Remediating(
                                "Remediating",
                                "remediation " + open.id() + ": " + open.steps().size() + " step(s), from step "
                                        + (open.nextStep() + 1))))
                .compose(v -> runner.run(context, actions, w.assessment().fingerprints()))
                .compose(result -> endings.conclude(h, b, w, open, result));
    }

    /** Gives up an open remediation that may not be resumed. */
    Future<Void> abandon(Handling h, OpenRemediation open, String why) {
        return endings.abandon(h, open, why);
    }

    /** Ends an open remediation whose authority moved on while it was not running (deferred, or before a crash). */
    Future<Void> supersede(
            Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open, Optional<Fingerprint> current) {
        return endings.conclude(
                h,
                b,
                w,
                open,
                new RunResult.Superseded(
                        open.nextStep(),
                        null,
                        current,
                        current.map(fp -> "the authority's credential changed since the remediation began ("
                                        + open.authority() + " → " + fp + ")")
                                .orElse("the authority's credential cannot be read any more")));
    }
}
