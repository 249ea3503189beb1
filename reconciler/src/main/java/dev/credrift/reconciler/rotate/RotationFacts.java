package dev.credrift.reconciler.rotate;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the handler observed for the planner, read fresh for each decision.
 *
 * @param capability   what credrift can do about this binding's keys
 * @param keySince     since when the current key has been in use (last rotation's completion, or when credrift
 *                     first saw it); empty when unknown, which makes a rotation due at once
 * @param storeKeys    access key ids the store user holds now (RGW: {@code /admin/user?uid}; MinIO: listed
 *                     service accounts)
 * @param heldBy       hop name ({@code source}, {@code vault}, {@code replica}, {@code consumers}) → the access key
 *                     id that hop holds now; {@code consumers} holds the old key while any consumer is stale
 * @param rotateNow    the {@code credrift.dev/rotate-now} annotation or {@code credrift rotate} asked for one
 */
public record RotationFacts(
        Capability capability,
        Optional<Instant> keySince,
        Set<String> storeKeys,
        Map<String, String> heldBy,
        boolean rotateNow) {

    public RotationFacts {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(keySince, "keySince");
        storeKeys = Set.copyOf(storeKeys);
        heldBy = Map.copyOf(heldBy);
    }
}
