package dev.credrift.reconciler.handle;

import dev.credrift.api.status.AuditChainHead;
import dev.credrift.api.status.Fingerprints;
import dev.credrift.api.status.Halt;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.journal.AuditHead;
import dev.credrift.reconciler.journal.HaltRecord;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.report.AuditTrail;
import dev.credrift.reconciler.report.KubeEvents;
import dev.credrift.reconciler.report.Outcomes;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.report.StatusReport;
import dev.credrift.reconciler.report.StatusWriter;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a handling says things: outcomes and audit records (durable: a failure fails the handling), status and
 * Kubernetes Events (best effort: a failure is logged, the next handling writes status again).
 */
final class Notices {

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final Exec exec;
    private final Outcomes outcomes;
    private final AuditTrail audit;
    private final StatusWriter status;
    private final KubeEvents events;

    Notices(Exec exec, Outcomes outcomes, AuditTrail audit, StatusWriter status, KubeEvents events) {
        this.exec = exec;
        this.outcomes = outcomes;
        this.audit = audit;
        this.status = status;
        this.events = events;
    }

    /** The binding as just read: its labels go on its outcome events (notification routes match them). */
    void read(BoundBinding binding) {
        outcomes.labels(binding.id(), binding.resource().getMetadata().getLabels());
    }

    Future<Void> publish(EventPayload payload, String correlationId) {
        return outcomes.publish(payload, correlationId);
    }

    /** Appends an audit record and stages the new chain head in the journal entry. */
    Future<Void> audit(
            Handling h,
            String actor,
            String action,
            String reason,
            String correlationId,
            Fingerprint before,
            Fingerprint after) {
        String correlation = correlationId == null ? h.correlationId() : correlationId;
        return audit.record(h.entry().bindingId(), actor, action, reason, correlation, before, after)
                .map(record -> {
                    h.stage(e -> e.withAuditHead(AuditHead.of(record)));
                    return (Void) null;
                });
    }

    Future<Void> audit(
            Handling h, String action, String reason, String correlationId, Fingerprint before, Fingerprint after) {
        return audit(h, AuditTrail.ACTOR, action, reason, correlationId, before, after);
    }

    Future<Void> event(BoundBinding binding, KubeEvents.Type type, String reason, String action, String note) {
        String uid = binding.resource().getMetadata().getUid();
        return exec.guards()
                .kubernetes()
                .call(exec.context(), Reconciliation.of(binding.id()), () -> {
                    events.record(binding.id(), uid, type, reason, action, note);
                    return null;
                })
                .<Void>mapEmpty()
                .recover(e -> {
                    Reconciliation.of(binding.id())
                            .on(LOG.atWarn())
                            .log("Report: Kubernetes Event {} not recorded: {}", reason, SafeText.of(e));
                    return Future.succeededFuture();
                });
    }

    Future<Void> status(
            Handling h,
            BoundBinding binding,
            Optional<AssessedWorld> world,
            Optional<StatusReport.Remediating> remediating) {
        StatusReport report = new StatusReport(
                binding.validation(),
                world.map(AssessedWorld::classification),
                world.map(w -> fingerprints(
                        w.assessment().fingerprints(), w.assessment().consumersFingerprint())),
                remediating,
                Optional.ofNullable(h.entry().lastRemediation()),
                h.entry().halted().map(Notices::halt),
                // the head published here is what `credrift audit verify` checks the topic reaches
                audit.head(binding.id()).map(r -> new AuditChainHead(r.sequence(), r.hash(), r.keyId())),
                h.rotationView());
        return exec.guards()
                .kubernetes()
                .call(exec.context(), h.log(), () -> status.write(binding.id(), report))
                .<Void>mapEmpty()
                .recover(e -> {
                    h.log().on(LOG.atWarn()).log("Report: status not written: {}", SafeText.of(e));
                    return Future.succeededFuture();
                });
    }

    private static Fingerprints fingerprints(HopFingerprints hops, Optional<Fingerprint> consumers) {
        return new Fingerprints(
                text(hops.source()),
                text(hops.vault()),
                text(hops.replica()),
                consumers.map(Fingerprint::value).orElse(null));
    }

    private static Halt halt(HaltRecord halt) {
        return new Halt(halt.since(), camel(halt), halt.message(), halt.remediationId());
    }

    private static String camel(HaltRecord halt) {
        StringBuilder out = new StringBuilder();
        for (String part : halt.reason().name().toLowerCase(Locale.ROOT).split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static String text(Fingerprint fingerprint) {
        return fingerprint == null ? null : fingerprint.value();
    }
}
