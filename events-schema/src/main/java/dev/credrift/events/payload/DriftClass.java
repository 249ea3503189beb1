package dev.credrift.events.payload;

/** The verdict of an assessment (architecture.md §4). */
public enum DriftClass {
    /** The store refuses the authority's credential: alert only, never propagate it. */
    AUTHORITY_REJECTED,
    /** The vault holds something other than the authority's credential. */
    VAULT_STALE,
    /** The replica Secret holds something other than the authority's credential. */
    REPLICA_STALE,
    /** Consumer pods predate the replica's change, read it through env/subPath, or fail auth. */
    CONSUMERS_STALE,
    /** Every hop holds the authority's credential and consumers are fresh and ready. */
    IN_SYNC,
    /** The store (MinIO) does not know the vault's access key: create the service account. */
    STORE_MISSING_ACCOUNT,
    /** The store's TLS certificate failed verification. */
    ENDPOINT_UNTRUSTED,
    /** The STS/OIDC exchange was refused (trust policy, audience, subject). */
    IDENTITY_REJECTED,
    /** ESO will not honour a force-sync, or reports SecretSyncedError. */
    REPLICA_UNSYNCABLE
}
