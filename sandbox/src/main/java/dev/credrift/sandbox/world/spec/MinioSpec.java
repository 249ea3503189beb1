package dev.credrift.sandbox.world.spec;

import java.util.Optional;

/**
 * The MinIO admin API in front of a world's S3 store (story 2): a root user, and the admin endpoints that create
 * service accounts ({@link dev.credrift.sandbox.minio.MinioStandIn}).
 *
 * @param rootUser     the root user's access key (MinIO's {@code MINIO_ROOT_USER})
 * @param rootPassword the root password; empty: generated at start (40 characters), readable through
 *                     {@code ${minio.rootPassword}}
 */
public record MinioSpec(String rootUser, Optional<String> rootPassword) {

    @Override
    public String toString() {
        return "MinioSpec[rootUser=" + rootUser + ", rootPassword="
                + (rootPassword.isPresent() ? "<given>" : "<generated>") + "]";
    }
}
