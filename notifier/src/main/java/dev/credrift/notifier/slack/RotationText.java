package dev.credrift.notifier.slack;

import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.notifier.report.Report;
import java.time.Duration;
import java.util.Optional;

/**
 * The one sentence a rotation's message leads with (and Slack's notification text), from the event alone: e.g.
 * {@code Rotated monitoring/loki-s3: 3 hops and 1 workload moved to S1CF…N6CK in 48 s; old key revoked}. A fact the
 * events do not carry (the old key of a rotation whose start this notifier did not see) is left out, never guessed.
 * Masked key ids only.
 */
final class RotationText {

    private RotationText() {}

    /** The sentence for a rotation's report; empty for any other report. */
    static Optional<String> of(Report report) {
        EventPayload payload = report.event().payload();
        String binding = report.binding().toString();
        if (payload instanceof RotationStarted started) {
            return Optional.of(
                    started.dryRun()
                            ? "Rotation of " + binding + " due (observe mode): nothing changed; the old key "
                                    + started.oldKey().value() + " stays"
                            : "Rotating " + binding + " (" + trigger(started.trigger()) + "): minting a second key");
        }
        if (payload instanceof RotationCompleted completed) {
            return Optional.of("Rotated " + binding + ": " + count(completed.hops(), "hop") + " and "
                    + count(completed.workloads(), "workload") + " moved to "
                    + completed.newKey().value() + " in "
                    + DurationText.of(Duration.ofMillis(completed.durationMillis())) + "; old key revoked");
        }
        if (payload instanceof RotationFailed failed) {
            String at = failed.step() == null ? "" : " at " + failed.step().name();
            String oldKey = report.rotationStart() == null
                    ? "old key"
                    : "old key " + report.rotationStart().oldKey().value();
            return Optional.of(
                    failed.oldKeyKept()
                            ? "Rotation of " + binding + " halted" + at + ": " + failed.reason() + "; " + oldKey
                                    + " still valid"
                            : "Rotation of " + binding + " failed" + at + ": " + failed.reason() + "; the " + oldKey
                                    + " is no longer valid");
        }
        return Optional.empty();
    }

    private static String trigger(RotationStarted.Trigger trigger) {
        return switch (trigger) {
            case SCHEDULE -> "scheduled";
            case ON_DEMAND -> "on demand";
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
