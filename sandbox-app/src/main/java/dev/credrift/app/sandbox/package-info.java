/**
 * {@code credrift sandbox}: starts a world (an emulated cluster, S3 store, 1Password Connect, External Secrets, Rook
 * and kubelets from the sandbox module), runs the real watcher, reconciler and notifier against it on an embedded
 * Kafka broker, plays the world's timeline and prints what happened — the actions, what credrift did, a hop table
 * and how long healing took — then checks the world's expected end state.
 */
package dev.credrift.app.sandbox;
