package dev.credrift.notifier.report;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows each binding's outcome events and says when a report is due: one per remediation when it
 * ends (succeeded, failed, halted; a dry-run plan ends at once), one immediately for an alert-only
 * drift, one when a binding heals by other hands. Other events (observations, notifications, audit)
 * are released at once.
 *
 * <p>Every record folded into an open remediation stays <em>held</em> until its report is delivered
 * (the caller releases the {@link Emission.Due#holds()}), so the consumer commits past it only then and a
 * restart replays the whole remediation. A remediation that never ends is let go after {@code openTimeout}
 * ({@link #expire}). Not thread-safe: one caller, in record order (a binding's events share a partition).
 *
 * @param <H> the caller's hold type (an offset ticket)
 */
public final class Reporter<H> {

    /** Drift classes credrift will not heal by itself: a human must act, so they are reported at once. */
    public static final Set<DriftClass> ALERT_CLASSES = EnumSet.of(
            DriftClass.AUTHORITY_REJECTED,
            DriftClass.ENDPOINT_UNTRUSTED,
            DriftClass.IDENTITY_REJECTED,
            DriftClass.REPLICA_UNSYNCABLE);

    private final HopLabels labels;
    private final Duration openTimeout;
    private final Map<BindingId, Open<H>> open = new HashMap<>();
    private final RotationReports rotations = new RotationReports();

    /**
     * @param labels      hop names for the chain line
     * @param openTimeout how long a remediation may stay open before its records are let go
     */
    public Reporter(HopLabels labels, Duration openTimeout) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.openTimeout = Objects.requireNonNull(openTimeout, "openTimeout");
    }

    /**
     * Folds one event in.
     *
     * @param hold released through the returned emission, now or once a report is delivered
     * @param now  when the event is handled (for {@link #expire})
     */
    public Emission<H> accept(Incoming incoming, H hold, Instant now) {
        CredriftEvent event = incoming.event();
        Open<H> context = open.get(event.bindingId());
        if (context != null && context.eventIds.contains(event.id())) {
            // a redelivered record already folded in
            return Emission.release(List.of(hold));
        }
        EventPayload payload = event.payload();
        if (payload instanceof DriftDetected drift) {
            return onDrift(incoming, drift, hold, now);
        }
        if (payload instanceof RemediationPlanned plan) {
            return onPlanned(incoming, plan, hold, now);
        }
        if (payload instanceof RemediationStarted started) {
            List<H> released = new ArrayList<>();
            Open<H> remediation = remediation(incoming, started.remediationId(), now, released);
            remediation.startedAt = event.time();
            remediation.driftClass = started.driftClass();
            remediation.absorb(event, hold);
            return Emission.release(released);
        }
        if (payload instanceof RemediationStepFinished step) {
            List<H> released = new ArrayList<>();
            Open<H> remediation = remediation(incoming, step.remediationId(), now, released);
            remediation.steps.add(step);
            remediation.absorb(event, hold);
            return Emission.release(released);
        }
        if (payload instanceof RemediationSucceeded succeeded) {
            return end(
                    incoming,
                    succeeded.remediationId(),
                    ReportKind.REMEDIATION_SUCCEEDED,
                    Severity.INFO,
                    remediation -> Duration.ofMillis(succeeded.durationMillis()),
                    hold,
                    now);
        }
        if (payload instanceof RemediationFailed failed) {
            return end(
                    incoming,
                    failed.remediationId(),
                    ReportKind.REMEDIATION_FAILED,
                    failed.willRetry() ? Severity.WARNING : Severity.CRITICAL,
                    remediation -> since(remediation.startedAt, event.time()),
                    hold,
                    now);
        }
        if (payload instanceof RemediationHalted halted) {
            return onHalted(incoming, halted, hold, now);
        }
        if (payload instanceof BackInSync back) {
            return onBackInSync(incoming, back, hold);
        }
        if (payload instanceof AttentionRequired) {
            return onAttention(incoming, hold);
        }
        return rotations.emission(incoming, hold);
    }

    /** Lets go of remediations open longer than {@code openTimeout}; returns their holds. */
    public List<H> expire(Instant now) {
        List<H> released = new ArrayList<>();
        for (Iterator<Open<H>> it = open.values().iterator(); it.hasNext(); ) {
            Open<H> context = it.next();
            if (context.openedAt.plus(openTimeout).isBefore(now)) {
                released.addAll(context.holds);
                it.remove();
            }
        }
        return released;
    }

    /**
     * Forgets the remediations read from a partition this consumer lost: whoever reads it next replays
     * them from the committed offset. Returns their holds.
     */
    public List<H> forgetPartition(String topic, int partition) {
        List<H> released = new ArrayList<>();
        for (Iterator<Open<H>> it = open.values().iterator(); it.hasNext(); ) {
            Open<H> context = it.next();
            if (context.origin != null
                    && context.origin.topic().equals(topic)
                    && context.origin.partition() == partition) {
                released.addAll(context.holds);
                it.remove();
            }
        }
        return released;
    }

    /** How many bindings have a remediation (or a detected drift) open. */
    public int openCount() {
        return open.size();
    }

    private Emission<H> onDrift(Incoming incoming, DriftDetected drift, H hold, Instant now) {
        BindingId binding = drift.bindingId();
        Open<H> context = open.get(binding);
        if (ALERT_CLASSES.contains(drift.driftClass())) {
            // an alert does not disturb a remediation in flight; it goes out on its own
            String consumers = context == null ? labels.consumers() : consumersLabel(context);
            Report report = new Report(
                    ReportKind.ALERT,
                    Severity.CRITICAL,
                    incoming,
                    drift.driftClass(),
                    drift,
                    HopChain.of(drift, labels, consumers),
                    null,
                    List.of(),
                    List.of(),
                    null);
            return Emission.report(report, List.of(hold), List.of());
        }
        if (drift.driftClass() == DriftClass.IN_SYNC) {
            if (context != null && !context.remediating()) {
                open.remove(binding);
                List<H> released = new ArrayList<>(context.holds);
                released.add(hold);
                return Emission.release(released);
            }
            return Emission.release(List.of(hold));
        }
        if (context == null) {
            context = new Open<>(incoming.origin(), now);
            open.put(binding, context);
        }
        if (!context.remediating()) {
            // the latest assessment before the plan is the one the plan acts on
            context.drift = drift;
            context.driftClass = drift.driftClass();
        }
        context.absorb(incoming.event(), hold);
        return Emission.keep();
    }

    // consumers left broken and nothing automatic will heal them: an alert of its own, with the drift it follows
    private Emission<H> onAttention(Incoming incoming, H hold) {
        Open<H> context = open.get(incoming.event().bindingId());
        DriftDetected drift = context == null ? null : context.drift;
        Report report = new Report(
                ReportKind.ALERT,
                Severity.CRITICAL,
                incoming,
                drift == null ? null : drift.driftClass(),
                drift,
                drift == null ? null : HopChain.of(drift, labels, consumersLabel(context)),
                null,
                List.of(),
                List.of(),
                null);
        return Emission.report(report, List.of(hold), List.of());
    }

    private Emission<H> onPlanned(Incoming incoming, RemediationPlanned plan, H hold, Instant now) {
        List<H> released = new ArrayList<>();
        Open<H> context = remediation(incoming, plan.remediationId(), now, released);
        context.plan = plan;
        context.driftClass = plan.driftClass();
        if (plan.steps().isEmpty()) {
            // alert only: the drift detection itself was the message
            open.remove(plan.bindingId());
            released.addAll(context.holds);
            released.add(hold);
            return Emission.release(released);
        }
        if (plan.dryRun()) {
            open.remove(plan.bindingId());
            Report report = report(ReportKind.DRY_RUN, Severity.WARNING, incoming, context, null);
            return Emission.report(report, withHold(context.holds, hold), released);
        }
        context.absorb(incoming.event(), hold);
        return Emission.release(released);
    }

    private Emission<H> onHalted(Incoming incoming, RemediationHalted halted, H hold, Instant now) {
        BindingId binding = halted.bindingId();
        List<H> released = new ArrayList<>();
        Open<H> context = halted.remediationId() == null
                ? open.get(binding)
                : remediation(incoming, halted.remediationId(), now, released);
        List<H> holds = List.of(hold);
        if (context != null) {
            open.remove(binding);
            holds = withHold(context.holds, hold);
        }
        Open<H> facts = context == null ? new Open<>(incoming.origin(), now) : context;
        Report report = report(
                ReportKind.REMEDIATION_HALTED,
                Severity.CRITICAL,
                incoming,
                facts,
                since(facts.startedAt, incoming.event().time()));
        return Emission.report(report, holds, released);
    }

    private Emission<H> onBackInSync(Incoming incoming, BackInSync back, H hold) {
        BindingId binding = back.bindingId();
        Open<H> context = open.get(binding);
        if (back.remediationId() != null) {
            // our own remediation healed it: its end was already reported
            if (context != null && back.remediationId().equals(context.remediationId)) {
                open.remove(binding);
                return Emission.release(withHold(context.holds, hold));
            }
            return Emission.release(List.of(hold));
        }
        if (context != null && context.remediating()) {
            return Emission.release(List.of(hold));
        }
        List<H> holds = List.of(hold);
        Open<H> facts = new Open<>(incoming.origin(), incoming.event().time());
        if (context != null) {
            open.remove(binding);
            holds = withHold(context.holds, hold);
            facts = context;
        }
        Duration drifted = back.driftedSince() == null
                ? null
                : since(back.driftedSince(), incoming.event().time());
        return Emission.report(
                report(ReportKind.BACK_IN_SYNC, Severity.INFO, incoming, facts, drifted), holds, List.of());
    }

    private Emission<H> end(
            Incoming incoming,
            String remediationId,
            ReportKind kind,
            Severity severity,
            Function<Open<H>, Duration> duration,
            H hold,
            Instant now) {
        List<H> released = new ArrayList<>();
        Open<H> context = remediation(incoming, remediationId, now, released);
        open.remove(incoming.event().bindingId());
        Report report = report(kind, severity, incoming, context, duration.apply(context));
        return Emission.report(report, withHold(context.holds, hold), released);
    }

    /**
     * The open context of this remediation, made if needed. A context left by another remediation that
     * never ended is dropped (its holds go to {@code released}); one holding only a drift detection is
     * taken over, since that detection led to this remediation.
     */
    private Open<H> remediation(Incoming incoming, String remediationId, Instant now, List<H> released) {
        BindingId binding = incoming.event().bindingId();
        Open<H> context = open.get(binding);
        if (context != null && context.remediationId != null && !context.remediationId.equals(remediationId)) {
            released.addAll(context.holds);
            open.remove(binding);
            context = null;
        }
        if (context == null) {
            context = new Open<>(incoming.origin(), now);
            open.put(binding, context);
        }
        context.remediationId = remediationId;
        return context;
    }

    private Report report(ReportKind kind, Severity severity, Incoming trigger, Open<H> context, Duration duration) {
        HopChain chain = context.drift == null ? null : HopChain.of(context.drift, labels, consumersLabel(context));
        List<PlannedStep> planned = context.plan == null ? List.of() : context.plan.steps();
        DriftClass driftClass = context.driftClass != null
                ? context.driftClass
                : context.drift != null ? context.drift.driftClass() : null;
        return new Report(
                kind,
                severity,
                trigger,
                driftClass,
                context.drift,
                chain,
                context.remediationId,
                planned,
                context.steps,
                duration);
    }

    private String consumersLabel(Open<H> context) {
        return ConsumersLabel.of(context.plan, context.steps, labels);
    }

    private static Duration since(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to);
    }

    private static <H> List<H> withHold(List<H> holds, H hold) {
        List<H> all = new ArrayList<>(holds);
        all.add(hold);
        return all;
    }

    // What is known of one binding's current drift or remediation.
    private static final class Open<H> {
        final Origin origin;
        final Instant openedAt;
        final List<H> holds = new ArrayList<>();
        final Set<String> eventIds = new HashSet<>();
        final List<RemediationStepFinished> steps = new ArrayList<>();
        DriftDetected drift;
        DriftClass driftClass;
        RemediationPlanned plan;
        String remediationId;
        Instant startedAt;

        Open(Origin origin, Instant openedAt) {
            this.origin = origin;
            this.openedAt = openedAt;
        }

        boolean remediating() {
            return remediationId != null;
        }

        void absorb(CredriftEvent event, H hold) {
            eventIds.add(event.id());
            holds.add(hold);
        }
    }
}
