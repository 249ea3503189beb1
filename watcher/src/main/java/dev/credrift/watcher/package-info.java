/**
 * The watcher role: informers that turn cluster changes into observation events on Kafka ({@link
 * dev.credrift.watcher.Watcher}, configured by {@link dev.credrift.watcher.WatcherConfig}). The loop that ties the
 * sub-packages together runs on one Vert.x context and lives here, one job per class: lifecycle and leadership
 * ({@code WatchLoop}, {@code Activity}, {@code Election}), per-binding state ({@code BindingTracker}), turning facets
 * into observations ({@code Emission}), 1Password polling state ({@code VaultFacet}) and status writes
 * ({@code StatusWrites}). The sub-packages each hold one concept: reading objects ({@code resource}), the binding
 * index ({@code index}), coalescing ({@code coalesce}), building observations ({@code observe}), caches and informers
 * ({@code cluster}), publishing ({@code publish}), leader election ({@code leader}), 1Password polling
 * ({@code vault}), metrics ({@code metrics}) and the {@code Valid} condition ({@code status}).
 */
package dev.credrift.watcher;
