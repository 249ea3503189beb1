/**
 * Credentials in memory and the only forms in which they may leave it: {@link
 * dev.credrift.events.credential.Fingerprint fingerprints} and {@link
 * dev.credrift.events.credential.MaskedKeyId masked access key ids}. {@link
 * dev.credrift.events.credential.SecretValue} and {@link dev.credrift.events.credential.Credential}
 * refuse to be printed or serialized.
 */
package dev.credrift.events.credential;
