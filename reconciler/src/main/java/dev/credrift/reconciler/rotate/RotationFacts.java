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
 * @param bindingHalt  why the binding's remediation is halted (e.g. its readiness gate failed), if it is: the
 *                     consumers did not come up on what the vault holds, so a rotation that has not proven them stops
 * @param lifetimes    a role-based binding's token lifetimes, reported instead of a rotation; empty for other
 *                     sources or when they were not read
 */
public record RotationFacts(
        Capability capability,
        Optional<Instant> keySince,
        Set<String> storeKeys,
        Map<String, String> heldBy,
        boolean rotateNow,
        Optional<String> bindingHalt,
        Optional<TokenLifetimes> lifetimes) {

    public RotationFacts {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(keySince, "keySince");
        storeKeys = Set.copyOf(storeKeys);
        heldBy = Map.copyOf(heldBy);
        Objects.requireNonNull(bindingHalt, "bindingHalt");
        Objects.requireNonNull(lifetimes, "lifetimes");
    }

    /** A binding whose token lifetimes were not read (any but a role-based one). */
    public RotationFacts(
            Capability capability,
            Optional<Instant> keySince,
            Set<String> storeKeys,
            Map<String, String> heldBy,
            boolean rotateNow,
            Optional<String> bindingHalt) {
        this(capability, keySince, storeKeys, heldBy, rotateNow, bindingHalt, Optional.empty());
    }

    /** A binding whose remediation is not halted. */
    public RotationFacts(
            Capability capability,
            Optional<Instant> keySince,
            Set<String> storeKeys,
            Map<String, String> heldBy,
            boolean rotateNow) {
        this(capability, keySince, storeKeys, heldBy, rotateNow, Optional.empty());
    }
}
