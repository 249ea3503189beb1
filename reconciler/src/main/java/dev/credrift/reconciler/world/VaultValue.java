package dev.credrift.reconciler.world;

import dev.credrift.events.credential.Credential;
import java.util.Optional;

/**
 * The vault hop: the 1Password item's credential; empty when the item exists but its fields are empty (a stale vault
 * that can be written).
 *
 * @param itemVersion the item's version as read
 */
public record VaultValue(String vault, String item, int itemVersion, Optional<Credential> credential) {}
