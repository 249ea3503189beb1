package dev.credrift.reconciler.resilience;

/** The systems the reconciler calls, each behind its own guard. */
public enum ExternalSystem {
    KUBERNETES("kubernetes"),
    ONE_PASSWORD("onepassword"),
    STORE("store"),
    /** The store's admin API (MinIO service accounts, story 2). */
    STORE_ADMIN("store-admin"),
    /** AWS STS or Alibaba Cloud STS, exchanging web-identity tokens (stories 4 and 5). */
    STS("sts");

    private final String tag;

    ExternalSystem(String tag) {
        this.tag = tag;
    }

    /** The name used in metric tags and breaker names. */
    public String tag() {
        return tag;
    }
}
