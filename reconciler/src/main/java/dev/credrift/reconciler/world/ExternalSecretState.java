package dev.credrift.reconciler.world;

import java.util.Optional;

/**
 * What the reconciler needs from the ExternalSecret that writes the replica.
 *
 * @param targetSecret     the Secret it writes ({@code spec.target.name}, else its own name)
 * @param accessKeyIdKey   the replica's data key for the access key id, from {@code spec.data}
 * @param secretKeyKey     the replica's data key for the secret access key, from {@code spec.data}
 * @param refreshInterval  {@code spec.refreshInterval} as written, if any
 * @param refreshPolicy    {@code spec.refreshPolicy} as written, if any
 * @param ready            the {@code Ready} condition's status ({@code True}, {@code False}, {@code Unknown})
 * @param readyReason      its reason, e.g. {@code SecretSynced} or {@code SecretSyncedError}
 * @param forceSync        the current {@code force-sync} annotation, if any
 */
public record ExternalSecretState(
        String namespace,
        String name,
        String targetSecret,
        String accessKeyIdKey,
        String secretKeyKey,
        Optional<String> refreshInterval,
        Optional<String> refreshPolicy,
        String ready,
        Optional<String> readyReason,
        Optional<String> forceSync) {

    /** ESO's reason for a failed sync. */
    public static final String SYNC_ERROR = "SecretSyncedError";

    public boolean isReady() {
        return "True".equals(ready);
    }

    /** Why ESO will not honour a force-sync, if it will not: {@code refreshInterval: 0} or {@code CreatedOnce}. */
    public Optional<String> forceSyncIgnoredBecause() {
        if (refreshPolicy.filter("CreatedOnce"::equals).isPresent()) {
            return Optional.of("ExternalSecret " + namespace + "/" + name
                    + " has refreshPolicy CreatedOnce: ESO syncs it once and ignores force-sync");
        }
        if (refreshInterval.filter(i -> i.matches("0+(\\.0+)?[a-z\u00b5]*")).isPresent()) {
            return Optional.of("ExternalSecret " + namespace + "/" + name
                    + " has refreshInterval 0: ESO does not refresh it and ignores force-sync");
        }
        return Optional.empty();
    }

    /** Whether ESO reports that its last sync failed. */
    public boolean syncFailing() {
        return "False".equals(ready) && readyReason.filter(SYNC_ERROR::equals).isPresent();
    }
}
