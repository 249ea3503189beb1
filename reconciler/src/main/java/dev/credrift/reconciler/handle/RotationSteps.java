package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.MinioSource;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.RotationCompleted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepFinished;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.minio.MinioAdmin;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.rotate.RotationDecision;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.RotationMetrics;
import dev.credrift.reconciler.step.StepContext;
import dev.credrift.reconciler.step.StepOutcome;
import dev.credrift.reconciler.step.StepTools;
import dev.credrift.reconciler.step.WriteVaultStep;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.ReplicaValue;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a MinIO service-account rotation (issue 17), one journaled step per handling stage: each step's start
 * is journaled (acknowledged) before its effect, its completion before the next step. MINT → PROBE_NEW → WRITE_VAULT
 * run in one go, because the new secret lives only in memory until the vault holds it. FORCE_SYNC … ROLL are the
 * existing remediation's steps (budgets, readiness gate): once the vault holds the new key the binding drifts and the
 * handler remediates it; the rotation records them done when every hop and consumer is in sync on the new key
 * (PROVE_CONSUMERS). Then the {@code revokeAfter} grace on a timer, the revoke and the proof that the old key is
 * refused.
 */
final class RotationSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RotationSteps.class);
    /** A re-handling soon after the vault moved: the drift it made is remediated by the next assessment. */
    private static final Duration NEXT_LOOK = Duration.ofSeconds(1);
    // any secret: a deleted access key is refused as InvalidAccessKeyId before its signature is checked
    private static final SecretValue NO_SECRET = SecretValue.of("credrift-revocation-proof-not-a-key");

    private final StepTools tools;
    private final Notices notices;
    private final RotationMetrics metrics;
    /** The hops a MinIO rotation moves to the new key: the vault, the replica and the consumers. */
    private static final int HOPS_MOVED = 3;

    private final BiConsumer<BindingId, Duration> timers;
    private final SecureRandom random = new SecureRandom();
    private final RotationAdmin admin;

    RotationSteps(StepTools tools, Notices notices, RotationMetrics metrics, BiConsumer<BindingId, Duration> timers) {
        this.tools = tools;
        this.notices = notices;
        this.metrics = metrics;
        this.timers = timers;
        this.admin = new RotationAdmin(tools);
    }

    /** Carries out {@code decision} for a MinIO binding; completes with the journal as it stands afterwards. */
    Future<Optional<RotationJournal>> carryOut(
            Handling h, BoundBinding b, AssessedWorld w, RotationDecision decision, Optional<String> request) {
        Optional<RotationJournal> journal = h.entry().rotationJournal();
        if (decision instanceof RotationDecision.Due due) {
            return start(h, b, w, due, request);
        }
        if (journal.isEmpty()) {
            return Future.succeededFuture(journal);
        }
        RotationJournal j = journal.get();
        if (decision instanceof RotationDecision.Wait wait) {
            timers.accept(
                    b.id(),
                    Duration.between(tools.clock().instant(), wait.until()).plusMillis(100));
            return j.hasStarted(RotationStepKind.WAIT_REVOKE_AFTER)
                    ? Future.succeededFuture(journal)
                    : journal(h, j.started(RotationStepKind.WAIT_REVOKE_AFTER, now()))
                            .map(Optional::of);
        }
        if (decision instanceof RotationDecision.Blocked blocked) {
            return halt(h, b, j, blocked.step(), blocked.reason()).map(Optional::of);
        }
        if (decision instanceof RotationDecision.Resume resume) {
            return resume(h, b, w, j, resume.step()).map(Optional::of);
        }
        return Future.succeededFuture(journal);
    }

    private Future<Optional<RotationJournal>> start(
            Handling h, BoundBinding b, AssessedWorld w, RotationDecision.Due due, Optional<String> request) {
        Optional<Credential> old = w.authority();
        if (old.isEmpty() || w.snapshot().target().value().isEmpty()) {
            h.log().on(LOG.atInfo()).log("Rotation: due, but the vault's key cannot be read now; tried again later");
            return Future.succeededFuture(h.entry().rotationJournal());
        }
        String oldId = old.get().accessKeyId();
        RotationJournal opened = RotationJournal.open(UUID.randomUUID().toString(), now(), oldId, Set.of(oldId));
        RotationJournal j = request.map(opened::withRequest).orElse(opened);
        h.log().on(LOG.atInfo()).log("Rotation: {} starts: minting a second key", j.rotationId());
        return journal(h, j)
                .compose(x -> notices.publish(
                        new RotationStarted(
                                b.id(),
                                j.rotationId(),
                                due.onDemand() ? RotationStarted.Trigger.ON_DEMAND : RotationStarted.Trigger.SCHEDULE,
                                AccessKeyMask.mask(oldId),
                                due.dueSince(),
                                false),
                        j.rotationId()))
                .compose(x -> mint(h, b, w, j))
                .map(Optional::of);
    }

    private Future<RotationJournal> resume(
            Handling h, BoundBinding b, AssessedWorld w, RotationJournal j, RotationStepKind step) {
        Optional<Credential> vault = w.authority();
        boolean vaultHoldsNew =
                vault.map(c -> c.accessKeyId().equals(j.newAccessKeyId())).orElse(false);
        return switch (step) {
            case MINT -> mint(h, b, w, j);
            // the new secret was only in memory: the vault holds it, or it is lost with the crash
            case PROBE_NEW, WRITE_VAULT ->
                vaultHoldsNew
                        ? done(
                                h,
                                b,
                                done(j, RotationStepKind.PROBE_NEW),
                                RotationStepKind.WRITE_VAULT,
                                "the vault holds it")
                        : halt(
                                h,
                                b,
                                j,
                                step,
                                "the new key's secret was lost in a restart before the vault held it; delete"
                                        + " service account "
                                        + AccessKeyMask.mask(j.newAccessKeyId()).value() + " by hand");
            case FORCE_SYNC, AWAIT_REPLICA, ROLL, PROVE_CONSUMERS -> proveConsumers(h, b, w, j, vaultHoldsNew);
            case WAIT_REVOKE_AFTER ->
                done(h, b, j, step, "revokeAfter has passed").compose(next -> revoke(h, b, w, next));
            case REVOKE -> revoke(h, b, w, j);
            case PROVE_OLD_REFUSED -> proveOldRefused(h, b, w, j);
        };
    }

    // ---- mint, probe, write the vault: one go ----

    private Future<RotationJournal> mint(Handling h, BoundBinding b, AssessedWorld w, RotationJournal j) {
        MinioSource minio = b.spec().source().minio();
        Credential fresh = MinioAdmin.newServiceAccountKey(random);
        ProbeTarget target = w.snapshot().target().value().orElseThrow();
        return journal(h, j.hasStarted(RotationStepKind.MINT) ? j : j.started(RotationStepKind.MINT, now()))
                .compose(started -> admin.call(
                                h,
                                b,
                                target,
                                api -> api.ensure(
                                        fresh,
                                        Optional.ofNullable(minio.policy()).filter(p -> !p.isBlank())))
                        .compose(ensured -> {
                            RotationJournal minted = started.minted(fresh.accessKeyId(), now());
                            return journal(h, minted)
                                    .compose(x -> step(
                                            b,
                                            minted,
                                            RotationStepKind.MINT,
                                            "minted service account " + fresh.maskedAccessKeyId()))
                                    .compose(x -> notices.audit(
                                            h,
                                            "ROTATION_KEY_MINTED",
                                            "minted service account " + fresh.maskedAccessKeyId() + " in MinIO at "
                                                    + minio.endpoint() + " beside "
                                                    + AccessKeyMask.mask(j.oldAccessKeyId())
                                                            .value(),
                                            j.rotationId(),
                                            null,
                                            tools.fingerprinter().fingerprint(fresh)))
                                    .compose(x -> probeAndWrite(h, b, w, minted, fresh));
                        }))
                .recover(e -> halt(h, b, j, RotationStepKind.MINT, SafeText.of(e)));
    }

    private Future<RotationJournal> probeAndWrite(
            Handling h, BoundBinding b, AssessedWorld w, RotationJournal j, Credential fresh) {
        ProbeTarget target = w.snapshot().target().value().orElseThrow();
        Fingerprint fingerprint = tools.fingerprinter().fingerprint(fresh);
        return journal(h, j.started(RotationStepKind.PROBE_NEW, now()))
                .compose(started -> tools.guards()
                        .store()
                        .call(tools.context(), h.log(), () -> tools.probe().probe(target, fresh))
                        .compose(verdict -> verdict instanceof ProbeVerdict.Accepted
                                ? done(
                                        h,
                                        b,
                                        started,
                                        RotationStepKind.PROBE_NEW,
                                        "the store accepts " + fresh.maskedAccessKeyId())
                                : halt(
                                        h,
                                        b,
                                        started,
                                        RotationStepKind.PROBE_NEW,
                                        "the store does not accept the new key: " + verdict)))
                .compose(probed -> probed.halt() != null
                        ? Future.succeededFuture(probed)
                        : journal(h, probed.started(RotationStepKind.WRITE_VAULT, now()))
                                .compose(started -> new WriteVaultStep()
                                        .run(context(b, w, fresh, fingerprint, h))
                                        .compose(outcome -> written(h, b, started, outcome))));
    }

    private Future<RotationJournal> written(Handling h, BoundBinding b, RotationJournal j, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Done || outcome instanceof StepOutcome.AlreadyDone) {
            // the vault is ahead of the replica now: the next handling remediates that drift (sync, replica, roll)
            timers.accept(b.id(), NEXT_LOOK);
            return done(h, b, j, RotationStepKind.WRITE_VAULT, outcome.detail());
        }
        return halt(h, b, j, RotationStepKind.WRITE_VAULT, outcome.detail());
    }

    private StepContext context(BoundBinding b, AssessedWorld w, Credential fresh, Fingerprint fp, Handling h) {
        return new StepContext(
                b,
                fresh,
                fp,
                w.snapshot().target().value().orElseThrow(),
                Duration.ZERO,
                0,
                w.snapshot()
                        .replica()
                        .value()
                        .map(ReplicaValue::externalSecret)
                        .map(es -> es.targetSecret())
                        .orElse(""),
                h,
                tools);
    }

    // ---- the hops: the existing remediation moves them; the rotation waits for the proof ----

    private Future<RotationJournal> proveConsumers(
            Handling h, BoundBinding b, AssessedWorld w, RotationJournal j, boolean vaultHoldsNew) {
        boolean inSync = w.classification() instanceof Classification.Classified c && c.inSync();
        if (!vaultHoldsNew || !inSync || h.entry().openRemediation().isPresent()) {
            return Future.succeededFuture(j); // a remediation is moving the hops; its ending brings a new handling
        }
        String who = AccessKeyMask.mask(j.newAccessKeyId()).value();
        // the remediation that moved the hops published its own steps; the rotation records what they achieved
        String by = "by the remediation that moved the hops to " + who;
        return done(h, b, j, RotationStepKind.FORCE_SYNC, "the ExternalSecret was force-synced " + by)
                .compose(x -> done(h, b, x, RotationStepKind.AWAIT_REPLICA, "the replica holds " + who))
                .compose(x -> done(h, b, x, RotationStepKind.ROLL, "the consumers were rolled " + by))
                .compose(x -> done(
                        h,
                        b,
                        x,
                        RotationStepKind.PROVE_CONSUMERS,
                        "the vault, the replica and every consumer are in sync on " + who))
                .map(next -> {
                    // revokeAfter counts from now: the next handling waits for it on a timer
                    timers.accept(b.id(), NEXT_LOOK);
                    return next;
                });
    }

    // ---- revoke and prove ----

    private Future<RotationJournal> revoke(Handling h, BoundBinding b, AssessedWorld w, RotationJournal j) {
        MinioSource minio = b.spec().source().minio();
        ProbeTarget target = w.snapshot().target().value().orElseThrow();
        String old = AccessKeyMask.mask(j.oldAccessKeyId()).value();
        return journal(h, j.hasStarted(RotationStepKind.REVOKE) ? j : j.started(RotationStepKind.REVOKE, now()))
                .compose(started -> admin.call(h, b, target, api -> api.delete(j.oldAccessKeyId()))
                        .compose(deleted -> done(
                                h,
                                b,
                                started,
                                RotationStepKind.REVOKE,
                                (deleted == MinioAdmin.Deleted.DELETED ? "deleted" : "already deleted")
                                        + " service account " + old))
                        .compose(revoked -> notices.audit(
                                        h,
                                        "ROTATION_KEY_REVOKED",
                                        "deleted service account " + old + " in MinIO at " + minio.endpoint(),
                                        j.rotationId(),
                                        null,
                                        w.assessment().authorityFingerprint().orElse(null))
                                .map(revoked))
                        .compose(revoked -> proveOldRefused(h, b, w, revoked)))
                .recover(e -> halt(h, b, j, RotationStepKind.REVOKE, SafeText.of(e)));
    }

    private Future<RotationJournal> proveOldRefused(Handling h, BoundBinding b, AssessedWorld w, RotationJournal j) {
        ProbeTarget target = w.snapshot().target().value().orElseThrow();
        Credential old = new Credential(j.oldAccessKeyId(), NO_SECRET);
        String oldMasked = AccessKeyMask.mask(j.oldAccessKeyId()).value();
        return journal(h, j.started(RotationStepKind.PROVE_OLD_REFUSED, now()))
                .compose(started -> tools.guards()
                        .store()
                        .call(tools.context(), h.log(), () -> tools.probe().probe(target, old))
                        .compose(verdict -> {
                            if (verdict instanceof ProbeVerdict.Rejected r
                                    && r.reason() == ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID) {
                                return done(
                                                h,
                                                b,
                                                started,
                                                RotationStepKind.PROVE_OLD_REFUSED,
                                                "the store refuses " + oldMasked + " (InvalidAccessKeyId)")
                                        .compose(finished ->
                                                completed(b, w, finished).map(finished));
                            }
                            // the store may not have forgotten it yet: look again soon
                            timers.accept(b.id(), NEXT_LOOK);
                            return Future.succeededFuture(started);
                        }));
    }

    private Future<Void> completed(BoundBinding b, AssessedWorld w, RotationJournal j) {
        metrics.rotation(RotationMetrics.Outcome.COMPLETED);
        int workloads = w.assessment().consumers().size();
        return notices.publish(
                new RotationCompleted(
                        b.id(),
                        j.rotationId(),
                        AccessKeyMask.mask(j.newAccessKeyId()),
                        w.assessment().authorityFingerprint().orElse(null),
                        AccessKeyMask.mask(j.oldAccessKeyId()),
                        HOPS_MOVED,
                        workloads,
                        Duration.between(j.startedAt(), now()).toMillis()),
                j.rotationId());
    }

    // ---- journal, events, halt ----

    private Future<RotationJournal> done(
            Handling h, BoundBinding b, RotationJournal j, RotationStepKind step, String detail) {
        RotationJournal next = done(j, step);
        return journal(h, next).compose(x -> step(b, next, step, detail)).map(next);
    }

    private RotationJournal done(RotationJournal j, RotationStepKind step) {
        RotationJournal started = j.hasStarted(step) ? j : j.started(step, now());
        return started.completed(step, now());
    }

    private Future<Void> step(BoundBinding b, RotationJournal j, RotationStepKind step, String detail) {
        return notices.publish(
                new RotationStepFinished(
                        b.id(), j.rotationId(), step, RotationStepFinished.Result.DONE, SafeText.clip(detail)),
                j.rotationId());
    }

    private Future<RotationJournal> halt(
            Handling h, BoundBinding b, RotationJournal j, RotationStepKind step, String reason) {
        RotationJournal halted = j.halted(SafeText.clip(reason));
        metrics.rotation(RotationMetrics.Outcome.FAILED);
        h.log().on(LOG.atWarn()).log("Rotation: halted at {}: {}", step, halted.halt());
        return journal(h, halted)
                .compose(x -> notices.publish(
                        new RotationFailed(b.id(), j.rotationId(), step, "HALTED", halted.halt(), true),
                        j.rotationId()))
                .map(halted);
    }

    private static Future<RotationJournal> journal(Handling h, RotationJournal j) {
        return h.update(e -> e.withRotation(j)).map(j);
    }

    private Instant now() {
        return tools.clock().instant();
    }
}
