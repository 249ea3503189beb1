/**
 * Role-based credentials (stories 4 and 5): exchanging a service-account token at AWS STS
 * ({@code AssumeRoleWithWebIdentity}) or Alibaba Cloud STS ({@code AssumeRoleWithOIDC}) for temporary keys.
 *
 * <p>One user: the verification of {@code spec.source.webIdentity} bindings (a token from the TokenRequest API,
 * the exchange, and a diagnosis naming what did not match when STS refuses: {@code sub}, audience, role, expiry,
 * signature). credrift's own store access still takes its keys from a Secret (a credential chain of environment and
 * web-identity providers was removed unwired, issue 16; git history has it).
 *
 * <p>No token, secret or session token leaves a {@link dev.credrift.events.credential.SecretValue} or
 * {@link dev.credrift.events.credential.Credential} except on the wire to STS and the store; diagnoses name claims
 * ({@code sub}, {@code aud}, {@code iss}, {@code exp}) and ARNs only.
 */
package dev.credrift.reconciler.identity;
