package dev.credrift.sandbox.world.spec;

import java.util.List;
import java.util.Optional;

/**
 * The S3 store of a world: the S3 stand-in, or a real Ceph RGW.
 *
 * @param buckets buckets to create
 * @param users   users to create
 * @param tls     HTTPS settings; empty: plain HTTP
 * @param minio   the MinIO admin API in front of the store (story 2); empty: none
 * @param backend what serves it; with {@link StoreBackend#RGW} there is no MinIO, the certificate is fixed at start,
 *                and buckets belong to the first user (RGW buckets belong to their creator)
 */
public record StoreSpec(
        List<String> buckets,
        List<StoreUserSpec> users,
        Optional<TlsSpec> tls,
        Optional<MinioSpec> minio,
        StoreBackend backend) {

    /** Copies lists. */
    public StoreSpec {
        buckets = List.copyOf(buckets);
        users = List.copyOf(users);
        minio = minio == null ? Optional.empty() : minio;
        backend = backend == null ? StoreBackend.STAND_IN : backend;
    }

    /** A store served by the S3 stand-in. */
    public StoreSpec(
            List<String> buckets, List<StoreUserSpec> users, Optional<TlsSpec> tls, Optional<MinioSpec> minio) {
        this(buckets, users, tls, minio, StoreBackend.STAND_IN);
    }

    /** A store without a MinIO admin API. */
    public StoreSpec(List<String> buckets, List<StoreUserSpec> users, Optional<TlsSpec> tls) {
        this(buckets, users, tls, Optional.empty());
    }
}
