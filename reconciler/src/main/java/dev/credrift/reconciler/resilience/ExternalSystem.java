package dev.credrift.reconciler.resilience;

/** The systems the reconciler calls, each behind its own guard. */
public enum ExternalSystem {
    KUBERNETES("kubernetes"),
    ONE_PASSWORD("onepassword"),
    STORE("store");

    private final String tag;

    ExternalSystem(String tag) {
        this.tag = tag;
    }

    /** The name used in metric tags and breaker names. */
    public String tag() {
        return tag;
    }
}
