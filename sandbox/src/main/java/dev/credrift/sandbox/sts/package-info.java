/**
 * STS stand-ins for role-based bindings (stories 4 and 5): a sandbox OIDC issuer that signs service-account tokens
 * (what the Kubernetes TokenRequest API and projected volumes hand out), AWS STS {@code AssumeRoleWithWebIdentity}
 * (Query API, XML) and Alibaba Cloud STS {@code AssumeRoleWithOIDC} (RPC style, JSON, throttled above a request rate).
 * Both verify the token with nimbus-jose-jwt against the issuer's JWKS (signature, {@code iss}, {@code aud},
 * {@code exp}) and the role's trust policy ({@code sub}), and issue expiring temporary keys that the S3 stand-in
 * accepts until they expire.
 *
 * <p>S3Proxy itself never reads {@code X-Amz-Security-Token}; the S3 stand-in checks it with a Jetty handler in front
 * of S3Proxy's servlet ({@code InvalidToken} without the session's token, {@code ExpiredToken} after expiry).
 */
package dev.credrift.sandbox.sts;
