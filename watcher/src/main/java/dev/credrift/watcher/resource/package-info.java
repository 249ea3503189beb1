/**
 * Reading cluster objects without trusting them: ExternalSecrets, CephObjectStoreUsers and CredentialBindings are
 * read from untyped objects into small views, pods into the facts consumers are judged by. A malformed object
 * becomes typed problems naming the field, never an exception and never a value.
 */
package dev.credrift.watcher.resource;
