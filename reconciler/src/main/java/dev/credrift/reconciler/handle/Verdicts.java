package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.journal.LastVerdict;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Verdict codes and change detection, so that only a changed verdict is published. Pure. */
final class Verdicts {

    /** The code of a spec that is not valid (nothing is assessed). */
    static final String INVALID = "SPEC_INVALID";

    private Verdicts() {
    }

    static LastVerdict of(Classification classification, Assessment assessment, Instant now) {
        HopFingerprints fp = assessment.fingerprints();
        String fingerprints = text(fp.source()) + "|" + text(fp.vault()) + "|" + text(fp.replica()) + "|"
                + assessment.consumersFingerprint().map(Fingerprint::value).orElse("-");
        return new LastVerdict(code(classification), fingerprints, now);
    }

    static String code(Classification classification) {
        return classification instanceof Classification.Classified c ? c.driftClass().name()
                : "UNDETERMINED_" + ((Classification.Undetermined) classification).cause().name();
    }

    static boolean changed(LastVerdict previous, LastVerdict now) {
        return previous == null || !previous.code().equals(now.code())
                || !Objects.equals(previous.fingerprints(), now.fingerprints());
    }

    static boolean wasDrifted(LastVerdict previous) {
        return previous != null && !previous.code().equals(DriftClass.IN_SYNC.name())
                && !previous.code().equals(INVALID) && !previous.code().startsWith("UNDETERMINED_");
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
        return classification instanceof Classification.Classified c ? Optional.of(c.driftClass())
                : Optional.empty();
    }

    private static String text(Fingerprint fingerprint) {
        return fingerprint == null ? "-" : fingerprint.value();
    }
}
