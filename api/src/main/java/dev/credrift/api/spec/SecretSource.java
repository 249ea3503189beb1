package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Any Secret that holds an access key pair.
 *
 * @param namespace          the Secret's namespace; absent means the binding's namespace
 * @param name               the Secret's name
 * @param accessKeyIdKey     data key of the access key id (default {@code AWS_ACCESS_KEY_ID})
 * @param secretAccessKeyKey data key of the secret access key (default {@code AWS_SECRET_ACCESS_KEY})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretSource(String namespace, String name, String accessKeyIdKey, String secretAccessKeyKey)
        implements SourceKind {

    public static final String DEFAULT_ACCESS_KEY_ID_KEY = "AWS_ACCESS_KEY_ID";
    public static final String DEFAULT_SECRET_ACCESS_KEY_KEY = "AWS_SECRET_ACCESS_KEY";

    public SecretSource {
        accessKeyIdKey = accessKeyIdKey == null ? DEFAULT_ACCESS_KEY_ID_KEY : accessKeyIdKey;
        secretAccessKeyKey = secretAccessKeyKey == null ? DEFAULT_SECRET_ACCESS_KEY_KEY : secretAccessKeyKey;
    }

    @Override
    public String fieldName() {
        return "secret";
    }
}
