package dev.credrift.sandbox.emulate.eso;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When ESO fetches again: its {@code shouldRefresh}, {@code isSecretValid} and {@code shouldReconcile}, kept
 * apart from any I/O so their truth table can be tested directly.
 *
 * <p>A change of labels or annotations (such as {@code force-sync=<time>}) changes the object's resource version
 * ({@code <generation>-<hash>}) and so triggers a refresh — except with {@code refreshPolicy: CreatedOnce}, and with
 * the default Periodic policy when {@code refreshInterval} is 0 (then only a missing or tampered target Secret
 * brings ESO back). {@code OnChange} refreshes on such a change whatever the interval.
 */
public final class RefreshRule {

    /** The label ESO puts on every Secret it manages. */
    public static final String MANAGED_LABEL = "reconcile.external-secrets.io/managed";
    /** The annotation holding the hash of the Secret's data as ESO last wrote it. */
    public static final String DATA_HASH_ANNOTATION = "reconcile.external-secrets.io/data-hash";
    /** The label naming the owning ExternalSecret (hash of {@code <namespace>/<name>}) with creationPolicy Owner. */
    public static final String CREATED_BY_LABEL = "reconcile.external-secrets.io/created-by";

    private RefreshRule() {}

    /** ESO's {@code shouldRefresh}: whether the object itself asks for a new fetch at {@code now}. */
    public static boolean shouldRefresh(ExternalSecretState es, Instant now) {
        return switch (es.refreshPolicy()) {
            case CREATED_ONCE ->
                es.syncedResourceVersion().isEmpty() || es.refreshTime().isEmpty();
            case ON_CHANGE ->
                es.syncedResourceVersion().isEmpty()
                        || es.refreshTime().isEmpty()
                        || !es.syncedResourceVersion().get().equals(es.currentResourceVersion());
            case PERIODIC -> shouldRefreshPeriodic(es, now);
        };
    }

    private static boolean shouldRefreshPeriodic(ExternalSecretState es, Instant now) {
        if ((es.refreshInterval().isZero() || es.refreshInterval().isNegative())
                && es.syncedResourceVersion().isPresent()) {
            return false;
        }
        if (!es.syncedResourceVersion().equals(Optional.of(es.currentResourceVersion()))) {
            return true;
        }
        if (es.refreshTime().isEmpty()) {
            return true;
        }
        Instant refreshed = es.refreshTime().get();
        if (refreshed.isAfter(now)) {
            return true;
        }
        return refreshed.plus(es.refreshInterval()).isBefore(now);
    }

    /**
     * ESO's {@code isSecretValid}: the target exists, carries the managed label, and its data still hashes to its
     * {@code data-hash} annotation. An invalid target is rewritten whatever the refresh policy says.
     */
    public static boolean isSecretValid(Secret existing) {
        if (existing == null) {
            return false;
        }
        Map<String, String> labels = existing.getMetadata().getLabels();
        if (labels == null || !"true".equals(labels.get(MANAGED_LABEL))) {
            return false;
        }
        Map<String, String> annotations = existing.getMetadata().getAnnotations();
        return annotations != null && Objects.equals(annotations.get(DATA_HASH_ANNOTATION), dataHash(existing));
    }

    /** ESO's {@code shouldReconcile}: an immutable target is never touched again once synced. */
    public static boolean shouldReconcile(ExternalSecretState es) {
        return !(es.immutable() && es.conditions().stream().anyMatch(c -> "SecretSynced".equals(c.get("reason"))));
    }

    /**
     * Why a {@code force-sync} annotation (or any label/annotation change) would be ignored by ESO, if it would;
     * the trap architecture.md §1 asks credrift to name instead of waiting forever.
     */
    public static Optional<String> forceSyncIgnoredBecause(ExternalSecretState es) {
        if (es.refreshPolicy() == RefreshPolicy.CREATED_ONCE) {
            return Optional.of("refreshPolicy is CreatedOnce");
        }
        if (es.refreshPolicy() == RefreshPolicy.PERIODIC
                && (es.refreshInterval().isZero() || es.refreshInterval().isNegative())) {
            return Optional.of("refreshInterval is 0");
        }
        return Optional.empty();
    }

    /** The {@code data-hash} ESO would compute for the Secret's current data. */
    public static String dataHash(Secret secret) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((k, v) -> bytes.put(
                            k, v == null ? new byte[0] : Base64.getDecoder().decode(v)));
        }
        return GoObjectHash.data(bytes);
    }
}
