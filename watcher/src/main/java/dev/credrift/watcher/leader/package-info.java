/** Lease-based leader election, so that only one of several watcher replicas emits observations. */
package dev.credrift.watcher.leader;
