/**
 * The watcher's view of the cluster: API discovery (ExternalSecret v1 or v1beta1, Rook), the informers and their
 * caches (label-selected, name-selected or per-namespace, never an unfiltered Secret informer), and the change
 * notifications their handlers hand to the watch loop.
 */
package dev.credrift.watcher.cluster;
