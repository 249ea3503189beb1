/**
 * The watcher's metrics: observations published (and failed, dropped, pending), informer state, leadership, and
 * 1Password Connect polls by result. Every series exists from the start.
 */
package dev.credrift.watcher.metrics;
