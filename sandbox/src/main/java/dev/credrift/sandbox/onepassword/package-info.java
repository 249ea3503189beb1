/**
 * A 1Password Connect server stand-in for tests and {@code credrift sandbox}: vaults and items over
 * the Connect REST API, every request and response checked against the published OpenAPI spec,
 * bearer auth, an optional read-after-write lag, fault injection and a request log tests assert on.
 * Entry point: {@link dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator}.
 */
package dev.credrift.sandbox.onepassword;
