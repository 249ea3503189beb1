package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.classify.Attention;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.identity.IdentityExchange;
import dev.credrift.reconciler.journal.LastVerdict;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.plan.Planner;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a handling says about its assessment when the verdict changed: drift detected or back in sync, the plan that
 * is not carried out, attention required. Split out of {@link BindingHandler} (one job per class).
 */
final class News {

    private static final Logger LOG = LoggerFactory.getLogger(BindingHandler.class);

    private final Clock clock;
    private final Notices notices;
    private final ReconcilerMetrics metrics;
    private final Planner planner = new Planner();

    News(Clock clock, Notices notices, ReconcilerMetrics metrics) {
        this.clock = clock;
        this.notices = notices;
        this.metrics = metrics;
    }

    /**
     * Publishes what changed since the last verdict: drift detected (or back in sync), the plan when it is not
     * carried out (Observe mode: dry run; alert-only classes: an empty plan), audit record, Event, metrics.
     */
    Future<Void> news(Handling h, BoundBinding b, AssessedWorld w) {
        Instant now = clock.instant();
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
                    eventAuthority(b),
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
        Instant now = clock.instant();
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

    // the event's enum shares its name with spec.authority's and spells the same constants
    private static Authority eventAuthority(BoundBinding b) {
        return b.spec().authority() != null
                        && Authority.VAULT.name().equals(b.spec().authority().name())
                ? Authority.VAULT
                : Authority.SOURCE;
    }

    private static StoreVerdict verdictOf(AssessedWorld w) {
        if (w.assessment().authorityCheck() instanceof AuthorityCheck.Identity i
                && i.exchange() instanceof IdentityExchange.Accepted accepted) {
            return accepted.verdict().storeVerdict();
        }
        return w.assessment().authorityCheck() instanceof AuthorityCheck.Probed p
                ? p.verdict().storeVerdict()
                : null;
    }
}
