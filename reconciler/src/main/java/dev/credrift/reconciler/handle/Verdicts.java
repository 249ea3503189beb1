package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.classify.Attention;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.journal.LastVerdict;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Verdict codes and change detection, so that only a changed verdict is published. Pure. */
final class Verdicts {

    /** The code of a spec that is not valid (nothing is assessed). */
    static final String INVALID = "SPEC_INVALID";

    private Verdicts() {}

    /**
     * The verdict to journal. A paused consumer is part of the code ({@code CONSUMERS_STALE+CONSUMER_PAUSED}), so that
     * pausing or resuming a workload is a change of state, while a resync that finds the same state is not.
     */
    static LastVerdict of(Classification classification, Assessment assessment, Instant now) {
        HopFingerprints fp = assessment.fingerprints();
        String fingerprints = text(fp.source()) + "|" + text(fp.vault()) + "|" + text(fp.replica()) + "|"
                + assessment.consumersFingerprint().map(Fingerprint::value).orElse("-");
        String paused = Attention.of(classification, assessment)
                .filter(a -> a.reason() == AttentionRequired.Reason.CONSUMER_PAUSED)
                .map(a -> "+" + a.reason().name())
                .orElse("");
        return new LastVerdict(code(classification) + paused, fingerprints, now);
    }

    /**
     * The alert a new verdict raises: one per state that leaves consumers broken, when that state is reached — not
     * again at every resync that finds it unchanged (architecture.md §5.1 rule 6).
     */
    static Optional<Attention> alertDue(
            LastVerdict previous, LastVerdict current, Classification classification, Assessment assessment) {
        return changed(previous, current) ? Attention.of(classification, assessment) : Optional.empty();
    }

    static String code(Classification classification) {
        return classification instanceof Classification.Classified c
                ? c.driftClass().name()
                : "UNDETERMINED_"
                        + ((Classification.Undetermined) classification).cause().name();
    }

    static boolean changed(LastVerdict previous, LastVerdict now) {
        return previous == null
                || !previous.code().equals(now.code())
                || !Objects.equals(previous.fingerprints(), now.fingerprints());
    }

    static boolean wasDrifted(LastVerdict previous) {
        return previous != null
                && !previous.code().equals(DriftClass.IN_SYNC.name())
                && !previous.code().equals(INVALID)
                && !previous.code().startsWith("UNDETERMINED_");
    }

    /** The hop a class is about, for the audit's "before". */
    static Fingerprint differing(DriftClass driftClass, Assessment a) {
        return switch (driftClass) {
            case VAULT_STALE -> a.fingerprints().vault();
            case REPLICA_STALE, REPLICA_UNSYNCABLE -> a.fingerprints().replica();
            default -> null;
        };
    }

    static Optional<DriftClass> driftClass(Classification classification) {
        return classification instanceof Classification.Classified c ? Optional.of(c.driftClass()) : Optional.empty();
    }

    private static String text(Fingerprint fingerprint) {
        return fingerprint == null ? "-" : fingerprint.value();
    }
}
