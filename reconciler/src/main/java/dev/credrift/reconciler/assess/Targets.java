package dev.credrift.reconciler.assess;

/**
 * How plan steps name what they act on, for humans (e.g. {@code ExternalSecret monitoring/loki-s3-credentials}).
 */
public record Targets(String store, String vaultItem, String externalSecret, String replicaSecret) {}
