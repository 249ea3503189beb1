/**
 * Integration tests of the whole reconciler against a real Kafka broker, the fabric8 mock API server (CRUD), the S3
 * stand-in (HTTP and HTTPS with a private CA) and the 1Password Connect emulator. The sandbox's ESO emulator answers
 * force-syncs as ESO does; {@link dev.credrift.reconciler.it.FakeKubelet} plays the controllers the mock server
 * lacks for workloads: it replaces the pods of restarted StatefulSets and counts rollouts.
 */
package dev.credrift.reconciler.it;
