/**
 * The Kubernetes stand-in: the fabric8 mock API server in CRUD mode with credrift's CRD and the third-party CRDs
 * it reads (ExternalSecret, PushSecret, CephObjectStoreUser), a JDK-HTTP client factory for it, and a JUnit
 * extension. It also answers the TokenRequest API ({@code serviceaccounts/<sa>/token}), which CRUD mode cannot,
 * with tokens a {@link dev.credrift.sandbox.kube.ServiceAccountTokenIssuer} signs, and has a front for a real
 * {@code kubectl} ({@link dev.credrift.sandbox.kube.front}). Shared by every module's tests and by
 * {@code credrift sandbox}; the ESO, Rook and kubelet emulators drive it.
 */
package dev.credrift.sandbox.kube;
