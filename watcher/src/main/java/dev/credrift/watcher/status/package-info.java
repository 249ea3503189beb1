/**
 * The one part of a CredentialBinding's status the watcher owns: the {@code Valid} condition, written through the
 * status subresource with a JSON merge patch, only when it changes.
 */
package dev.credrift.watcher.status;
