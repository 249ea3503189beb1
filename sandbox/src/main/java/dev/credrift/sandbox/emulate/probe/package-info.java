/**
 * How emulated consumers judge their credential: a signed S3 {@code ListObjectsV2} GET against the store (never a
 * HEAD, which hides the error code), with the world's CA and server name, answered as a typed
 * {@link dev.credrift.sandbox.emulate.probe.ProbeResult} ({@code InvalidAccessKeyId}, a TLS failure and why, ...).
 * It plays the part of Loki's or Tempo's own S3 client, not credrift's store probe.
 */
package dev.credrift.sandbox.emulate.probe;
