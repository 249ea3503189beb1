/**
 * A world, as a world file describes it: the store and its users, the 1Password vaults, the Kubernetes objects,
 * the timeline of actions and the expected end state. Plain records: {@code dev.credrift.sandbox.world.file} reads
 * them, {@code dev.credrift.sandbox.world} brings them to life. Values that may be secrets print redacted.
 */
package dev.credrift.sandbox.world.spec;
