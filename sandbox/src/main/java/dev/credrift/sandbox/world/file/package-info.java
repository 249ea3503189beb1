/**
 * Reading world files: YAML parsed into a tree that remembers where each value was written, bound into a
 * {@link dev.credrift.sandbox.world.spec.WorldSpec} with every problem reported as a
 * {@link dev.credrift.sandbox.world.file.WorldFileException} naming the file, line, column and field — never a
 * stack trace, never a value from the file (a value may be a secret). One reader per section (store, vaults,
 * objects, timeline, expect, …); Kubernetes objects are checked against their kind's schema (fabric8's typed model or
 * the served CRDs) here, so a bad world file fails before any broker or emulator starts.
 */
package dev.credrift.sandbox.world.file;
