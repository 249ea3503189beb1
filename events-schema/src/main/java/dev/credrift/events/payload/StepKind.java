package dev.credrift.events.payload;

/** The kinds of remediation step (architecture.md §4 plans). */
public enum StepKind {
    /** Probe the store with the authority's credential (verify before write). */
    PROBE_STORE,
    /** Write the authority's credential into the vault item and read it back. */
    WRITE_VAULT,
    /** Annotate the ExternalSecret so that ESO syncs now. */
    FORCE_SYNC,
    /** Wait until the replica Secret holds the authority's credential. */
    AWAIT_REPLICA,
    /** Create the store account (MinIO service account) with the vault's keys. */
    CREATE_STORE_ACCOUNT,
    /** Rollout-restart a consuming workload. */
    ROLL_OUT,
    /** Wait until the restarted workload is ready (the readiness gate). */
    AWAIT_READY
}
