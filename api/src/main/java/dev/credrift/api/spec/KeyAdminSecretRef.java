package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Secret with the RGW admin credential that mints and revokes keys through the Admin Ops API. Key defaults are
 * the ones Rook writes for a {@code CephObjectStoreUser}, because the natural admin is such a user with
 * {@code capabilities: {user: "*"}}.
 *
 * @param name         the Secret's name
 * @param namespace    the Secret's namespace; absent means the binding's namespace
 * @param accessKeyKey data key of the admin access key (default {@code AccessKey})
 * @param secretKeyKey data key of the admin secret key (default {@code SecretKey})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyAdminSecretRef(String name, String namespace, String accessKeyKey, String secretKeyKey) {

    public static final String DEFAULT_ACCESS_KEY_KEY = "AccessKey";
    public static final String DEFAULT_SECRET_KEY_KEY = "SecretKey";

    public KeyAdminSecretRef {
        accessKeyKey = accessKeyKey == null ? DEFAULT_ACCESS_KEY_KEY : accessKeyKey;
        secretKeyKey = secretKeyKey == null ? DEFAULT_SECRET_KEY_KEY : secretKeyKey;
    }
}
