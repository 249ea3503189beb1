/**
 * Coalescing of change bursts per binding within a window, so that a storm of informer events becomes a few
 * observations carrying the latest state, without delaying the first one.
 */
package dev.credrift.watcher.coalesce;
