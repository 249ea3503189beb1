package dev.credrift.reconciler.handle;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.RotationMetrics;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every rotation step records: the journal (acknowledged before the next effect), a {@code rotation.step} event
 * per completed step, and the halt (journal, metric, {@code rotation.failed}) that keeps the old key valid. Also the
 * timer that brings the binding back for the next look.
 */
final class RotationLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RotationLedger.class);

    private final Notices notices;
    private final RotationMetrics metrics;
    private final Clock clock;
    private final Requeue requeue;

    RotationLedger(Notices notices, RotationMetrics metrics, Clock clock, Requeue requeue) {
        this.notices = notices;
        this.metrics = metrics;
        this.clock = clock;
        this.requeue = requeue;
    }

    Notices notices() {
        return notices;
    }

    RotationMetrics metrics() {
        return metrics;
    }

    /** Handles the binding again after {@code delay}. */
    void lookAgain(BindingId id, Duration delay) {
        requeue.after(id, delay);
    }

    Instant now() {
        return clock.instant();
    }

    /** The journal with {@code step} started, unless the last record says so already (a re-run after a crash). */
    RotationJournal started(RotationJournal j, RotationStepKind step) {
        boolean already = j.last()
                .filter(r -> r.step() == step && r.phase() == RotationJournal.Phase.STARTED)
                .isPresent();
        return already ? j : j.started(step, now());
    }

    /**
     * Reports {@code step} done, then journals it: a crash right after the journal loses no report (one right before
     * it re-runs the idempotent step and reports it again: at least once, as remediation steps are reported).
     */
    Future<RotationJournal> done(Handling h, BoundBinding b, RotationJournal j, RotationStepKind step, String detail) {
        RotationJournal next = done(j, step);
        return step(b, next, step, detail).compose(x -> journal(h, next)).map(next);
    }

    RotationJournal done(RotationJournal j, RotationStepKind step) {
        RotationJournal started = j.hasStarted(step) ? j : j.started(step, now());
        return started.completed(step, now());
    }

    Future<Void> step(BoundBinding b, RotationJournal j, RotationStepKind step, String detail) {
        return notices.publish(
                new RotationStepFinished(
                        b.id(), j.rotationId(), step, RotationStepFinished.Result.DONE, SafeText.clip(detail)),
                j.rotationId());
    }

    Future<RotationJournal> halt(Handling h, BoundBinding b, RotationJournal j, RotationStepKind step, String reason) {
        RotationJournal halted = j.halted(SafeText.clip(reason));
        metrics.rotation(RotationMetrics.Outcome.FAILED);
        h.log().on(LOG.atWarn()).log("Rotation: halted at {}: {}", step, halted.halt());
        return journal(h, halted)
                .compose(x -> notices.publish(
                        new RotationFailed(b.id(), j.rotationId(), step, "HALTED", halted.halt(), true),
                        j.rotationId()))
                .map(halted);
    }

    static Future<RotationJournal> journal(Handling h, RotationJournal j) {
        return h.update(e -> e.withRotation(j)).map(j);
    }
}
