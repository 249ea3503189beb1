package dev.credrift.reconciler.vault;

/** A 1Password vault as Connect names it. */
public record VaultRef(String id, String name) {
}
