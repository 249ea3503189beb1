package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.rotate.Capability;
import dev.credrift.reconciler.rotate.RotationDecision;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.RotationMetrics;
import dev.credrift.reconciler.rotate.keys.RotationKeys;
import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.Step;
import dev.credrift.reconciler.step.StepContext;
import dev.credrift.reconciler.step.StepOutcome;
import dev.credrift.reconciler.step.StoreChecks;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.VaultValue;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a rotation (issue 17) on any store credrift mints on, through the store port {@link RotationKeys}, one
 * journaled step per handling stage: each step's start is journaled (acknowledged) before its effect, its completion
 * before the next step. MINT → PROBE_NEW → WRITE_VAULT run in one go when the store takes the key at once; a store
 * that applies it later (Rook reconciling {@code spec.keys}) is probed again on a timer, bounded, with the new key
 * recovered from the Secret credrift owns. FORCE_SYNC … ROLL are the existing remediation's steps (budgets, readiness
 * gate): once the vault holds the new key the binding drifts and the handler remediates it; the rotation records them
 * done when every hop and consumer is in sync on the new key (PROVE_CONSUMERS). Then the {@code revokeAfter} grace on
 * a timer, and {@link RotationRevoke}.
 */
final class RotationSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RotationSteps.class);
    /** A re-handling soon after the vault moved: the drift it made is remediated by the next assessment. */
    private static final Duration NEXT_LOOK = Duration.ofSeconds(1);
    /** How soon to look again while the hops are not in sync on the new key and no remediation moves them. */
    private static final Duration HOPS_LOOK = Duration.ofSeconds(2);
    /** How long a store that applies keys later (Rook) may take before the new key answers. */
    static final Duration PROBE_WAIT = Duration.ofSeconds(90);

    private final Exec exec;
    private final ClusterPorts cluster;
    private final StoreChecks store;
    private final Step writeVault;
    private final RotationLedger ledger;
    private final RotationRevoke end;
    private final RotationRollback back;

    RotationSteps(RotationPorts ports, Notices notices, RotationMetrics metrics, Requeue requeue) {
        this.exec = ports.exec();
        this.cluster = ports.cluster();
        this.store = ports.store();
        this.writeVault = ports.writeVault();
        this.ledger = new RotationLedger(notices, metrics, exec.clock(), requeue);
        this.end = new RotationRevoke(exec, store.probe(), ledger);
        this.back = new RotationRollback(ledger);
    }

    /** Carries out {@code decision}; completes with the journal as it stands afterwards. */
    Future<Optional<RotationJournal>> carryOut(
            Handling h,
            BoundBinding b,
            AssessedWorld w,
            RotationDecision decision,
            Optional<String> request,
            Capability capability) {
        Optional<RotationJournal> journal = h.entry().rotationJournal();
        Optional<ProbeTarget> target = w.snapshot().target().value();
        Optional<RotationKeys> port = target.flatMap(t -> RotationKeys.of(capability, exec, cluster, h, b, t));
        if (port.isEmpty()) {
            if (decision instanceof RotationDecision.Due || decision instanceof RotationDecision.Resume) {
                h.log().on(LOG.atInfo()).log("Rotation: the store cannot be reached now; tried again later");
            }
            return Future.succeededFuture(journal);
        }
        Stage s = new Stage(h, b, w, port.get(), target.get());
        if (decision instanceof RotationDecision.Due due) {
            return start(s, due, request);
        }
        if (journal.isEmpty()) {
            return Future.succeededFuture(journal);
        }
        RotationJournal j = journal.get();
        if (decision instanceof RotationDecision.Wait wait) {
            ledger.lookAgain(
                    b.id(), Duration.between(ledger.now(), wait.until()).plusMillis(100));
            return j.hasStarted(RotationStepKind.WAIT_REVOKE_AFTER)
                    ? Future.succeededFuture(journal)
                    : RotationLedger.journal(h, j.started(RotationStepKind.WAIT_REVOKE_AFTER, ledger.now()))
                            .map(Optional::of);
        }
        if (decision instanceof RotationDecision.Blocked blocked) {
            return ledger.halt(h, b, j, blocked.step(), blocked.reason()).map(Optional::of);
        }
        if (decision instanceof RotationDecision.RollBack rollBack) {
            return back.rollBack(
                            h,
                            b,
                            j,
                            s.keys(),
                            rollBack,
                            old -> writeVault.run(
                                    context(s, old, store.fingerprinter().fingerprint(old))))
                    .map(Optional::of);
        }
        if (decision instanceof RotationDecision.Resume resume) {
            return resume(s, j, resume.step()).map(Optional::of);
        }
        return Future.succeededFuture(journal);
    }

    /** One handling's rotation: the binding, its world, the store port and the probe target. */
    private record Stage(Handling h, BoundBinding b, AssessedWorld w, RotationKeys keys, ProbeTarget target) {}

    private Future<Optional<RotationJournal>> start(Stage s, RotationDecision.Due due, Optional<String> request) {
        Optional<Credential> old = s.w().authority();
        if (old.isEmpty()) {
            s.h().log()
                    .on(LOG.atInfo())
                    .log("Rotation: due, but the vault's key cannot be read now; tried again later");
            return Future.succeededFuture(s.h().entry().rotationJournal());
        }
        String oldId = old.get().accessKeyId();
        return s.keys()
                .keys(oldId)
                .map(Optional::of)
                .otherwise(e -> {
                    // nothing is opened: the next handling tries again
                    s.h().log().on(LOG.atWarn()).log("Rotation: the store's keys cannot be listed: {}", SafeText.of(e));
                    return Optional.<Set<String>>empty();
                })
                .compose(before -> before.isEmpty()
                        ? Future.succeededFuture(s.h().entry().rotationJournal())
                        : open(s, due, request, oldId, before.get()).map(Optional::of));
    }

    private Future<RotationJournal> open(
            Stage s, RotationDecision.Due due, Optional<String> request, String oldId, Set<String> before) {
        RotationJournal opened = RotationJournal.open(UUID.randomUUID().toString(), ledger.now(), oldId, before);
        RotationJournal j = request.map(opened::withRequest).orElse(opened);
        s.h().log().on(LOG.atInfo()).log("Rotation: {} starts: minting a second key", j.rotationId());
        return RotationLedger.journal(s.h(), j)
                .compose(x -> ledger.notices()
                        .publish(
                                new RotationStarted(
                                        s.b().id(),
                                        j.rotationId(),
                                        due.onDemand()
                                                ? RotationStarted.Trigger.ON_DEMAND
                                                : RotationStarted.Trigger.SCHEDULE,
                                        AccessKeyMask.mask(oldId),
                                        due.dueSince(),
                                        false),
                                j.rotationId()))
                .compose(x -> mint(s, j));
    }

    private Future<RotationJournal> resume(Stage s, RotationJournal j, RotationStepKind step) {
        // the vault itself, not the authority: with authority Source (a plain RGW user) the source Secret holds the
        // new key right after the mint, before it was probed or written to the vault
        boolean vaultHoldsNew = s.w().snapshot()
                .vault()
                .value()
                .flatMap(VaultValue::credential)
                .map(c -> c.accessKeyId().equals(j.newAccessKeyId()))
                .orElse(false);
        return switch (step) {
            case MINT -> mint(s, j);
            case PROBE_NEW, WRITE_VAULT ->
                vaultHoldsNew
                        ? ledger.done(
                                s.h(),
                                s.b(),
                                ledger.done(j, RotationStepKind.PROBE_NEW),
                                RotationStepKind.WRITE_VAULT,
                                "the vault holds it")
                        : recovered(s, j, step);
            case FORCE_SYNC, AWAIT_REPLICA, ROLL, PROVE_CONSUMERS -> proveConsumers(s, j, vaultHoldsNew);
            case WAIT_REVOKE_AFTER ->
                ledger.done(s.h(), s.b(), j, step, "revokeAfter has passed")
                        .compose(next -> end.revoke(s.h(), s.b(), s.w(), next, s.keys(), s.target()));
            case REVOKE -> end.revoke(s.h(), s.b(), s.w(), j, s.keys(), s.target());
            case PROVE_OLD_REFUSED -> end.proveOldRefused(s.h(), s.b(), s.w(), j, s.target());
        };
    }

    // the new secret is in the store's keeping (Rook: credrift's Secret), or it was lost with a restart
    private Future<RotationJournal> recovered(Stage s, RotationJournal j, RotationStepKind step) {
        return s.keys()
                .recover(j)
                .compose(fresh -> fresh.filter(k -> k.accessKeyId().equals(j.newAccessKeyId()))
                        .map(k -> probeAndWrite(s, j, k))
                        .orElseGet(() -> ledger.halt(
                                s.h(),
                                s.b(),
                                j,
                                step,
                                "the new key's secret was lost in a restart before the vault held it; revoke "
                                        + s.keys()
                                                .describe(AccessKeyMask.mask(j.newAccessKeyId())
                                                        .value())
                                        + " by hand")))
                .recover(e -> ledger.halt(s.h(), s.b(), j, step, SafeText.of(e)));
    }

    // ---- mint, probe, write the vault ----

    private Future<RotationJournal> mint(Stage s, RotationJournal j) {
        Handling h = s.h();
        return RotationLedger.journal(
                        h, j.hasStarted(RotationStepKind.MINT) ? j : j.started(RotationStepKind.MINT, ledger.now()))
                .compose(started -> s.keys().mint(started).compose(fresh -> {
                    RotationJournal minted = started.minted(fresh.accessKeyId(), ledger.now());
                    String what = s.keys().describe(fresh.maskedAccessKeyId().value());
                    // reported before the mint is journaled done: a crash right after the journal loses neither
                    return ledger.step(s.b(), minted, RotationStepKind.MINT, "minted " + what)
                            .compose(x -> ledger.notices()
                                    .audit(
                                            h,
                                            "ROTATION_KEY_MINTED",
                                            "minted " + what + " beside "
                                                    + AccessKeyMask.mask(j.oldAccessKeyId())
                                                            .value(),
                                            j.rotationId(),
                                            null,
                                            store.fingerprinter().fingerprint(fresh)))
                            .compose(x -> RotationLedger.journal(h, minted))
                            .compose(x -> probeAndWrite(s, minted, fresh));
                }))
                .recover(e -> ledger.halt(h, s.b(), j, RotationStepKind.MINT, SafeText.of(e)));
    }

    private Future<RotationJournal> probeAndWrite(Stage s, RotationJournal j, Credential fresh) {
        Handling h = s.h();
        BoundBinding b = s.b();
        return RotationLedger.journal(h, ledger.started(j, RotationStepKind.PROBE_NEW))
                .compose(started -> exec.guards()
                        .store()
                        .call(exec.context(), h.log(), () -> store.probe().probeFresh(s.target(), fresh))
                        .compose(verdict -> probed(s, started, fresh, verdict)))
                .compose(probed -> probed.halt() != null || !probed.hasCompleted(RotationStepKind.PROBE_NEW)
                        ? Future.succeededFuture(probed)
                        : RotationLedger.journal(h, probed.started(RotationStepKind.WRITE_VAULT, ledger.now()))
                                .compose(started -> writeVault
                                        .run(context(
                                                s, fresh, store.fingerprinter().fingerprint(fresh)))
                                        .compose(outcome -> written(h, b, started, outcome))));
    }

    private Future<RotationJournal> probed(Stage s, RotationJournal j, Credential fresh, ProbeVerdict verdict) {
        if (verdict instanceof ProbeVerdict.Accepted) {
            return ledger.done(
                    s.h(), s.b(), j, RotationStepKind.PROBE_NEW, "the store accepts " + fresh.maskedAccessKeyId());
        }
        Instant mintedAt = j.completedAt(RotationStepKind.MINT).orElse(j.startedAt());
        boolean pending = verdict instanceof ProbeVerdict.Rejected r
                && r.reason() == ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID;
        if (s.keys().appliesLater() && pending && ledger.now().isBefore(mintedAt.plus(PROBE_WAIT))) {
            // Rook has not added the key yet: look again soon (jittered), on a timer, never longer than PROBE_WAIT
            long millis = 500 + ThreadLocalRandom.current().nextLong(500);
            ledger.lookAgain(s.b().id(), Duration.ofMillis(millis));
            return Future.succeededFuture(j);
        }
        return ledger.halt(
                s.h(),
                s.b(),
                j,
                RotationStepKind.PROBE_NEW,
                "the store does not accept the new key: " + verdict
                        + (s.keys().appliesLater() ? " (waited " + PROBE_WAIT.toSeconds() + " s)" : ""));
    }

    private Future<RotationJournal> written(Handling h, BoundBinding b, RotationJournal j, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Done || outcome instanceof StepOutcome.AlreadyDone) {
            // the vault is ahead of the replica now: the next handling remediates that drift (sync, replica, roll)
            ledger.lookAgain(b.id(), NEXT_LOOK);
            return ledger.done(h, b, j, RotationStepKind.WRITE_VAULT, outcome.detail());
        }
        return ledger.halt(h, b, j, RotationStepKind.WRITE_VAULT, outcome.detail());
    }

    private StepContext context(Stage s, Credential fresh, Fingerprint fp) {
        return new StepContext(
                s.b(),
                fresh,
                fp,
                s.target(),
                Duration.ZERO,
                0,
                s.w().snapshot()
                        .replica()
                        .value()
                        .map(ReplicaValue::externalSecret)
                        .map(es -> es.targetSecret())
                        .orElse(""),
                s.h());
    }

    // ---- the hops: the existing remediation moves them; the rotation waits for the proof ----

    private Future<RotationJournal> proveConsumers(Stage s, RotationJournal j, boolean vaultHoldsNew) {
        Handling h = s.h();
        BoundBinding b = s.b();
        boolean inSync = s.w().classification() instanceof Classification.Classified c && c.inSync();
        if (h.entry().openRemediation().isPresent()) {
            return Future.succeededFuture(j); // a remediation is moving the hops; its ending brings a new handling
        }
        if (!vaultHoldsNew || !inSync) {
            // no remediation is open (yet): nothing else may bring this binding back, so look again on a timer
            ledger.lookAgain(b.id(), HOPS_LOOK);
            return Future.succeededFuture(j);
        }
        String who = AccessKeyMask.mask(j.newAccessKeyId()).value();
        // the remediation that moved the hops published its own steps; the rotation records what they achieved
        String by = "by the remediation that moved the hops to " + who;
        return ledger.done(h, b, j, RotationStepKind.FORCE_SYNC, "the ExternalSecret was force-synced " + by)
                .compose(x -> ledger.done(h, b, x, RotationStepKind.AWAIT_REPLICA, "the replica holds " + who))
                .compose(x -> ledger.done(h, b, x, RotationStepKind.ROLL, "the consumers were rolled " + by))
                .compose(x -> ledger.done(
                        h,
                        b,
                        x,
                        RotationStepKind.PROVE_CONSUMERS,
                        "the vault, the replica and every consumer are in sync on " + who))
                .map(next -> {
                    // revokeAfter counts from now: the next handling waits for it on a timer
                    ledger.lookAgain(b.id(), NEXT_LOOK);
                    return next;
                });
    }
}
