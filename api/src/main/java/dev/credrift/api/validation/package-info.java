/**
 * Names every problem of a {@code CredentialBinding} spec with its field path
 * ({@code spec.vault.onePassword.item: required}), so the watcher can set {@code Valid=False} instead of crashing
 * or ignoring the binding.
 *
 * <p>It judges what the CRD schema judges, plus what needs more than one field (CEL rules on a real API server,
 * nothing at all on the mock server), plus warnings the API server cannot give. It never throws, whatever it is
 * given, and its messages name fields and allowed values, never the values found.
 */
package dev.credrift.api.validation;
