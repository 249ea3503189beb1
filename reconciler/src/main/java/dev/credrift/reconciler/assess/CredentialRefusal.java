package dev.credrift.reconciler.assess;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence that the store refused the credential a consumer's pods read (the replica's), and when: a pod that is not
 * ready and has held that credential since then fails on auth — it is stale, not starting, whatever its age (architecture.md
 * §4: "its readiness failure, not a timer, decides"). Neither a real kubelet nor the API tells the readiness probe's
 * message (it goes to an Event, not the pod status), so the store's verdict on the pods' credential is the evidence.
 *
 * @param reason the store's answer, e.g. {@code UserSuspended, HTTP 403}
 * @param at     when the store was seen refusing it
 */
public record CredentialRefusal(String reason, Instant at) {

    public CredentialRefusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** The refusal in a store verdict on the pods' credential; empty when the store accepted it or was not asked. */
    public static Optional<CredentialRefusal> of(Optional<ProbeVerdict> verdict, Instant at) {
        return verdict.filter(ProbeVerdict.Rejected.class::isInstance)
                .map(ProbeVerdict.Rejected.class::cast)
                .map(r -> new CredentialRefusal(r.code() + ", HTTP " + r.httpStatus(), at));
    }

    /**
     * What a remediation knows of its consumers' credential from the class it was planned for: a class is only given
     * when the store refused the authority's credential, which the replica (and so every pod started since it
     * changed) held then. A pod not ready since before the plan has failed on that refusal, even if a step has
     * made the store accept the key since (story 2: the service account was created; the pods that were refused
     * back off and stay unready until restarted).
     */
    public static Optional<CredentialRefusal> whenPlanned(DriftClass driftClass, Instant plannedAt) {
        return switch (driftClass) {
            case STORE_MISSING_ACCOUNT ->
                Optional.of(new CredentialRefusal(
                        "the store did not know the key when the remediation was planned", plannedAt));
            case AUTHORITY_REJECTED ->
                Optional.of(
                        new CredentialRefusal("the store refused the key when the remediation was planned", plannedAt));
            default -> Optional.empty();
        };
    }

    /** Whether a pod started at {@code startedAt} has held the credential while the store refused it. */
    boolean heldBy(Optional<Instant> startedAt) {
        return startedAt.filter(s -> !s.isAfter(at)).isPresent();
    }
}
