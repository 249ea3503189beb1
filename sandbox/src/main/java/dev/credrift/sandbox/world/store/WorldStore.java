package dev.credrift.sandbox.world.store;

import dev.credrift.sandbox.emulate.rook.ObjectStoreUsers;
import dev.credrift.sandbox.rgw.CephBinaries;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.world.spec.StoreBackend;
import dev.credrift.sandbox.world.spec.StoreSpec;
import java.net.URI;
import java.util.Optional;

/**
 * The S3 store of a running world, served by the S3 stand-in or by a real Ceph RGW. Errors never carry a secret
 * key (the RGW side parses radosgw-admin's output and never quotes it).
 */
public interface WorldStore extends AutoCloseable {

    /** What serves it. */
    StoreBackend backend();

    /** Where consumers, Rook's Secrets and credrift reach it, e.g. {@code http://127.0.0.1:41234}. */
    URI endpoint();

    /**
     * Its users and keys: create, add and remove keys, rotate, list (sorted by access key id, as RGW lists them).
     * On RGW a rotation is {@code radosgw-admin key create} for a new key, then {@code key rm} of every old one.
     */
    ObjectStoreUsers users();

    /**
     * Grants a user RGW admin capabilities ({@code radosgw-admin caps add}, e.g. {@code users=*}), what RGW's Admin Ops
     * API asks of its caller.
     *
     * @throws UnsupportedOperationException on the S3 stand-in, which has no Admin Ops API (the world file reader
     *                                       refuses such a world first, naming the field)
     */
    void grantCaps(String user, String caps);

    /** Suspends a user: its correctly signed requests get 403 {@code UserSuspended}. */
    void suspend(String user);

    /** Lifts a suspension. */
    void resume(String user);

    /**
     * Creates a bucket. On RGW a bucket belongs to whoever creates it, so {@code owner} (a user of this store) creates
     * it; the stand-in's buckets are open to every user and {@code owner} only documents intent.
     */
    void createBucket(String bucket, Optional<String> owner);

    /** The S3 stand-in, when it serves the store: for what only it can do (certificates, MinIO, STS). */
    Optional<S3StoreStandIn> standIn();

    /** Stops the store. */
    @Override
    void close();

    /**
     * Why a world with this store cannot start on this machine: a real RGW without the Ceph binaries, with the
     * {@code apt-get} line that installs them. Empty when it can.
     */
    static Optional<String> unavailableReason(StoreSpec spec) {
        if (spec.backend() != StoreBackend.RGW) {
            return Optional.empty();
        }
        return CephBinaries.missingReason()
                .map(reason -> "its store is a real Ceph RGW (store.backend: rgw); " + reason);
    }

    /**
     * Starts the store {@code spec} asks for: the S3 stand-in, or a real RGW (~3–5 s); either over HTTPS when given
     * a certificate (radosgw serves it from the start and cannot swap it later).
     *
     * @throws dev.credrift.sandbox.rgw.RealRgwException when the RGW cannot start; without the Ceph binaries the
     *                                                   message says how to install them
     */
    static WorldStore start(StoreSpec spec, Optional<ServerCertificate> certificate) {
        if (spec.backend() == StoreBackend.RGW) {
            RealRgw.Builder rgw = RealRgw.builder();
            certificate.ifPresent(rgw::https);
            return new RgwStore(rgw.start());
        }
        return new StandInStore(certificate.map(S3StoreStandIn::startHttps).orElseGet(S3StoreStandIn::startHttp));
    }

    /** A world store served by this stand-in (closing it closes the stand-in). */
    static WorldStore of(S3StoreStandIn standIn) {
        return new StandInStore(standIn);
    }
}
