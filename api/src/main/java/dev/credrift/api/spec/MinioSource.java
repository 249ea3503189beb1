package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A MinIO server whose admin API can create a service account with exactly the vault's keys (story 2). Only
 * meaningful with {@code authority: Vault}: the vault holds the keys, the store is what gets fixed.
 *
 * @param endpoint       the MinIO API endpoint ({@code http(s)://host[:port]}); also the store endpoint by default
 * @param adminSecretRef the Secret with the admin (root) credential
 * @param policy         optional MinIO policy to attach to the created account; absent inherits the admin's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MinioSource(String endpoint, AdminSecretRef adminSecretRef, String policy) implements SourceKind {

    @Override
    public String fieldName() {
        return "minio";
    }
}
