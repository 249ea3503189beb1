package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What credrift last saw and did.
 *
 * @param observedGeneration the generation the whole status describes
 * @param conditions         {@code InSync}, {@code Remediating}, {@code Halted}, {@code Valid}
 * @param fingerprints       the fingerprint each hop held
 * @param driftClass         the last assessment's verdict
 * @param lastRemediation    the most recent remediation
 * @param halted             present while automatic actions are stopped
 * @param auditHead          the head of the binding's audit chain when the status was written
 * @param rotation           the managed rotation (open, last, or only when the next is due), with {@code
 *                           spec.rotation}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialBindingStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Fingerprints fingerprints,
        DriftClass driftClass,
        LastRemediation lastRemediation,
        Halt halted,
        AuditChainHead auditHead,
        RotationStatus rotation) {

    public static final CredentialBindingStatus EMPTY =
            new CredentialBindingStatus(null, null, null, null, null, null, null, null);

    public CredentialBindingStatus {
        conditions = conditions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(conditions));
    }

    /** The condition of {@code type}, if reported. */
    public Optional<Condition> condition(ConditionType type) {
        return Conditions.find(conditions, type);
    }

    public CredentialBindingStatus withObservedGeneration(Long generation) {
        return new CredentialBindingStatus(
                generation, conditions, fingerprints, driftClass, lastRemediation, halted, auditHead, rotation);
    }

    public CredentialBindingStatus withConditions(List<Condition> newConditions) {
        return new CredentialBindingStatus(
                observedGeneration,
                newConditions,
                fingerprints,
                driftClass,
                lastRemediation,
                halted,
                auditHead,
                rotation);
    }

    public CredentialBindingStatus withFingerprints(Fingerprints newFingerprints) {
        return new CredentialBindingStatus(
                observedGeneration,
                conditions,
                newFingerprints,
                driftClass,
                lastRemediation,
                halted,
                auditHead,
                rotation);
    }

    public CredentialBindingStatus withDriftClass(DriftClass newDriftClass) {
        return new CredentialBindingStatus(
                observedGeneration,
                conditions,
                fingerprints,
                newDriftClass,
                lastRemediation,
                halted,
                auditHead,
                rotation);
    }

    public CredentialBindingStatus withLastRemediation(LastRemediation newLastRemediation) {
        return new CredentialBindingStatus(
                observedGeneration,
                conditions,
                fingerprints,
                driftClass,
                newLastRemediation,
                halted,
                auditHead,
                rotation);
    }

    public CredentialBindingStatus withHalted(Halt newHalted) {
        return new CredentialBindingStatus(
                observedGeneration,
                conditions,
                fingerprints,
                driftClass,
                lastRemediation,
                newHalted,
                auditHead,
                rotation);
    }

    public CredentialBindingStatus withAuditHead(AuditChainHead newAuditHead) {
        return new CredentialBindingStatus(
                observedGeneration,
                conditions,
                fingerprints,
                driftClass,
                lastRemediation,
                halted,
                newAuditHead,
                rotation);
    }

    public CredentialBindingStatus withRotation(RotationStatus newRotation) {
        return new CredentialBindingStatus(
                observedGeneration,
                conditions,
                fingerprints,
                driftClass,
                lastRemediation,
                halted,
                auditHead,
                newRotation);
    }
}
