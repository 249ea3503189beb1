/**
 * Integration tests of the whole reconciler against a real Kafka broker, the fabric8 mock API server (CRUD), the S3
 * stand-in (HTTP and HTTPS with a private CA) and the 1Password Connect emulator. The sandbox's emulators play the
 * controllers the mock server lacks: ESO answers force-syncs as ESO does, and the workload emulator's StatefulSet
 * controller and kubelet adopt the pods a test makes, replace them on a template change (refusing to under
 * {@code OrderedReady} while an old pod is unready), apply readiness faults and count rollouts.
 */
package dev.credrift.reconciler.it;
