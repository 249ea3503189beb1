package dev.credrift.sandbox.rgw;

import dev.credrift.events.credential.Credential;
import java.util.List;
import java.util.Objects;

/**
 * A user as {@code radosgw-admin user info} describes it.
 *
 * @param uid       the user id
 * @param suspended whether {@code user suspend} was applied
 * @param keys      its S3 keys in the order RGW lists them: sorted by access key id, not by age
 */
public record RgwUser(String uid, boolean suspended, List<Credential> keys) {

    public RgwUser {
        Objects.requireNonNull(uid, "uid");
        keys = List.copyOf(keys);
    }
}
