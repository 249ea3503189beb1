/**
 * The event contract shared by every role: CloudEvent types and payload records, topic names,
 * credential fingerprints and masking, and the hash-chained audit envelope. Depends on Jackson and
 * CloudEvents only, so that watcher, reconciler and notifier meet here and nowhere else.
 */
package dev.credrift.events;
