/**
 * The store port of managed rotation (issue 17): {@link dev.credrift.reconciler.rotate.keys.RotationKeys} mints a
 * second key for a store user, recovers it after a restart where the store keeps it, and revokes the old one. One
 * implementation per store credrift can mint on: MinIO service accounts (admin API), Rook {@code CephObjectStoreUser}s
 * with {@code spec.keys} (credrift owns the key Secrets it adds to the list, Rook applies them), and the same users
 * with an RGW admin credential (Admin Ops mints and revokes at once; the list is kept in step so Rook keeps the key).
 * The handler's rotation steps use only the port, so they do not know which store they rotate on.
 */
package dev.credrift.reconciler.rotate.keys;
