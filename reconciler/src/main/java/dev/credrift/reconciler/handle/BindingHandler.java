package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.reconciler.assess.Assessor;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.identity.ServiceAccountTokens;
import dev.credrift.reconciler.identity.StsClients;
import dev.credrift.reconciler.journal.Journal;
import dev.credrift.reconciler.journal.LastVerdict;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.plan.Planner;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.Outcomes;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.report.StatusWriter;
import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationRunner;
import dev.credrift.reconciler.step.Steps;
import dev.credrift.reconciler.step.StoreChecks;
import dev.credrift.reconciler.world.BindingLookup;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.WorldReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One handling of one binding (see the package documentation). Runs on the reconciler's event loop. */
public final class BindingHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BindingHandler.class);

    private final Exec exec;
    private final WorldReader reader;
    private final Parts parts;
    private final Planner planner = new Planner();
    private final AtomicLong handlings = new AtomicLong();
    private final ReconcilerMetrics metrics;
    private final HandlerSettings settings;
    private final Requeue requeue;
    private final BooleanSupplier stopped;
    private final Journal journal;

    /** The handler's stages, each a class of its own (one job per class). */
    private record Parts(
            Assessing assessing,
            Notices notices,
            News news,
            Remediations remediations,
            RotationStage rotation,
            SharedConsumers shared) {}

    private BindingHandler(
            Exec exec,
            WorldReader reader,
            Parts parts,
            ReconcilerMetrics metrics,
            HandlerSettings settings,
            Requeue requeue,
            BooleanSupplier stopped,
            Journal journal) {
        this.exec = exec;
        this.reader = reader;
        this.parts = parts;
        this.metrics = metrics;
        this.settings = settings;
        this.requeue = requeue;
        this.stopped = stopped;
        this.journal = journal;
    }

    /** Where role-based bindings get their tokens and exchange them (stories 4 and 5). */
    public record IdentityParts(ServiceAccountTokens tokens, StsClients sts) {}

    /**
     * How the handler reaches the world: where its calls run, the cluster, the store's checks and the remediation
     * steps.
     */
    public record WorldPorts(Exec exec, ClusterPorts cluster, StoreChecks store, Steps steps) {}

    /** How a binding is assessed; role-based bindings are verified only with {@code identity}. */
    public record Assessment(Assessor assessor, Optional<IdentityParts> identity) {}

    /** Where a handling's results go: the outcome events, the audit, the status, Kubernetes events, metrics. */
    public record Reports(
            Outcomes outcomes, AuditTrail audit, StatusWriter status, KubeEvents events, ReconcilerMetrics metrics) {}

    /** Wires a handler from its parts. */
    public static BindingHandler create(
            WorldPorts world,
            Journal journal,
            Assessment assessment,
            RemediationRunner runner,
            Reports reports,
            HandlerSettings settings,
            Requeue requeue,
            BooleanSupplier stopped) {
        Exec exec = world.exec();
        ReconcilerMetrics metrics = reports.metrics();
        Assessing assessing = new Assessing(
                exec,
                world.cluster().reader(),
                world.store().probe(),
                assessment.assessor(),
                metrics,
                assessment.identity().map(id -> new IdentityAssessing(exec, world.store(), id.tokens(), id.sts())));
        Notices notices = new Notices(exec, reports.outcomes(), reports.audit(), reports.status(), reports.events());
        Endings endings = new Endings(exec.clock(), assessing, notices, metrics, settings, requeue);
        Remediations remediations = new Remediations(exec, world.cluster().kube(), runner, notices, metrics, endings);
        RotationPorts rotation = new RotationPorts(
                exec, world.cluster(), world.store(), world.steps().writeVault());
        Parts parts = new Parts(
                assessing,
                notices,
                new News(exec.clock(), notices, metrics),
                remediations,
                new RotationStage(rotation, notices, metrics.rotations(), requeue),
                new SharedConsumers(world.steps().coReads()));
        return new BindingHandler(exec, world.cluster().reader(), parts, metrics, settings, requeue, stopped, journal);
    }

    /** Handles {@code id} once; completes when everything it published and journaled is acknowledged. */
    public Future<Void> handle(BindingId id, Trigger trigger) {
        return handle(id, trigger, () -> {});
    }

    /**
     * As {@link #handle(BindingId, Trigger)}; {@code assessed} runs once the binding is assessed, before anything is
     * published or remediated (the lanes then give the assessment permit to the next binding, issue 13).
     */
    public Future<Void> handle(BindingId id, Trigger trigger, Runnable assessed) {
        if (stopped.getAsBoolean()) {
            return Promise.<Void>promise().future();
        }
        Handling h = new Handling(
                journal,
                new Reconciliation(id, trigger.name().toLowerCase(Locale.ROOT), handlings.incrementAndGet(), null));
        // an observation is evidence that a hop changed now, and a store re-check asks the store again: neither
        // reuses a store verdict from before it
        Instant evidenceAt = StoreRecheck.evidenceAt(
                trigger, h.entry().lastVerdict(), exec.clock().instant());
        return exec.guards()
                .kubernetes()
                .call(exec.context(), h.log(), () -> reader.readBinding(id))
                .compose(lookup -> {
                    if (lookup instanceof BindingLookup.Found found) {
                        return found(h, found.binding(), trigger, evidenceAt, assessed);
                    }
                    if (lookup instanceof BindingLookup.Unreadable unreadable) {
                        h.log().on(LOG.atWarn()).log("Handle: {}", unreadable.detail());
                        return Future.succeededFuture();
                    }
                    metrics.bindingGone(id);
                    return gone(h);
                })
                .compose(v -> h.flush())
                .onFailure(e -> {
                    h.log()
                            .on(LOG.atWarn())
                            .log(
                                    "Handle: failed ({}); it is handled again on the next observation or timer",
                                    SafeText.of(e));
                    if ("INTERNAL_ERROR".equals(SafeText.code(e))) {
                        h.log().on(LOG.atDebug()).setCause(e).log("Handle: the failure, for the bug report");
                    }
                })
                .recover(e -> {
                    requeue.after(id, settings.retry().delay(1, Math::random));
                    return h.flush().recover(ignored -> Future.succeededFuture());
                });
    }

    private Future<Void> gone(Handling h) {
        Optional<OpenRemediation> open = h.entry().openRemediation();
        if (open.isEmpty()) {
            return Future.succeededFuture();
        }
        OpenRemediation r = open.get();
        BindingId id = h.entry().bindingId();
        return parts.notices()
                .publish(
                        new RemediationFailed(
                                id,
                                r.id(),
                                null,
                                null,
                                "BINDING_DELETED",
                                "the CredentialBinding was deleted while its remediation was open",
                                false),
                        r.id())
                .compose(v -> parts.notices()
                        .audit(h, "REMEDIATION_ABANDONED", "the binding was deleted", r.id(), null, null))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withLastRemediation(new LastRemediation(
                                r.id(),
                                RemediationOutcome.FAILED,
                                r.startedAt(),
                                exec.clock().instant()))));
    }

    private Future<Void> found(Handling h, BoundBinding b, Trigger trigger, Instant evidenceAt, Runnable assessed) {
        parts.notices().read(b);
        return parts.remediations().liftHalt(h, b).compose(v -> {
            if (!b.validation().isValid()) {
                return invalid(h, b);
            }
            return parts.assessing()
                    .assess(b, h.entry(), evidenceAt)
                    .compose(w -> parts.shared().refine(h, b, w))
                    .compose(w -> {
                        assessed.run();
                        return decide(h, b, w, trigger);
                    });
        });
    }

    private Future<Void> invalid(Handling h, BoundBinding b) {
        Future<Void> abandoned = h.entry()
                .openRemediation()
                .map(r -> parts.remediations().abandon(h, r, "the spec became invalid"))
                .orElseGet(Future::succeededFuture);
        return abandoned.compose(v -> {
            h.stage(e -> e.withLastVerdict(
                    new LastVerdict(Verdicts.INVALID, "", exec.clock().instant())));
            return parts.notices().status(h, b, Optional.empty(), Optional.empty());
        });
    }

    private Future<Void> decide(Handling h, BoundBinding b, AssessedWorld w, Trigger trigger) {
        w.mark().ifPresent(mark -> h.stage(e -> e.withReplica(mark)));
        Instant now = exec.clock().instant();
        return parts.news()
                .news(h, b, w)
                .compose(v -> parts.rotation().decide(h, b, w))
                .compose(v -> {
                    Optional<OpenRemediation> open = h.entry().openRemediation();
                    if (open.isEmpty()) {
                        return act(h, b, w, trigger, now);
                    }
                    boolean sameSpec =
                            b.spec().mode() != Mode.OBSERVE && open.get().generation() == b.generation();
                    Decision decision = Decider.open(
                            open.get(),
                            sameSpec,
                            w.assessment().authorityFingerprint(),
                            parts.remediations().resumeBlocker(h, b, w, open.get()),
                            trigger,
                            now);
                    if (decision instanceof Decision.Supersede supersede) {
                        return parts.remediations().supersede(h, b, w, supersede.open(), supersede.current());
                    }
                    if (decision instanceof Decision.Abandon abandon) {
                        return parts.remediations()
                                .abandon(h, abandon.open(), abandon.why())
                                .compose(x -> act(h, b, w, trigger, now));
                    }
                    if (decision instanceof Decision.Defer defer) {
                        requeue.after(b.id(), defer.retryIn());
                        return parts.notices()
                                .status(h, b, Optional.of(w), Optional.of(Endings.deferredStatus(open.get())));
                    }
                    return parts.remediations().resume(h, b, w, ((Decision.Resume) decision).open());
                });
    }

    private Future<Void> act(Handling h, BoundBinding b, AssessedWorld w, Trigger trigger, Instant now) {
        Classification c = w.classification();
        if (h.entry().halted().isEmpty()
                && c instanceof Classification.Undetermined u
                && u.cause() == Classification.Cause.CONSUMERS_STARTING) {
            requeue.after(b.id(), settings.startingRecheck());
        }
        if (h.entry().halted().isEmpty() && w.assessment().authorityCheck() instanceof AuthorityCheck.Identity) {
            // a trust policy edit is seen by no watcher: look again on a timer
            requeue.after(b.id(), settings.identityRecheck());
        }
        if (h.entry().halted().isEmpty()) {
            StoreRecheck.after(c, settings.storeRecheck(), Math.random()).ifPresent(d -> requeue.after(b.id(), d));
        }
        Optional<Plan> plan = c instanceof Classification.Classified classified
                ? planner.plan(classified, w.assessment())
                : Optional.empty();
        Decision decision = Decider.idle(
                h.entry(),
                plan,
                b.spec().mode() == Mode.OBSERVE,
                trigger,
                now,
                Evidence.of(
                        b.generation(),
                        w.assessment().fingerprints(),
                        w.assessment().consumersFingerprint()));
        if (decision instanceof Decision.Start start) {
            return parts.remediations().start(h, b, w, start.plan());
        }
        if (decision instanceof Decision.Defer defer) {
            requeue.after(b.id(), defer.retryIn());
        }
        return parts.notices().status(h, b, Optional.of(w), Optional.empty());
    }
}
