/**
 * A front for a real {@code kubectl} before the fabric8 mock API server: what kubectl needs that the mock's CRUD
 * mode does not serve — discovery documents, server-side printing (Tables), HTTP-streamed watches, field selectors,
 * {@code core/v1} ↔ {@code events.k8s.io/v1} Events, strategic-merge patches of maps, and the defaulting a real API
 * server does that {@code kubectl rollout status} reads. Everything else is passed through to the mock unchanged.
 * Entry point: {@link dev.credrift.sandbox.kube.front.KubectlFront}.
 */
package dev.credrift.sandbox.kube.front;
