package dev.credrift.sandbox.world.spec;

import java.util.List;
import java.util.Optional;

/**
 * The S3 stand-in of a world.
 *
 * @param buckets buckets to create
 * @param users   users to create
 * @param tls     HTTPS settings; empty: plain HTTP
 * @param minio   the MinIO admin API in front of the store (story 2); empty: none
 */
public record StoreSpec(List<String> buckets, List<StoreUserSpec> users, Optional<TlsSpec> tls,
                        Optional<MinioSpec> minio) {

    /** Copies lists. */
    public StoreSpec {
        buckets = List.copyOf(buckets);
        users = List.copyOf(users);
        minio = minio == null ? Optional.empty() : minio;
    }

    /** A store without a MinIO admin API. */
    public StoreSpec(List<String> buckets, List<StoreUserSpec> users, Optional<TlsSpec> tls) {
        this(buckets, users, tls, Optional.empty());
    }
}
