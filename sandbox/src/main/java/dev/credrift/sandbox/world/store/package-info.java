/**
 * A world's S3 store, whichever serves it ({@code store.backend} of a world file): the S3 stand-in in this JVM, or
 * a real Ceph RGW on loopback. {@link dev.credrift.sandbox.world.store.WorldStore} is what the world, its timeline,
 * its checks and the Rook emulator use: endpoint, users and keys (through Rook's
 * {@link dev.credrift.sandbox.emulate.rook.ObjectStoreUsers}), suspension, buckets. What only the stand-in can do
 * (swap certificates, front MinIO and STS) stays on {@link dev.credrift.sandbox.s3.S3StoreStandIn}, reached through
 * {@code standIn()}; world files that need it with a real RGW are refused when read.
 */
package dev.credrift.sandbox.world.store;
