/**
 * Informer caches of the objects assessments read, so that an assessment costs what the binding's own objects cost:
 * per namespace that bindings use, one {@code SharedIndexInformer} each for pods (indexed by the Secrets they read
 * and by their owning workload), Secrets and ExternalSecrets (by name), and Deployments, StatefulSets and DaemonSets.
 * A namespace's informers start the first time it is needed (before consumption for the namespaces in the journal)
 * and a lookup waits for them to sync. Writes and the fresh look at the authority before a write never come here
 * (architecture.md §5.1 rule 1): they go to the API server through {@code world.KubeGateway}.
 *
 * <p>Changes wake whoever waits on the namespace ({@link dev.credrift.reconciler.cache.InformerReads#onChange}), so
 * await steps react to events and poll only as a fallback.
 */
package dev.credrift.reconciler.cache;
