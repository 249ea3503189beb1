/**
 * The controllers a real cluster would run for credrift's stories, emulated against the Kubernetes stand-in: Rook
 * (object-store users and their secrets), External Secrets Operator (1Password items into replica Secrets) and the
 * workload controllers with a kubelet (pods that read their credentials at start and are ready only while the store
 * accepts them).
 *
 * <p>This package holds what they share: an injectable {@link dev.credrift.sandbox.emulate.EmulatorScheduler} (real
 * time for worlds, {@link dev.credrift.sandbox.emulate.ManualScheduler manual} for fast tests) and a coalescing
 * {@link dev.credrift.sandbox.emulate.ControllerLoop}. Every emulator is level-triggered: one reconcile reads the
 * current state and moves it one step closer to the desired state, so events, ticks and direct calls from tests
 * are interchangeable.
 */
package dev.credrift.sandbox.emulate;
