package dev.credrift.sandbox.emulate.eso;

import java.util.Optional;

/** {@code spec.refreshPolicy} of an ExternalSecret. */
public enum RefreshPolicy {
    /** Refresh every {@code refreshInterval} and on any change of the object (the default). */
    PERIODIC("Periodic"),
    /** Refresh only when the object changes (generation, labels, annotations). */
    ON_CHANGE("OnChange"),
    /** Sync once; never again. */
    CREATED_ONCE("CreatedOnce");

    private final String wireName;

    RefreshPolicy(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling in the CRD. */
    public String wireName() {
        return wireName;
    }

    /** The policy spelled {@code text}; absent means {@link #PERIODIC}; empty when unknown. */
    public static Optional<RefreshPolicy> fromWire(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(PERIODIC);
        }
        for (RefreshPolicy policy : values()) {
            if (policy.wireName.equals(text)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
