/**
 * Informers that turn cluster and vault changes into observation events on Kafka. Not built yet (issue 3).
 */
package dev.credrift.watcher;
