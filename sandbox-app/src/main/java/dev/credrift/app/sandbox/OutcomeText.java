package dev.credrift.app.sandbox;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.NotificationDelivered;
import dev.credrift.events.payload.NotificationFailed;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.RemediationSuperseded;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.events.payload.StepKind;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line per outcome event, in words a newcomer follows: what credrift found, planned and did. Events carry
 * fingerprints and masked key ids only, so neither do these lines. Returns empty for events not worth a line
 * (a started remediation is announced by its plan).
 */
final class OutcomeText {

    private OutcomeText() {}

    static Optional<String> describe(CredriftEvent event) {
        return Optional.ofNullable(text(event)).map(text -> event.bindingId() + " " + text);
    }

    private static String text(CredriftEvent event) {
        var payload = event.payload();
        if (payload instanceof DriftDetected drift) {
            return drift.driftClass() == DriftClass.IN_SYNC
                    ? "assessed: in sync"
                    : "drift detected: " + drift.driftClass() + (drift.detail() == null ? "" : " — " + drift.detail());
        }
        if (payload instanceof RemediationPlanned plan) {
            if (plan.steps().isEmpty()) {
                return "planned: alert only, nothing to change";
            }
            return (plan.dryRun() ? "planned (dry run, Observe mode): " : "planned: ")
                    + plan.steps().stream().map(step -> words(step.kind())).collect(Collectors.joining(" → "));
        }
        if (payload instanceof RemediationStepFinished step) {
            return "step " + (step.stepIndex() + 1) + " " + words(step.kind()) + " " + step.target() + ": "
                    + step.result().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + step.durationMillis()
                    + " ms)" + (step.detail() == null ? "" : " — " + step.detail());
        }
        if (payload instanceof RemediationSucceeded done) {
            return "remediation succeeded in " + seconds(done.durationMillis());
        }
        if (payload instanceof RemediationFailed failed) {
            return "remediation failed" + (failed.step() == null ? "" : " at " + words(failed.step())) + ": "
                    + failed.errorCode() + " — " + failed.detail() + (failed.willRetry() ? " (will retry)" : "");
        }
        if (payload instanceof RemediationHalted halted) {
            return "HALTED: " + halted.reason() + " — " + halted.detail();
        }
        if (payload instanceof RemediationSuperseded superseded) {
            return "remediation superseded" + (superseded.step() == null ? "" : " at " + words(superseded.step()))
                    + ": " + superseded.detail();
        }
        if (payload instanceof RemediationDeferred deferred) {
            return "remediation deferred" + (deferred.step() == null ? "" : " at " + words(deferred.step())) + ": "
                    + deferred.reason() + " — " + deferred.detail() + " (next attempt " + deferred.retryAt() + ")";
        }
        if (payload instanceof BackInSync) {
            return "back in sync";
        }
        if (payload instanceof AttentionRequired attention) {
            return "attention required: " + attention.reason() + " — " + attention.detail();
        }
        if (payload instanceof RotationStarted started) {
            return (started.dryRun() ? "rotation planned (observe mode, nothing changed)" : "rotation started")
                    + (started.trigger() == RotationStarted.Trigger.SCHEDULE ? " on schedule" : " on demand")
                    + ": old key " + started.oldKey();
        }
        if (payload instanceof RotationStepFinished step) {
            return "rotation step " + words(step.step()) + ": "
                    + step.result().name().toLowerCase(Locale.ROOT)
                    + (step.detail() == null ? "" : " — " + step.detail());
        }
        if (payload instanceof RotationCompleted done) {
            return "rotation completed in " + seconds(done.durationMillis()) + ": " + done.hops() + " hop(s) and "
                    + done.workloads() + " workload(s) on " + done.newKey() + " (" + done.newFingerprint()
                    + "); old key " + done.oldKey() + " revoked";
        }
        if (payload instanceof RotationFailed failed) {
            return "rotation " + (failed.oldKeyKept() ? "halted" : "failed")
                    + (failed.step() == null ? "" : " at " + words(failed.step())) + ": " + failed.reason()
                    + (failed.detail() == null ? "" : " — " + failed.detail())
                    + (failed.oldKeyKept() ? "; the old key is still valid" : "; the old key is no longer valid");
        }
        if (payload instanceof NotificationDelivered sent) {
            return "notified " + sent.sink() + " (" + sent.sinkKind().name().toLowerCase(Locale.ROOT) + ")";
        }
        if (payload instanceof NotificationFailed failed) {
            return "notification to " + failed.sink() + " failed: " + failed.errorCode()
                    + (failed.willRetry() ? " (will retry)" : "");
        }
        return null;
    }

    static String words(StepKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String words(RotationStepKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
