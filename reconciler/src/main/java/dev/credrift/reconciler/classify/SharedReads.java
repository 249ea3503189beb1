package dev.credrift.reconciler.classify;

import dev.credrift.events.payload.DriftClass;
import java.util.List;
import java.util.Optional;

/**
 * A consumer workload that also reads other bindings' replicas can be unready because of their credential, not this
 * binding's (architecture.md §5.1 rule 2). Such a workload is not "starting", and it is not this binding's drift:
 * the binding whose credential the store refuses reports and heals it. Pure.
 */
public final class SharedReads {

    private SharedReads() {}

    /**
     * @param classification what the binding's own assessment said
     * @param blames         per consumer workload that is not ready: the credential it also reads that the store
     *                       refuses now, empty when there is none (then it may well be starting)
     * @return {@code IN_SYNC} naming the refused credentials when the binding was only waiting for consumers to start
     *         and every one of them fails on another binding's refused credential; else {@code classification}
     */
    public static Classification classify(Classification classification, List<Optional<String>> blames) {
        boolean starting = classification instanceof Classification.Undetermined u
                && u.cause() == Classification.Cause.CONSUMERS_STARTING;
        if (!starting || blames.isEmpty() || blames.stream().anyMatch(Optional::isEmpty)) {
            return classification;
        }
        return new Classification.Classified(
                DriftClass.IN_SYNC,
                "every hop holds the authority's credential, which"
                        + " the store accepts, and no consumer pod is stale; not ready because of another binding's"
                        + " credential (that binding reports it and heals it): "
                        + String.join(
                                "; ", blames.stream().map(Optional::orElseThrow).toList()));
    }
}
