/**
 * Role-based credentials (stories 4 and 5): exchanging a service-account token at AWS STS
 * ({@code AssumeRoleWithWebIdentity}) or Alibaba Cloud STS ({@code AssumeRoleWithOIDC}) for temporary keys.
 *
 * <p>Two users: the verification of {@code spec.source.webIdentity} bindings (a token from the TokenRequest API,
 * the exchange, and a diagnosis naming what did not match when STS refuses: {@code sub}, audience, role, expiry,
 * signature) and credrift's own store access, a {@link dev.credrift.reconciler.identity.CredentialChain} of static,
 * environment, AWS web-identity and Alibaba RRSA providers that refresh before expiry and re-read their token file,
 * plugged into minio-java as an {@code io.minio.credentials.Provider}.
 *
 * <p>No token, secret or session token leaves a {@link dev.credrift.events.credential.SecretValue} or
 * {@link dev.credrift.events.credential.Credential} except on the wire to STS and the store; diagnoses name claims
 * ({@code sub}, {@code aud}, {@code iss}, {@code exp}) and ARNs only.
 */
package dev.credrift.reconciler.identity;
