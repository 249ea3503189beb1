/**
 * Integration tests of the whole reconciler against a real Kafka broker, the fabric8 mock API server (CRUD), the S3
 * stand-in (HTTP and HTTPS with a private CA) and the 1Password Connect emulator. The tests play the controllers the
 * mock server lacks: {@link dev.credrift.reconciler.it.FakeEso} answers force-syncs and {@link
 * dev.credrift.reconciler.it.FakeKubelet} replaces the pods of restarted workloads and counts rollouts.
 */
package dev.credrift.reconciler.it;
