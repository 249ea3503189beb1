/**
 * Test support for what the process logs: one capture of log lines ({@link dev.credrift.sandbox.logs.LogCapture}),
 * used by the secret scans of every module's integration tests, and a JUnit extension that fails a test whose run
 * logged a {@code ConcurrentModificationException} (a Kafka consumer used from two threads).
 */
package dev.credrift.sandbox.logs;
