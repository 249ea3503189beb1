/**
 * Reading world files: YAML parsed into a tree that remembers where each value was written, bound into a
 * {@link dev.credrift.sandbox.world.spec.WorldSpec} with every problem reported as a
 * {@link dev.credrift.sandbox.world.file.WorldFileException} naming the file, line, column and field — never a
 * stack trace, never a value from the file (a value may be a secret).
 */
package dev.credrift.sandbox.world.file;
