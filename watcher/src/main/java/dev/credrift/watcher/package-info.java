/**
 * The watcher role: informers that turn cluster changes into observation events on Kafka ({@link
 * dev.credrift.watcher.Watcher}, configured by {@link dev.credrift.watcher.WatcherConfig}). The loop that ties the
 * sub-packages together runs on one Vert.x context; the sub-packages each hold one concept: reading objects
 * ({@code resource}), the binding index ({@code index}), coalescing ({@code coalesce}), building observations
 * ({@code observe}), caches and informers ({@code cluster}), publishing ({@code publish}), leader election
 * ({@code leader}) and the {@code Valid} condition ({@code status}).
 */
package dev.credrift.watcher;
