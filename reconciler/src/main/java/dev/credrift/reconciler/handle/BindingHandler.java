package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.reconciler.classify.Attention;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.journal.LastVerdict;
import dev.credrift.reconciler.journal.OpenRemediation;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.plan.Planner;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.step.StepTools;
import dev.credrift.reconciler.world.BindingLookup;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One handling of one binding (see the package documentation). Runs on the reconciler's event loop. */
public final class BindingHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BindingHandler.class);

    private final StepTools tools;
    private final Assessing assessing;
    private final Planner planner = new Planner();
    private final AtomicLong handlings = new AtomicLong();
    private final Notices notices;
    private final Remediations remediations;
    private final ReconcilerMetrics metrics;
    private final HandlerSettings settings;
    private final BiConsumer<BindingId, java.time.Duration> timers;
    private final BooleanSupplier stopped;
    private final dev.credrift.reconciler.journal.Journal journal;

    BindingHandler(
            StepTools tools,
            Assessing assessing,
            Notices notices,
            Remediations remediations,
            ReconcilerMetrics metrics,
            HandlerSettings settings,
            BiConsumer<BindingId, java.time.Duration> timers,
            BooleanSupplier stopped,
            dev.credrift.reconciler.journal.Journal journal) {
        this.tools = tools;
        this.assessing = assessing;
        this.notices = notices;
        this.remediations = remediations;
        this.metrics = metrics;
        this.settings = settings;
        this.timers = timers;
        this.stopped = stopped;
        this.journal = journal;
    }

    /** Wires a handler from its parts; role-based bindings are not verified (no token source, no STS clients). */
    public static BindingHandler create(
            StepTools tools,
            dev.credrift.reconciler.journal.Journal journal,
            dev.credrift.reconciler.assess.Assessor assessor,
            dev.credrift.reconciler.step.RemediationRunner runner,
            dev.credrift.reconciler.report.Outcomes outcomes,
            AuditTrail audit,
            dev.credrift.reconciler.report.StatusWriter status,
            KubeEvents events,
            ReconcilerMetrics metrics,
            HandlerSettings settings,
            BiConsumer<BindingId, java.time.Duration> timers,
            BooleanSupplier stopped) {
        return create(
                tools,
                journal,
                assessor,
                runner,
                outcomes,
                audit,
                status,
                events,
                metrics,
                settings,
                timers,
                stopped,
                Optional.empty());
    }

    /** Where role-based bindings get their tokens and exchange them (stories 4 and 5). */
    public record IdentityParts(
            dev.credrift.reconciler.identity.ServiceAccountTokens tokens,
            dev.credrift.reconciler.identity.StsClients sts) {}

    /** Wires a handler from its parts, verifying role-based bindings with {@code identity}. */
    public static BindingHandler create(
            StepTools tools,
            dev.credrift.reconciler.journal.Journal journal,
            dev.credrift.reconciler.assess.Assessor assessor,
            dev.credrift.reconciler.step.RemediationRunner runner,
            dev.credrift.reconciler.report.Outcomes outcomes,
            AuditTrail audit,
            dev.credrift.reconciler.report.StatusWriter status,
            KubeEvents events,
            ReconcilerMetrics metrics,
            HandlerSettings settings,
            BiConsumer<BindingId, java.time.Duration> timers,
            BooleanSupplier stopped,
            Optional<IdentityParts> identity) {
        Assessing assessing = new Assessing(
                tools,
                assessor,
                metrics,
                identity.map(parts -> new IdentityAssessing(tools, parts.tokens(), parts.sts())));
        Notices notices = new Notices(tools, outcomes, audit, status, events);
        Endings endings = new Endings(tools, assessing, notices, metrics, settings, timers);
        Remediations remediations = new Remediations(tools, runner, notices, metrics, endings);
        return new BindingHandler(tools, assessing, notices, remediations, metrics, settings, timers, stopped, journal);
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
                trigger, h.entry().lastVerdict(), tools.clock().instant());
        return tools.guards()
                .kubernetes()
                .call(tools.context(), h.log(), () -> tools.reader().readBinding(id))
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
                    timers.accept(id, settings.retry().delay(1, Math::random));
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
        return notices.publish(
                        new RemediationFailed(
                                id,
                                r.id(),
                                null,
                                null,
                                "BINDING_DELETED",
                                "the CredentialBinding was deleted while its remediation was open",
                                false),
                        r.id())
                .compose(v -> notices.audit(h, "REMEDIATION_ABANDONED", "the binding was deleted", r.id(), null, null))
                .compose(v -> h.update(e -> e.withRemediation(null)
                        .withLastRemediation(new LastRemediation(
                                r.id(),
                                RemediationOutcome.FAILED,
                                r.startedAt(),
                                tools.clock().instant()))));
    }

    private Future<Void> found(Handling h, BoundBinding b, Trigger trigger, Instant evidenceAt, Runnable assessed) {
        notices.read(b);
        return remediations.liftHalt(h, b).compose(v -> {
            if (!b.validation().isValid()) {
                return invalid(h, b);
            }
            return assessing
                    .assess(b, h.entry().replicaMark(), evidenceAt)
                    .compose(w -> SharedConsumers.refine(tools, h, b, w))
                    .compose(w -> {
                        assessed.run();
                        return decide(h, b, w, trigger);
                    });
        });
    }

    private Future<Void> invalid(Handling h, BoundBinding b) {
        Future<Void> abandoned = h.entry()
                .openRemediation()
                .map(r -> remediations.abandon(h, r, "the spec became invalid"))
                .orElseGet(Future::succeededFuture);
        return abandoned.compose(v -> {
            h.stage(e -> e.withLastVerdict(
                    new LastVerdict(Verdicts.INVALID, "", tools.clock().instant())));
            return notices.status(h, b, Optional.empty(), Optional.empty());
        });
    }

    private Future<Void> decide(Handling h, BoundBinding b, AssessedWorld w, Trigger trigger) {
        w.mark().ifPresent(mark -> h.stage(e -> e.withReplica(mark)));
        Instant now = tools.clock().instant();
        return news(h, b, w).compose(v -> {
            Optional<OpenRemediation> open = h.entry().openRemediation();
            if (open.isEmpty()) {
                return act(h, b, w, trigger, now);
            }
            boolean sameSpec = b.spec().mode() != Mode.OBSERVE && open.get().generation() == b.generation();
            Decision decision = Decider.open(
                    open.get(),
                    sameSpec,
                    w.assessment().authorityFingerprint(),
                    remediations.resumeBlocker(h, b, w, open.get()),
                    trigger,
                    now);
            if (decision instanceof Decision.Supersede supersede) {
                return remediations.supersede(h, b, w, supersede.open(), supersede.current());
            }
            if (decision instanceof Decision.Abandon abandon) {
                return remediations.abandon(h, abandon.open(), abandon.why()).compose(x -> act(h, b, w, trigger, now));
            }
            if (decision instanceof Decision.Defer defer) {
                timers.accept(b.id(), defer.retryIn());
                return notices.status(h, b, Optional.of(w), Optional.of(Endings.deferredStatus(open.get())));
            }
            return remediations.resume(h, b, w, ((Decision.Resume) decision).open());
        });
    }

    private Future<Void> act(Handling h, BoundBinding b, AssessedWorld w, Trigger trigger, Instant now) {
        Classification c = w.classification();
        if (h.entry().halted().isEmpty()
                && c instanceof Classification.Undetermined u
                && u.cause() == Classification.Cause.CONSUMERS_STARTING) {
            timers.accept(b.id(), settings.startingRecheck());
        }
        if (h.entry().halted().isEmpty()
                && w.assessment().authorityCheck() instanceof dev.credrift.reconciler.assess.AuthorityCheck.Identity) {
            // a trust policy edit is seen by no watcher: look again on a timer
            timers.accept(b.id(), settings.identityRecheck());
        }
        if (h.entry().halted().isEmpty()) {
            StoreRecheck.after(c, settings.storeRecheck(), Math.random()).ifPresent(d -> timers.accept(b.id(), d));
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
            return remediations.start(h, b, w, start.plan());
        }
        if (decision instanceof Decision.Defer defer) {
            timers.accept(b.id(), defer.retryIn());
        }
        return notices.status(h, b, Optional.of(w), Optional.empty());
    }

    /**
     * Publishes what changed since the last verdict: drift detected (or back in sync), the plan when it is not
     * carried out (Observe mode: dry run; alert-only classes: an empty plan), audit record, Event, metrics.
     */
    private Future<Void> news(Handling h, BoundBinding b, AssessedWorld w) {
        Instant now = tools.clock().instant();
        LastVerdict previous = h.entry().lastVerdict();
        LastVerdict current = Verdicts.of(w.classification(), w.assessment(), now);
        if (!Verdicts.changed(previous, current)) {
            return Future.succeededFuture();
        }
        BindingId id = b.id();
        Classification c = w.classification();
        h.log().on(LOG.atInfo()).log("Handle: {} — {}", Verdicts.code(c), c.detail());
        Optional<Attention> attention = Verdicts.alertDue(previous, current, c, w.assessment());
        h.stage(e -> e.withLastVerdict(current));
        Future<Void> published;
        if (c instanceof Classification.Classified classified && classified.inSync()) {
            boolean healed = Verdicts.wasDrifted(previous);
            Instant since = h.entry().driftedSince();
            // healed (by us or by others): a new failure later starts counting afresh
            h.stage(e -> e.withDriftedSince(null).withRetry(null));
            published = notices.audit(
                            h,
                            "DRIFT_CLASSIFIED",
                            "IN_SYNC: " + c.detail(),
                            null,
                            null,
                            w.assessment().authorityFingerprint().orElse(null))
                    .compose(v -> !healed
                            ? Future.succeededFuture()
                            : notices.publish(
                                            new BackInSync(
                                                    id,
                                                    w.assessment()
                                                            .authorityFingerprint()
                                                            .orElseThrow(),
                                                    null,
                                                    since),
                                            h.correlationId())
                                    .compose(x ->
                                            notices.event(b, KubeEvents.Type.Normal, "InSync", "Assess", c.detail())));
        } else if (c instanceof Classification.Classified classified) {
            DriftClass driftClass = classified.driftClass();
            if (h.entry().driftedSince() == null) {
                h.stage(e -> e.withDriftedSince(now));
            }
            metrics.drift(driftClass);
            DriftDetected detected = new DriftDetected(
                    id,
                    driftClass,
                    b.spec().authority() == dev.credrift.api.spec.Authority.VAULT
                            ? dev.credrift.events.payload.Authority.VAULT
                            : dev.credrift.events.payload.Authority.SOURCE,
                    w.assessment().fingerprints(),
                    verdictOf(w),
                    SafeText.clip(c.detail()));
            published = notices.publish(detected, h.correlationId())
                    .compose(v -> notices.audit(
                            h,
                            "DRIFT_CLASSIFIED",
                            driftClass + ": " + c.detail(),
                            null,
                            Verdicts.differing(driftClass, w.assessment()),
                            w.assessment().authorityFingerprint().orElse(null)))
                    .compose(v -> notices.event(b, KubeEvents.Type.Warning, c.reason(), "Assess", c.detail()))
                    .compose(v -> unexecutedPlan(h, b, w, classified));
        } else {
            published = notices.audit(
                            h,
                            "ASSESSMENT_UNDETERMINED",
                            c.reason() + ": " + c.detail(),
                            null,
                            null,
                            w.assessment().authorityFingerprint().orElse(null))
                    .compose(v -> notices.event(b, KubeEvents.Type.Warning, c.reason(), "Assess", c.detail()));
        }
        return attention.isEmpty() ? published : published.compose(v -> attention(h, b, w, attention.get()));
    }

    // a state that leaves consumers broken and that nothing automatic will heal: said once, when it is reached
    private Future<Void> attention(Handling h, BoundBinding b, AssessedWorld w, Attention attention) {
        h.log().on(LOG.atWarn()).log("Handle: attention required ({}): {}", attention.reason(), attention.detail());
        return notices.publish(
                        new AttentionRequired(b.id(), attention.reason(), SafeText.clip(attention.detail())),
                        h.correlationId())
                .compose(v -> notices.audit(
                        h,
                        "ATTENTION_REQUIRED",
                        attention.line(),
                        null,
                        null,
                        w.assessment().authorityFingerprint().orElse(null)));
    }

    // a plan that will not run is still published: as a dry run in Observe mode, as an empty plan (an alert)
    private Future<Void> unexecutedPlan(
            Handling h, BoundBinding b, AssessedWorld w, Classification.Classified classified) {
        Optional<Plan> plan = planner.plan(classified, w.assessment());
        boolean observe = b.spec().mode() == Mode.OBSERVE;
        if (plan.isEmpty()
                || !plan.get().alertOnly() && !observe
                || h.entry().halted().isPresent()) {
            return Future.succeededFuture();
        }
        String planId = UUID.randomUUID().toString();
        Instant now = tools.clock().instant();
        if (observe) {
            h.stage(e -> e.withLastRemediation(new LastRemediation(planId, RemediationOutcome.PLANNED, now, now)));
            metrics.remediation("planned");
        }
        String notes = plan.get().notes().isEmpty()
                ? ""
                : " (" + String.join("; ", plan.get().notes()) + ")";
        return notices.publish(
                        new RemediationPlanned(
                                b.id(),
                                planId,
                                classified.driftClass(),
                                observe,
                                plan.get().planned()),
                        planId)
                .compose(v -> notices.audit(
                        h,
                        observe ? "PLAN_PUBLISHED_DRY_RUN" : "ALERT_ONLY",
                        (observe
                                        ? "mode Observe: "
                                                + plan.get().actions().size() + " step(s) planned, none carried"
                                                + " out"
                                        : "no automatic remediation for " + classified.driftClass())
                                + notes,
                        planId,
                        null,
                        w.assessment().authorityFingerprint().orElse(null)));
    }

    private static dev.credrift.events.payload.StoreVerdict verdictOf(AssessedWorld w) {
        if (w.assessment().authorityCheck() instanceof dev.credrift.reconciler.assess.AuthorityCheck.Identity i
                && i.exchange() instanceof dev.credrift.reconciler.identity.IdentityExchange.Accepted accepted) {
            return accepted.verdict().storeVerdict();
        }
        return w.assessment().authorityCheck() instanceof dev.credrift.reconciler.assess.AuthorityCheck.Probed p
                ? p.verdict().storeVerdict()
                : null;
    }
}
