/**
 * Polling 1Password Connect for the items bindings name (architecture.md §3: the vault cannot be watched): the read
 * side of the shared Connect client ({@code dev.credrift.connect.ConnectReader}: the watcher never writes), a request
 * budget across all vaults, and a poller that reads an item in full only when its version changed and reports
 * {@code VaultItemObserved} with fingerprints only. Every failure becomes a typed problem, never an exception.
 */
package dev.credrift.watcher.vault;
