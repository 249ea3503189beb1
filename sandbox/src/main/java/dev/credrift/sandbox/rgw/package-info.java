/**
 * A real Ceph RADOS Gateway on loopback, for the test tier that must prove what the S3 stand-in
 * ({@link dev.credrift.sandbox.s3.S3StoreStandIn}) only claims about RGW: error codes, key overlap, key order,
 * no propagation delay — and the store of worlds with {@code store.backend: rgw} (story 1's twin).
 *
 * <p>{@link dev.credrift.sandbox.rgw.RealRgw} starts a single-host cluster from Debian's Ceph binaries — one
 * monitor, one memstore OSD, one radosgw (beast), authentication off, everything under one temporary directory
 * and bound to 127.0.0.1 — in about 2 to 3 seconds, and manages users and keys through {@code radosgw-admin}.
 * {@code RealRgwExtension} (module test-support, same package) hands one to each test class; without the binaries such
 * tests are skipped, or fail with the install line when {@code CI=true}. Recipe and measurements:
 * {@code ceph-rgw-notes.md} (the test worlds: docs/architecture.md §7).
 *
 * <p>{@code radosgw-admin} prints secret keys: its output is parsed, never logged or quoted in an exception.
 */
package dev.credrift.sandbox.rgw;
