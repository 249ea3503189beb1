package dev.credrift.sandbox.world.store;

import dev.credrift.sandbox.emulate.rook.ObjectStoreUsers;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.world.spec.StoreBackend;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** The S3 stand-in as a world's store. */
record StandInStore(S3StoreStandIn store) implements WorldStore {

    StandInStore {
        Objects.requireNonNull(store, "store");
    }

    @Override
    public StoreBackend backend() {
        return StoreBackend.STAND_IN;
    }

    @Override
    public URI endpoint() {
        return store.endpoint();
    }

    @Override
    public ObjectStoreUsers users() {
        return ObjectStoreUsers.of(store);
    }

    @Override
    public void grantCaps(String user, String caps) {
        throw new UnsupportedOperationException("store user " + user
                + ": RGW admin caps need a real RGW (store.backend: rgw); the S3 stand-in has" + " no Admin Ops API");
    }

    @Override
    public void suspend(String user) {
        store.suspend(user);
    }

    @Override
    public void resume(String user) {
        store.resume(user);
    }

    @Override
    public void createBucket(String bucket, Optional<String> owner) {
        store.createBucket(bucket);
    }

    @Override
    public Optional<S3StoreStandIn> standIn() {
        return Optional.of(store);
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
