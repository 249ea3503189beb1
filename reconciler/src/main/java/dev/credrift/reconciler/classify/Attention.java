package dev.credrift.reconciler.classify;

import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.world.RollBlocker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A state that leaves consumers broken and that credrift cannot heal by itself, so a human must be told (architecture.md §5.1
 * rule 6): an unreadable authority, vault or replica, or stale pods of a paused workload. A rejected authority and an
 * unsyncable replica are drift classes and alert as such. Pure.
 *
 * @param detail what is wrong and what to do; fingerprints and masked key ids only
 */
public record Attention(AttentionRequired.Reason reason, String detail) {

    public Attention {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** What a human must be told about this verdict, if anything. */
    public static Optional<Attention> of(Classification classification, Assessment assessment) {
        if (classification instanceof Classification.Undetermined u) {
            return switch (u.cause()) {
                case AUTHORITY_UNREADABLE ->
                    Optional.of(new Attention(AttentionRequired.Reason.AUTHORITY_UNREADABLE, u.detail()));
                case VAULT_UNREADABLE ->
                    Optional.of(new Attention(AttentionRequired.Reason.VAULT_UNREADABLE, u.detail()));
                case REPLICA_UNREADABLE ->
                    Optional.of(new Attention(AttentionRequired.Reason.REPLICA_UNREADABLE, u.detail()));
                default -> Optional.empty();
            };
        }
        // a paused consumer is what is left to heal only once every other hop holds the authority's credential; before
        // that, the remediation runs and its end says so
        if (classification instanceof Classification.Classified c && c.driftClass() == DriftClass.CONSUMERS_STALE) {
            return paused(assessment.consumers());
        }
        return Optional.empty();
    }

    /** Stale consumers that a rollout restart would not replace because their workload is paused. */
    static Optional<Attention> paused(List<ConsumerVerdict> consumers) {
        List<String> paused = consumers.stream()
                .filter(ConsumerVerdict::stale)
                .flatMap(c -> c.rollBlocker().stream())
                .filter(b -> b.kind() == RollBlocker.Kind.PAUSED)
                .map(RollBlocker::notRolled)
                .toList();
        return paused.isEmpty()
                ? Optional.empty()
                : Optional.of(new Attention(AttentionRequired.Reason.CONSUMER_PAUSED, String.join("; ", paused)));
    }

    /** {@code CONSUMER_PAUSED: Deployment monitoring/loki-read is paused: not rolled; …}, for a status message. */
    public String line() {
        return reason + ": " + detail;
    }
}
