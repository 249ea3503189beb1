package dev.credrift.reconciler.handle;

import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.RemediationSuperseded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.classify.Attention;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.journal.HaltRecord;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.journal.RetryRecord;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.report.StatusReport;
import dev.credrift.reconciler.step.RunResult;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a remediation ends: succeeded, failed (retried later, or waiting for new evidence when it will not go away by
 * itself), halted, deferred by a budget, superseded by a new authority (halting when the source flaps), abandoned.
 */
final class Endings {

    private static final Logger LOG = LoggerFactory.getLogger(Endings.class);

    private final Clock clock;
    private final Assessing assessing;
    private final Notices notices;
    private final ReconcilerMetrics metrics;
    private final HandlerSettings settings;
    private final Requeue requeue;

    Endings(
            Clock clock,
            Assessing assessing,
            Notices notices,
            ReconcilerMetrics metrics,
            HandlerSettings settings,
            Requeue requeue) {
        this.clock = clock;
        this.assessing = assessing;
        this.notices = notices;
        this.metrics = metrics;
        this.settings = settings;
        this.requeue = requeue;
    }

    Future<Void> conclude(Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open, RunResult result) {
        if (result instanceof RunResult.Completed) {
            return assessing.assess(b, h.entry()).compose(after -> {
                after.mark().ifPresent(mark -> h.stage(e -> e.withReplica(mark)));
                if (after.classification() instanceof Classification.Classified c && c.inSync()) {
                    return succeeded(h, b, after, open);
                }
                Optional<Attention> paused = Attention.of(after.classification(), after.assessment())
                        .filter(a -> a.reason() == AttentionRequired.Reason.CONSUMER_PAUSED);
                if (paused.isPresent()) {
                    // the failure is the alert for this state: the next assessment finds it unchanged
                    h.stage(e -> e.withLastVerdict(
                            Verdicts.of(after.classification(), after.assessment(), clock.instant())));
                    return failed(
                            h,
                            b,
                            after,
                            open,
                            null,
                            null,
                            paused.get().reason().name(),
                            paused.get().detail(),
                            false);
                }
                return failed(
                        h,
                        b,
                        after,
                        open,
                        null,
                        null,
                        "STILL_DRIFTED",
                        "every step ended, yet the binding is " + Verdicts.code(after.classification()) + ": "
                                + after.classification().detail(),
                        true);
            });
        }
        if (result instanceof RunResult.Failed f) {
            return failed(h, b, w, open, f.stepIndex(), f.step(), f.code(), f.detail(), f.retryable());
        }
        if (result instanceof RunResult.Halted halted) {
            return halted(h, b, w, open, halted.reason(), halted.detail());
        }
        if (result instanceof RunResult.Superseded superseded) {
            return superseded(h, b, w, open, superseded);
        }
        RunResult.Deferred deferred = (RunResult.Deferred) result;
        return deferred(h, b, w, open, deferred);
    }

    private Future<Void> succeeded(Handling h, BoundBinding b, AssessedWorld after, OpenRemediation open) {
        BindingId id = b.id();
        Instant now = clock.instant();
        Instant since = h.entry().driftedSince();
        long took = Duration.between(open.startedAt(), now).toMillis();
        h.log().withRemediation(open.id()).on(LOG.atInfo()).log("Handle: remediation succeeded in {} ms", took);
        metrics.remediation("succeeded");
        h.stage(e -> e.withLastVerdict(Verdicts.of(after.classification(), after.assessment(), now))
                .withDriftedSince(null));
        return notices.publish(new RemediationSucceeded(id, open.id(), open.authority(), Math.max(0, took)), open.id())
                .compose(v -> notices.publish(new BackInSync(id, open.authority(), open.id(), since), open.id()))
                .compose(v -> notices.audit(
                        h,
                        "REMEDIATION_SUCCEEDED",
                        "every hop holds the authority's credential" + " and the store accepts it",
                        open.id(),
                        null,
                        open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withRetry(null)
                        .withLastRemediation(
                                new LastRemediation(open.id(), RemediationOutcome.SUCCEEDED, open.startedAt(), now))))
                .compose(v -> notices.event(
                        b,
                        KubeEvents.Type.Normal,
                        "RemediationSucceeded",
                        "Remediate",
                        "remediation " + open.id() + " succeeded: "
                                + after.classification().detail()))
                .compose(v -> notices.status(h, b, Optional.of(after), Optional.empty()));
    }

    private Future<Void> failed(
            Handling h,
            BoundBinding b,
            AssessedWorld w,
            OpenRemediation open,
            Integer stepIndex,
            StepKind step,
            String code,
            String detail,
            boolean retryable) {
        BindingId id = b.id();
        Instant now = clock.instant();
        int failures = (h.entry().retry() == null ? 0 : h.entry().retry().failures()) + 1;
        if (retryable && failures >= settings.retry().haltAfter()) {
            return halted(
                    h,
                    b,
                    w,
                    open,
                    RemediationHalted.Reason.REPEATED_FAILURE,
                    "remediation failed " + failures + " times in a row; the last failure: " + detail);
        }
        Duration delay = settings.retry().delay(failures, Math::random);
        // architecture.md §5.1 rule 5: what will not go away by itself is not tried again on the same evidence
        String waitingFor = retryable
                ? null
                : Evidence.of(
                        b.generation(),
                        w.assessment().fingerprints(),
                        w.assessment().consumersFingerprint());
        String told = retryable ? detail : detail + "; not tried again until the spec or a hop's credential changes";
        h.log()
                .withRemediation(open.id())
                .on(LOG.atWarn())
                .log(
                        "Handle: remediation failed ({}: {}){}",
                        code,
                        detail,
                        retryable
                                ? "; next try in " + delay.toSeconds() + " s or on the next observation"
                                : "; waiting for new evidence");
        metrics.remediation("failed");
        return notices.publish(
                        new RemediationFailed(id, open.id(), stepIndex, step, code, SafeText.clip(told), retryable),
                        open.id())
                .compose(v ->
                        notices.audit(h, "REMEDIATION_FAILED", code + ": " + detail, open.id(), null, open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withRetry(new RetryRecord(
                                failures, retryable ? now.plus(delay) : null, waitingFor, retryable ? null : code))
                        .withLastRemediation(
                                new LastRemediation(open.id(), RemediationOutcome.FAILED, open.startedAt(), now))))
                .compose(v -> {
                    if (retryable) {
                        requeue.after(id, delay);
                    }
                    return notices.event(
                            b,
                            KubeEvents.Type.Warning,
                            "RemediationFailed",
                            "Remediate",
                            "remediation " + open.id() + " failed (" + code + "): " + told);
                })
                .compose(v -> notices.status(h, b, Optional.of(w), Optional.empty()));
    }

    private Future<Void> halted(
            Handling h,
            BoundBinding b,
            AssessedWorld w,
            OpenRemediation open,
            RemediationHalted.Reason reason,
            String detail) {
        BindingId id = b.id();
        Instant now = clock.instant();
        String message = detail + ". To resume: fix the cause, then annotate the binding "
                + BoundBinding.CLEAR_HALT_ANNOTATION + "=<anything> or change its spec";
        h.log().withRemediation(open.id()).on(LOG.atWarn()).log("Handle: halted ({}): {}", reason, detail);
        metrics.remediation("halted");
        return notices.publish(new RemediationHalted(id, open.id(), reason, SafeText.clip(message)), open.id())
                .compose(v -> notices.audit(
                        h, "REMEDIATION_HALTED", reason + ": " + detail, open.id(), null, open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withRetry(null)
                        .withHalt(new HaltRecord(now, reason, SafeText.clip(message), open.id(), b.generation()))
                        .withLastRemediation(
                                new LastRemediation(open.id(), RemediationOutcome.HALTED, open.startedAt(), now))))
                .compose(v -> notices.event(b, KubeEvents.Type.Warning, "RemediationHalted", "Halt", message))
                .compose(v -> notices.status(h, b, Optional.of(w), Optional.empty()));
    }

    private Future<Void> deferred(
            Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open, RunResult.Deferred deferred) {
        BindingId id = b.id();
        // jittered, so that a burst refused together does not come back together (architecture.md §5.1 rule 4)
        Duration wait = settings.retry().later(deferred.retryIn(), Math::random);
        Instant until = clock.instant().plus(wait);
        boolean first = open.deferredUntil() == null;
        OpenRemediation later = h.remediation().withDeferredUntil(until);
        metrics.remediation("deferred");
        Future<Void> told = !first
                ? Future.succeededFuture()
                : notices.publish(
                                new RemediationDeferred(
                                        id,
                                        open.id(),
                                        deferred.stepIndex(),
                                        deferred.step(),
                                        deferred.code(),
                                        until,
                                        SafeText.clip(deferred.detail())),
                                open.id())
                        .compose(v -> notices.audit(
                                h,
                                "REMEDIATION_DEFERRED",
                                deferred.code() + ": " + deferred.detail() + "; next attempt at " + until,
                                open.id(),
                                null,
                                open.authority()));
        return told.compose(v -> h.update(e -> e.withRemediation(later))).compose(v -> {
            requeue.after(id, wait);
            return notices.status(h, b, Optional.of(w), Optional.of(deferredStatus(later, deferred)));
        });
    }

    // architecture.md §5.1 rules 1, 2 and 6: the authority moved on; plan again from it, unless it keeps moving
    private Future<Void> superseded(
            Handling h, BoundBinding b, AssessedWorld w, OpenRemediation open, RunResult.Superseded s) {
        BindingId id = b.id();
        Instant now = clock.instant();
        List<Instant> recent = settings.flapping().record(h.entry().supersessions(), now);
        h.log()
                .withRemediation(open.id())
                .on(LOG.atInfo())
                .log(
                        "Handle: remediation superseded ({} in the last {} s): {}",
                        recent.size(),
                        settings.flapping().window().toSeconds(),
                        s.detail());
        metrics.remediation("superseded");
        Future<Void> ended = notices.publish(
                        new RemediationSuperseded(
                                id,
                                open.id(),
                                s.stepIndex(),
                                s.step(),
                                open.authority(),
                                s.current().orElse(null),
                                SafeText.clip(s.detail())),
                        open.id())
                .compose(v -> notices.audit(h, "REMEDIATION_SUPERSEDED", s.detail(), open.id(), null, open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withRetry(null)
                        .withSupersessions(recent)
                        .withLastRemediation(
                                new LastRemediation(open.id(), RemediationOutcome.SUPERSEDED, open.startedAt(), now))))
                .compose(v -> notices.event(
                        b,
                        KubeEvents.Type.Normal,
                        "RemediationSuperseded",
                        "Remediate",
                        "remediation " + open.id() + " superseded: " + s.detail()));
        if (settings.flapping().flapping(recent)) {
            return ended.compose(v -> halted(
                    h,
                    b,
                    w,
                    open,
                    RemediationHalted.Reason.SOURCE_FLAPPING,
                    "the"
                            + " authority's credential changed under " + recent.size() + " remediations within "
                            + settings.flapping().window().toMinutes() + " min (more than "
                            + settings.flapping().maxSupersessions() + "): the source is flapping; the last change: "
                            + s.detail()));
        }
        return ended.compose(v -> {
            requeue.after(id, Duration.ZERO); // a new plan, from the authority as it is now
            return notices.status(h, b, Optional.of(w), Optional.empty());
        });
    }

    /** Gives up an open remediation that may not be resumed. */
    Future<Void> abandon(Handling h, OpenRemediation open, String why) {
        BindingId id = h.entry().bindingId();
        Instant now = clock.instant();
        h.log().withRemediation(open.id()).on(LOG.atInfo()).log("Handle: remediation abandoned: {}", why);
        metrics.remediation("abandoned");
        return notices.publish(
                        new RemediationFailed(
                                id,
                                open.id(),
                                null,
                                null,
                                "REMEDIATION_ABANDONED",
                                SafeText.clip("not resumed: " + why),
                                false),
                        open.id())
                .compose(v -> notices.audit(h, "REMEDIATION_ABANDONED", why, open.id(), null, open.authority()))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withLastRemediation(
                                new LastRemediation(open.id(), RemediationOutcome.FAILED, open.startedAt(), now))));
    }

    static StatusReport.Remediating deferredStatus(OpenRemediation open) {
        return new StatusReport.Remediating(
                "Deferred", "remediation " + open.id() + " waits for a budget until " + open.deferredUntil());
    }

    private static StatusReport.Remediating deferredStatus(OpenRemediation open, RunResult.Deferred deferred) {
        return new StatusReport.Remediating(
                "Deferred",
                "remediation " + open.id() + " is deferred (" + deferred.code() + ": " + deferred.detail()
                        + "); next attempt at " + open.deferredUntil());
    }
}
