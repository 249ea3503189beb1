package dev.credrift.sandbox.world.spec;

import java.util.List;
import java.util.Optional;

/**
 * The S3 stand-in of a world.
 *
 * @param buckets buckets to create
 * @param users   users to create
 * @param tls     HTTPS settings; empty: plain HTTP
 */
public record StoreSpec(List<String> buckets, List<StoreUserSpec> users, Optional<TlsSpec> tls) {

    /** Copies lists. */
    public StoreSpec {
        buckets = List.copyOf(buckets);
        users = List.copyOf(users);
    }
}
