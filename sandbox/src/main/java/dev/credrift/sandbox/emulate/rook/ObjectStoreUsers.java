package dev.credrift.sandbox.emulate.rook;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import java.util.List;
import java.util.Objects;

/**
 * The object store's user administration, as Rook's controller uses it: the S3 stand-in, or a real RGW (so that the
 * Rook user Secret carries keys a real RGW generated).
 */
public interface ObjectStoreUsers {

    /** Creates a user with a generated key and returns it. */
    Credential addUser(String user);

    /** Creates a user with exactly this key. */
    void addUser(String user, Credential credential);

    /** Adds a generated key; the user's other keys stay valid. */
    Credential addKey(String user);

    /** Adds exactly this key. */
    void addKey(String user, Credential credential);

    /** Removes one of the user's keys. */
    void removeKey(String user, String accessKeyId);

    /** Replaces all of the user's keys with one new generated key. */
    Credential rotate(String user);

    /**
     * The user's keys sorted by access key id, as RGW lists them.
     *
     * @throws IllegalArgumentException if the user does not exist
     */
    List<Credential> keys(String user);

    /** Deletes the user and its keys. */
    void removeUser(String user);

    /** The S3 stand-in's users. */
    static ObjectStoreUsers of(S3StoreStandIn store) {
        Objects.requireNonNull(store, "store");
        return new ObjectStoreUsers() {
            @Override
            public Credential addUser(String user) {
                return store.addUser(user);
            }

            @Override
            public void addUser(String user, Credential credential) {
                store.addUser(user, credential);
            }

            @Override
            public Credential addKey(String user) {
                return store.addKey(user);
            }

            @Override
            public void addKey(String user, Credential credential) {
                store.addKey(user, credential);
            }

            @Override
            public void removeKey(String user, String accessKeyId) {
                store.removeKey(accessKeyId);
            }

            @Override
            public Credential rotate(String user) {
                return store.rotate(user);
            }

            @Override
            public List<Credential> keys(String user) {
                return store.keys(user);
            }

            @Override
            public void removeUser(String user) {
                store.removeUser(user);
            }

            @Override
            public String toString() {
                return store.toString();
            }
        };
    }

    /** A real RGW's users, through {@code radosgw-admin}. */
    static ObjectStoreUsers of(RealRgw rgw) {
        Objects.requireNonNull(rgw, "rgw");
        return new ObjectStoreUsers() {
            @Override
            public Credential addUser(String user) {
                return rgw.createUser(user);
            }

            @Override
            public void addUser(String user, Credential credential) {
                rgw.createUser(user, credential);
            }

            @Override
            public Credential addKey(String user) {
                return rgw.addKey(user);
            }

            @Override
            public void addKey(String user, Credential credential) {
                rgw.addKey(user, credential);
            }

            @Override
            public void removeKey(String user, String accessKeyId) {
                rgw.removeKey(user, accessKeyId);
            }

            /** As an operator regenerates keys on RGW: a new key first, then every old one removed. */
            @Override
            public Credential rotate(String user) {
                List<Credential> old = rgw.user(user).keys();
                Credential fresh = rgw.addKey(user);
                old.forEach(key -> rgw.removeKey(user, key.accessKeyId()));
                return fresh;
            }

            @Override
            public List<Credential> keys(String user) {
                if (!rgw.userExists(user)) {
                    throw new IllegalArgumentException("RGW user '" + user + "' does not exist");
                }
                return rgw.user(user).keys();
            }

            @Override
            public void removeUser(String user) {
                rgw.removeUser(user);
            }

            @Override
            public String toString() {
                return rgw.toString();
            }
        };
    }
}
