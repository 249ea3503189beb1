/**
 * 1Password Connect, the one client both roles share (architecture.md §3), written against the Connect OpenAPI spec
 * (no 1Password SDK exists for Java, and the community one sends PATCH operations the spec forbids). This package is
 * its read side and everything shared: the server settings ({@link dev.credrift.connect.ConnectClientConfig}), the
 * private-CA trust and the HTTP transport set up once ({@link dev.credrift.connect.ConnectHttp}), the token file, the
 * item/field model, the reading of answers and the typed errors ({@link dev.credrift.connect.ConnectException}).
 * The watcher polls through {@link dev.credrift.connect.ConnectReader} (raw reads that never throw); the typed
 * reads are {@link dev.credrift.connect.OnePasswordReader}; writing is in {@code write}, which only the reconciler
 * may import. Calls block; callers run them on a worker executor and wrap them in their own retry, circuit breaker
 * and time limiter. No value and no token ever appears in a message or a log line.
 */
package dev.credrift.connect;
