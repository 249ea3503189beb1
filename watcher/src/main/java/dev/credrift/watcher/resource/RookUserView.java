package dev.credrift.watcher.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/**
 * What credrift needs from a Rook {@code CephObjectStoreUser} ({@code ceph.rook.io/v1}): the name of the Secret
 * Rook wrote its keys to ({@code status.info.secretName}) and its phase. Read from the untyped object; never throws.
 *
 * @param secretName the key Secret's name as Rook reports it, when it does
 * @param phase      {@code status.phase}, e.g. {@code Ready}, when set
 */
public record RookUserView(Optional<String> secretName, Optional<String> phase) {

    public static RookUserView of(GenericKubernetesResource user) {
        Object status = user.getAdditionalProperties().get("status");
        String secretName = Fields.string(status, "info", "secretName");
        boolean usable = secretName != null
                && ExternalSecretView.NAME.matcher(secretName).matches();
        return new RookUserView(
                usable ? Optional.of(secretName) : Optional.empty(),
                Optional.ofNullable(Fields.string(status, "phase")));
    }
}
