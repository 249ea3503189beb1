package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Secret naming a 1Password Connect server and its token, for bindings that use another Connect than credrift's.
 *
 * @param name      the Secret's name
 * @param namespace the Secret's namespace; absent means the binding's namespace
 * @param hostKey   data key of the Connect URL (default {@code host})
 * @param tokenKey  data key of the Connect token (default {@code token})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectSecretRef(String name, String namespace, String hostKey, String tokenKey) {

    public static final String DEFAULT_HOST_KEY = "host";
    public static final String DEFAULT_TOKEN_KEY = "token";

    public ConnectSecretRef {
        hostKey = hostKey == null ? DEFAULT_HOST_KEY : hostKey;
        tokenKey = tokenKey == null ? DEFAULT_TOKEN_KEY : tokenKey;
    }
}
