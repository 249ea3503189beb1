package dev.credrift.sandbox.sts;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.Objects;
import java.util.Set;

/**
 * An identity provider registered with the cloud account (IAM OIDC provider, RAM OIDC provider): whose tokens are
 * accepted ({@code issuerUrl}, verified with {@code jwks}) and for which audiences ({@code clientIds}).
 */
public record OidcProvider(String arn, String issuerUrl, Set<String> clientIds, JWKSet jwks) {

    public OidcProvider {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(issuerUrl, "issuerUrl");
        clientIds = Set.copyOf(clientIds);
        Objects.requireNonNull(jwks, "jwks");
    }

    /** The same provider accepting other audiences. */
    public OidcProvider withClientIds(Set<String> ids) {
        return new OidcProvider(arn, issuerUrl, ids, jwks);
    }
}
