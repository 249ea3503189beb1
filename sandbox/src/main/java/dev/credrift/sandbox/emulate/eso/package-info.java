/**
 * External Secrets Operator's {@code ExternalSecret} controller with its 1Password Connect provider, emulated
 * closely enough that ESO's traps are real here: a refresh happens only when {@code refreshPolicy},
 * {@code refreshInterval} and the synced resource version (generation + hash of labels and annotations) say so,
 * which is why {@code force-sync} is ignored with {@code refreshInterval: 0} (Periodic) or
 * {@code refreshPolicy: CreatedOnce}; a target Secret whose data no longer matches its
 * {@code reconcile.external-secrets.io/data-hash} is rewritten; failures show as {@code Ready=False} with reason
 * {@code SecretSyncedError}. Items are read over the Connect REST API with a bearer token, as ESO's provider does.
 */
package dev.credrift.sandbox.emulate.eso;
