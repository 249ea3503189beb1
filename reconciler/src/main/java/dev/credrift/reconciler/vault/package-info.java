/**
 * The vault hop: reading and writing a binding's credential in 1Password through a Connect server,
 * with our own small client written against the Connect OpenAPI spec (no 1Password SDK exists for
 * Java, and the community one sends PATCH operations the spec forbids). Calls block; callers run
 * them on a worker executor and wrap them in their own retry, circuit breaker and time limiter.
 * Every failure is a {@link dev.credrift.reconciler.vault.ConnectException} subtype naming the vault,
 * item or field; no value and no token ever appears in a message or a log line.
 */
package dev.credrift.reconciler.vault;
