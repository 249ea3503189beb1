package dev.credrift.sandbox.world.store;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.rook.ObjectStoreUsers;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.world.spec.StoreBackend;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A real Ceph RGW on loopback as a world's store: its HTTPS endpoint when it has one, else plain HTTP. */
record RgwStore(RealRgw rgw) implements WorldStore {

    RgwStore {
        Objects.requireNonNull(rgw, "rgw");
    }

    @Override
    public StoreBackend backend() {
        return StoreBackend.RGW;
    }

    @Override
    public URI endpoint() {
        return rgw.httpsEndpoint().orElse(rgw.endpoint());
    }

    @Override
    public ObjectStoreUsers users() {
        return ObjectStoreUsers.of(rgw);
    }

    @Override
    public void grantCaps(String user, String caps) {
        rgw.grantCaps(user, caps);
    }

    @Override
    public void suspend(String user) {
        rgw.suspend(user);
    }

    @Override
    public void resume(String user) {
        rgw.resume(user);
    }

    /**
     * Created with the owner's first key over S3 (plain HTTP, which radosgw serves next to HTTPS), as a bucket on RGW
     * is: it then belongs to that user.
     */
    @Override
    public void createBucket(String bucket, Optional<String> owner) {
        String user = owner.orElseThrow(() -> new IllegalArgumentException(
                "bucket " + bucket + ": a real RGW bucket belongs to a user; name the user that creates it"));
        List<Credential> keys = rgw.user(user).keys();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "bucket " + bucket + ": RGW user '" + user + "' has no S3 key to" + " create it with");
        }
        rgw.createBucket(keys.get(0), bucket);
    }

    @Override
    public Optional<S3StoreStandIn> standIn() {
        return Optional.empty();
    }

    @Override
    public void close() {
        rgw.close();
    }

    @Override
    public String toString() {
        return rgw.toString();
    }
}
