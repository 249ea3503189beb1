package dev.credrift.reconciler.report;

import dev.credrift.api.status.AuditChainHead;
import dev.credrift.api.status.Fingerprints;
import dev.credrift.api.status.Halt;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.validation.ValidationResult;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.rotate.RotationView;
import java.util.Objects;
import java.util.Optional;

/**
 * What a binding's status should say after a handling.
 *
 * @param classification the verdict; empty when the spec is invalid (nothing was assessed)
 * @param fingerprints   per hop, when assessed
 * @param remediating    the running step ({@code Running}: reason and message), if a remediation is under way
 * @param lastRemediation the most recent remediation, if any
 * @param halt           present while halted
 * @param auditHead      the head of the binding's audit chain, once it has one
 * @param rotation       {@code status.rotation} and the {@code Rotating} condition; empty leaves both as they are
 *                       (a handling that did not decide about rotation)
 */
public record StatusReport(
        ValidationResult validation,
        Optional<Classification> classification,
        Optional<Fingerprints> fingerprints,
        Optional<Remediating> remediating,
        Optional<LastRemediation> lastRemediation,
        Optional<Halt> halt,
        Optional<AuditChainHead> auditHead,
        Optional<RotationView> rotation) {

    public StatusReport {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(fingerprints, "fingerprints");
        Objects.requireNonNull(remediating, "remediating");
        Objects.requireNonNull(lastRemediation, "lastRemediation");
        Objects.requireNonNull(halt, "halt");
        Objects.requireNonNull(auditHead, "auditHead");
        Objects.requireNonNull(rotation, "rotation");
    }

    /** A remediation step under way: CamelCase reason (e.g. {@code RollOut}) and a message. */
    public record Remediating(String reason, String message) {}

    public StatusReport withRemediating(Optional<Remediating> running) {
        return new StatusReport(
                validation, classification, fingerprints, running, lastRemediation, halt, auditHead, rotation);
    }
}
