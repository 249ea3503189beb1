package dev.credrift.reconciler.rotate;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one handling's fresh assessment tells the planner about an open rotation's keys, for {@link RotationFacts}:
 * which keys the store holds and which key each hop holds. Pure. MinIO lists no key history and the assessment
 * reads the hops' fingerprints, not their key ids, so it is said conservatively: the new key counts as held by the
 * store only when the store accepted the vault's credential and the vault holds the new key; the replica and the
 * consumers count as holding the vault's key only when the binding is in sync, otherwise as still holding the old
 * key — which blocks a revoke (the planner never revokes a key a hop may still hold).
 *
 * @param storeKeys access key ids the store holds, as far as this handling knows
 * @param heldBy    hop → the access key id it holds, or may still hold
 */
public record RotationSight(Set<String> storeKeys, Map<String, String> heldBy) {

    public RotationSight {
        storeKeys = Set.copyOf(storeKeys);
        heldBy = Map.copyOf(heldBy);
    }

    /**
     * @param open              the open rotation, if any
     * @param vaultKey          the access key id the vault (the authority) holds now, if it could be read
     * @param storeAcceptsVault the store accepted the vault's credential in this handling's probe
     * @param inSync            the binding is in sync: the replica and every consumer hold the vault's credential
     */
    public static RotationSight of(
            Optional<RotationJournal> open, Optional<String> vaultKey, boolean storeAcceptsVault, boolean inSync) {
        Set<String> keys = new HashSet<>();
        open.ifPresent(j -> {
            keys.add(j.oldAccessKeyId());
            if (j.newAccessKeyId() != null && storeAcceptsVault && vaultKey.equals(Optional.of(j.newAccessKeyId()))) {
                keys.add(j.newAccessKeyId());
            }
        });
        if (vaultKey.isEmpty()) {
            return new RotationSight(keys, Map.of());
        }
        String vault = vaultKey.get();
        // not in sync: the replica and the consumers are not proven on the vault's key, so they may hold the old one
        String others =
                inSync ? vault : open.map(RotationJournal::oldAccessKeyId).orElse(vault);
        return new RotationSight(keys, Map.of("vault", vault, "replica", others, "consumers", others));
    }
}
