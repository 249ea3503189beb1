package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Trust for an HTTPS store (story 3): a private CA from a ConfigMap, an optional SNI name and, only if asked, no
 * verification at all.
 *
 * @param caConfigMap        ConfigMap (binding's namespace) holding the CA bundle, e.g. {@code storage-ca}
 * @param caKey              key in that ConfigMap (default {@code ca.crt}; the Tempo operator uses
 *                           {@code service-ca.crt})
 * @param serverName         name to send as SNI and to verify; empty means the endpoint's host
 * @param insecureSkipVerify skip certificate verification entirely; never together with {@code caConfigMap}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoreTls(String caConfigMap, String caKey, String serverName, boolean insecureSkipVerify) {

    public static final String DEFAULT_CA_KEY = "ca.crt";

    public StoreTls {
        caKey = caKey == null ? DEFAULT_CA_KEY : caKey;
    }
}
