/**
 * The production {@code credrift} command (the image's; {@code credrift sandbox} is in the sandbox-app module): {@link dev.credrift.app.Main} and the top-level picocli command with its
 * subcommands ({@code run}, {@code version}, {@code help}). Sub-packages hold what {@code run} wires together:
 * Kafka administration, readiness, HTTP endpoints, metrics and logging.
 */
package dev.credrift.app;
