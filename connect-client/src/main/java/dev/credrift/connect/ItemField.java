package dev.credrift.connect;

import dev.credrift.events.credential.SecretValue;

/**
 * One field of an item; the value is a {@link SecretValue}, so printing a field shows no secret.
 * {@code label}, {@code purpose} and {@code sectionId} may be {@code null}.
 */
public record ItemField(String id, String label, String type, String purpose, String sectionId, SecretValue value) {}
