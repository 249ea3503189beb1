/**
 * The event contract shared by every role: binding ids, topic names and the event envelope.
 * Payloads live in {@code payload}, credential handling in {@code credential}, the Kafka binary-mode
 * codec in {@code codec} and the hash-chained audit trail in {@code audit}. Depends on Jackson and
 * CloudEvents only, so that watcher, reconciler and notifier meet here and nowhere else.
 */
package dev.credrift.events;
