/**
 * The store probe: does the store accept this credential? {@link dev.credrift.reconciler.probe.StoreProbe}
 * lists one object of the bucket with a GET ({@link dev.credrift.reconciler.probe.MinioStoreProbe}) and
 * answers a {@link dev.credrift.reconciler.probe.ProbeVerdict} — accepted, rejected with the S3 error,
 * TLS failure with its reason, or unreachable — cached briefly per credential fingerprint by
 * {@link dev.credrift.reconciler.probe.CachingStoreProbe}. No verdict, message or log line holds a secret.
 */
package dev.credrift.reconciler.probe;
