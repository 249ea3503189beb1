package dev.credrift.connect;

/** A 1Password vault as Connect names it. */
public record VaultRef(String id, String name) {}
