package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Rook {@code CephObjectStoreUser}. Rook writes its keys to the secret {@link #secretName()} in the same namespace
 * (keys {@code AccessKey}, {@code SecretKey}, {@code Endpoint}).
 *
 * @param namespace the Rook cluster namespace holding the user, e.g. {@code storage}
 * @param store     the {@code CephObjectStore} name
 * @param user      the {@code CephObjectStoreUser} name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RookObjectUserSource(String namespace, String store, String user) implements SourceKind {

    /** Rook's naming rule for the user's key secret: {@code rook-ceph-object-user-<store>-<user>}. */
    @JsonIgnore
    public String secretName() {
        return "rook-ceph-object-user-" + store + "-" + user;
    }

    @Override
    public String fieldName() {
        return "rookObjectUser";
    }
}
