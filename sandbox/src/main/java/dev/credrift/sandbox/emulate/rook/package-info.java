/**
 * Rook's object-store-user controller, emulated: each {@code CephObjectStoreUser} gets a user in the S3 stand-in
 * and the Secret {@code rook-ceph-object-user-<store>-<user>} in exactly Rook's format (type
 * {@code kubernetes.io/rook}; {@code AccessKey}, {@code SecretKey}, {@code Endpoint}; Rook's labels; owned by the
 * user object). Keys can be rotated on demand, as when RGW regenerates them — story 1 of architecture.md §1. Through
 * {@link dev.credrift.sandbox.emulate.rook.ObjectStoreUsers} the users can live on a real RGW instead
 * ({@code dev.credrift.sandbox.rgw.RealRgw}), so that the Secret carries keys RGW generated.
 */
package dev.credrift.sandbox.emulate.rook;
