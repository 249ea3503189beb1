package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Secret with a MinIO admin credential. Key defaults follow the MinIO Helm chart's root secret.
 *
 * @param name         the Secret's name
 * @param namespace    the Secret's namespace; absent means the binding's namespace
 * @param accessKeyKey data key of the admin access key (default {@code rootUser})
 * @param secretKeyKey data key of the admin secret key (default {@code rootPassword})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdminSecretRef(String name, String namespace, String accessKeyKey, String secretKeyKey) {

    public static final String DEFAULT_ACCESS_KEY_KEY = "rootUser";
    public static final String DEFAULT_SECRET_KEY_KEY = "rootPassword";

    public AdminSecretRef {
        accessKeyKey = accessKeyKey == null ? DEFAULT_ACCESS_KEY_KEY : accessKeyKey;
        secretKeyKey = secretKeyKey == null ? DEFAULT_SECRET_KEY_KEY : secretKeyKey;
    }
}
