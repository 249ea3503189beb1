package dev.credrift.sandbox.world.spec;

import dev.credrift.events.credential.Credential;
import java.util.List;
import java.util.Optional;

/**
 * The MinIO admin API in front of a world's S3 store (story 2): a root user, and the admin endpoints that create
 * service accounts ({@link dev.credrift.sandbox.minio.MinioStandIn}).
 *
 * @param rootUser     the root user's access key (MinIO's {@code MINIO_ROOT_USER})
 * @param rootPassword the root password; empty: generated at start (40 characters), readable through
 *                     {@code ${minio.rootPassword}}
 * @param serviceAccounts service accounts of the root user that exist at start, with exactly these keys (story 6
 *                        rotates one)
 */
public record MinioSpec(String rootUser, Optional<String> rootPassword, List<Credential> serviceAccounts) {

    /** Copies the list. */
    public MinioSpec {
        serviceAccounts = List.copyOf(serviceAccounts);
    }

    /** No service account at start (story 2). */
    public MinioSpec(String rootUser, Optional<String> rootPassword) {
        this(rootUser, rootPassword, List.of());
    }

    @Override
    public String toString() {
        return "MinioSpec[rootUser=" + rootUser + ", rootPassword="
                + (rootPassword.isPresent() ? "<given>" : "<generated>") + ", serviceAccounts="
                + serviceAccounts.stream().map(Credential::maskedAccessKeyId).toList() + "]";
    }
}
