package dev.credrift.reconciler.world;

import dev.credrift.events.credential.Credential;
import java.time.Instant;
import java.util.Optional;

/**
 * The replica Secret as read.
 *
 * @param credential       empty when a key is missing or empty (a sync will fix it)
 * @param createdAt        {@code metadata.creationTimestamp}, if reported
 * @param lastManagedAt    the newest {@code metadata.managedFields[].time} of a manager of its data ({@link DataWrites}),
 *                         if the API server keeps them
 */
public record ReplicaSecret(
        String namespace,
        String name,
        String resourceVersion,
        Optional<Credential> credential,
        Optional<Instant> createdAt,
        Optional<Instant> lastManagedAt) {}
