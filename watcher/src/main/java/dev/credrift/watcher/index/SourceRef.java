package dev.credrift.watcher.index;

import dev.credrift.watcher.resource.ObjectKey;

/** Where a binding's source credential is read from, once resolved against the cluster. */
public sealed interface SourceRef {

    /** The Secret holding the pair. */
    ObjectKey secret();

    /** Data key of the access key id. */
    String accessKeyIdKey();

    /** Data key of the secret access key. */
    String secretAccessKeyKey();

    /**
     * A Rook {@code CephObjectStoreUser} and the Secret Rook wrote its keys to.
     *
     * @param user   the CephObjectStoreUser
     * @param secret {@code status.info.secretName}, or Rook's naming rule while the user has no status
     */
    record Rook(ObjectKey user, ObjectKey secret) implements SourceRef {
        public static final String ACCESS_KEY = "AccessKey";
        public static final String SECRET_KEY = "SecretKey";
        public static final String ENDPOINT = "Endpoint";

        @Override
        public String accessKeyIdKey() {
            return ACCESS_KEY;
        }

        @Override
        public String secretAccessKeyKey() {
            return SECRET_KEY;
        }
    }

    /** Any Secret the binding names, with the keys it names. Watched by name: it carries no label we know. */
    record Named(ObjectKey secret, String accessKeyIdKey, String secretAccessKeyKey) implements SourceRef {}
}
