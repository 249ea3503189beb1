/**
 * The binding index: which bindings an object plays a part in (source Secret, Rook user, ExternalSecret, replica
 * Secret, consumer workloads) and which facets of them its change touches, so that one changed Secret leads to
 * observations of exactly the bindings that use it.
 */
package dev.credrift.watcher.index;
