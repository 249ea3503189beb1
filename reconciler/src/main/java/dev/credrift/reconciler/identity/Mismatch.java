package dev.credrift.reconciler.identity;

/** What did not match when STS refused a web-identity exchange. */
public enum Mismatch {
    /** The role's trust policy does not admit the token's {@code sub} (AWS also answers so for a missing role). */
    SUBJECT,
    /** The token's audience is not one the OIDC provider (its client ids) accepts. */
    AUDIENCE,
    /** The role does not exist (Alibaba says so; AWS answers as for {@link #SUBJECT}). */
    ROLE,
    /** The token had expired. */
    EXPIRED,
    /** The token carries no signature. */
    UNSIGNED,
    /** The token's signature does not match the provider's keys (JWKS). */
    SIGNATURE,
    /** No provider is registered for the token's issuer, or the issuer differs from the provider's. */
    ISSUER,
    /** The OIDC provider ARN the binding names is not registered (Alibaba). */
    PROVIDER,
    /** Anything else STS refused: the code and message say what. */
    OTHER
}
