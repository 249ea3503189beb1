/**
 * Polling 1Password Connect for the items bindings name (architecture.md §3: the vault cannot be watched): a small read-only
 * Connect client of the watcher's own (the watcher must not import the reconciler, architecture.md §3), a request budget
 * across all vaults, and a poller that reads an item in full only when its version changed and reports
 * {@code VaultItemObserved} with fingerprints only. Every failure becomes a typed problem, never an exception.
 */
package dev.credrift.watcher.vault;
