/**
 * The write side of the Connect client: a PATCH of exactly the binding's fields, then a read-back until the write is
 * visible. Only the reconciler writes to the vault; import-control keeps the watcher out of this package.
 */
package dev.credrift.connect.write;
