package dev.credrift.events.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit keys a process knows: the {@linkplain #current() current} one seals new records, every one verifies.
 * Rotation: add the new key as current and keep the old ones here for as long as records sealed with them are
 * verified (the audit topic's retention).
 */
public final class AuditKeys {

    private static final AuditKeys NONE = new AuditKeys(null, List.of());

    private final AuditKey current;
    private final Map<String, AuditKey> byId = new LinkedHashMap<>();

    private AuditKeys(AuditKey current, List<AuditKey> previous) {
        this.current = current;
        if (current != null) {
            byId.put(current.id(), current);
        }
        previous.forEach(
                key -> byId.putIfAbsent(Objects.requireNonNull(key, "key").id(), key));
    }

    /** No key: records are chained with plain SHA-256 (as before keys existed), keyed ones cannot be checked. */
    public static AuditKeys none() {
        return NONE;
    }

    /** {@code current} seals; it and {@code previous} verify. */
    public static AuditKeys of(AuditKey current, List<AuditKey> previous) {
        return new AuditKeys(Objects.requireNonNull(current, "current"), List.copyOf(previous));
    }

    /** Verification only (e.g. {@code credrift audit verify}): every key verifies, none seals. */
    public static AuditKeys verifyingOnly(List<AuditKey> keys) {
        return keys.isEmpty() ? NONE : new AuditKeys(null, List.copyOf(keys));
    }

    /** The key new records are sealed with, if any. */
    public Optional<AuditKey> current() {
        return Optional.ofNullable(current);
    }

    /** The key a record names. */
    public Optional<AuditKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of every key known, current first. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    @Override
    public String toString() {
        return "AuditKeys" + ids();
    }
}
