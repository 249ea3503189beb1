package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.StoreProbe;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.RotationMetrics;
import dev.credrift.reconciler.rotate.keys.RotationKeys;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The end of a rotation: revoke the old key through the store port, prove the store refuses it
 * ({@code InvalidAccessKeyId}), then {@code rotation.completed}. A store that applies the revoke later (Rook) is
 * looked at again on a timer until it refuses the old key.
 */
final class RotationRevoke {

    /** The hops a rotation moves to the new key: the vault, the replica and the consumers. */
    private static final int HOPS_MOVED = 3;
    /** How soon to look again while the store has not forgotten the old key. */
    private static final Duration NEXT_LOOK = Duration.ofSeconds(1);
    // any secret: a deleted access key is refused as InvalidAccessKeyId before its signature is checked
    private static final SecretValue NO_SECRET = SecretValue.of("credrift-revocation-proof-not-a-key");

    private final Exec exec;
    private final StoreProbe probe;
    private final RotationLedger ledger;

    RotationRevoke(Exec exec, StoreProbe probe, RotationLedger ledger) {
        this.exec = exec;
        this.probe = probe;
        this.ledger = ledger;
    }

    Future<RotationJournal> revoke(
            Handling h, BoundBinding b, AssessedWorld w, RotationJournal j, RotationKeys keys, ProbeTarget target) {
        String old = AccessKeyMask.mask(j.oldAccessKeyId()).value();
        return RotationLedger.journal(
                        h, j.hasStarted(RotationStepKind.REVOKE) ? j : j.started(RotationStepKind.REVOKE, ledger.now()))
                // audited before the revoke is journaled done: a crash right after the journal loses no record
                .compose(started -> keys.revoke(started)
                        .compose(revoked -> ledger.notices()
                                .audit(
                                        h,
                                        "ROTATION_KEY_REVOKED",
                                        "revoked " + keys.describe(old),
                                        j.rotationId(),
                                        null,
                                        w.assessment().authorityFingerprint().orElse(null))
                                .map(revoked))
                        .compose(revoked -> ledger.done(
                                h,
                                b,
                                started,
                                RotationStepKind.REVOKE,
                                (revoked == RotationKeys.Revoked.REVOKED ? "revoked " : "already revoked: ")
                                        + keys.describe(old)))
                        .compose(revoked -> proveOldRefused(h, b, w, revoked, target)))
                .recover(e -> ledger.halt(h, b, j, RotationStepKind.REVOKE, SafeText.of(e)));
    }

    Future<RotationJournal> proveOldRefused(
            Handling h, BoundBinding b, AssessedWorld w, RotationJournal j, ProbeTarget target) {
        Credential old = new Credential(j.oldAccessKeyId(), NO_SECRET);
        String oldMasked = AccessKeyMask.mask(j.oldAccessKeyId()).value();
        return RotationLedger.journal(h, ledger.started(j, RotationStepKind.PROVE_OLD_REFUSED))
                .compose(started -> exec.guards()
                        .store()
                        .call(exec.context(), h.log(), () -> probe.probeFresh(target, old))
                        .compose(verdict -> {
                            if (verdict instanceof ProbeVerdict.Rejected r
                                    && r.reason() == ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID) {
                                // rotation.completed before the journal says done: a crash between would lose it
                                return completed(b, w, started)
                                        .compose(x -> ledger.done(
                                                h,
                                                b,
                                                started,
                                                RotationStepKind.PROVE_OLD_REFUSED,
                                                "the store refuses " + oldMasked + " (InvalidAccessKeyId)"));
                            }
                            // the store may not have forgotten it yet (Rook applies spec.keys later): look again
                            ledger.lookAgain(b.id(), NEXT_LOOK);
                            return Future.succeededFuture(started);
                        }));
    }

    private Future<Void> completed(BoundBinding b, AssessedWorld w, RotationJournal j) {
        ledger.metrics().rotation(RotationMetrics.Outcome.COMPLETED);
        int workloads = w.assessment().consumers().size();
        return ledger.notices()
                .publish(
                        new RotationCompleted(
                                b.id(),
                                j.rotationId(),
                                AccessKeyMask.mask(j.newAccessKeyId()),
                                w.assessment().authorityFingerprint().orElse(null),
                                AccessKeyMask.mask(j.oldAccessKeyId()),
                                HOPS_MOVED,
                                workloads,
                                Duration.between(j.startedAt(), ledger.now()).toMillis()),
                        j.rotationId());
    }
}
