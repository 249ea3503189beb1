package dev.credrift.reconciler.step;

import dev.credrift.reconciler.probe.ProbeVerdict;
import java.util.Objects;
import java.util.Optional;

/**
 * Another credential a consumer workload's pods read: the replica of another binding whose Secret the workload's pod
 * template reads too, with the store's verdict on it, asked without a cache. A rollout restarts every pod of the
 * workload, so it rolls out this credential as well as the rolling binding's (architecture.md §5.1 rule 1).
 *
 * @param binding   the other binding, {@code <namespace>/<name>}
 * @param secret    its replica Secret
 * @param maskedKey the credential's masked access key id; empty when the Secret holds no usable credential
 * @param verdict   the store's verdict on it; empty when there was nothing to ask about
 * @param stale     whether some pod of the workload started before that replica last changed (as that binding's
 *                  journal knows it): it holds an older credential of that binding, which that binding rolls
 */
public record CoRead(
        String binding, String secret, Optional<String> maskedKey, Optional<ProbeVerdict> verdict, boolean stale) {

    public CoRead {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(maskedKey, "maskedKey");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** For a human: which Secret of which binding, with the masked key id (never the key). */
    String describe() {
        return "Secret " + secret + " (binding " + binding
                + maskedKey.map(k -> ", key " + k).orElse("") + ")";
    }
}
