package dev.credrift.connect;

import java.time.Instant;

/**
 * An item as a Connect item list shows it: where it is, what it is called, and which version it is
 * at ({@code updatedAt} may be {@code null} if the server leaves it out).
 */
public record ItemRef(VaultRef vault, String id, String title, int version, Instant updatedAt) {}
