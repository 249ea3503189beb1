/**
 * Secrets credrift itself uses, read from mounted files: one reader shared by the watcher and the reconciler, so
 * both pick up a rotated Secret the same way and report a bad file the same way (the file, never its content).
 */
package dev.credrift.api.secret;
