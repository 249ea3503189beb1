package dev.credrift.app.rotate;

import java.util.List;
import java.util.Map;

/**
 * Whether a binding can be asked to rotate, from the binding as the API server returns it: a binding with
 * {@code spec.rotation} can (the reconciler says in {@code status.rotation} if it then refuses, e.g. a Rook user
 * without {@code spec.keys}); without it only a MinIO source can, since its admin credential is in the binding.
 */
sealed interface RotateRequest {

    /** The annotation that asks for a rotation; its value is the request's token. */
    String ANNOTATION = "credrift.dev/rotate-now";

    /** The request may be made. */
    record Go() implements RotateRequest {}

    /** The request is refused; {@code reason} says why and what to do, naming the binding. */
    record Refused(String reason) implements RotateRequest {}

    /** Decides for {@code binding} (its {@code spec} as a map; never holds a secret). */
    static RotateRequest decide(String binding, Map<String, Object> spec) {
        if (spec == null) {
            return new Refused("CredentialBinding " + binding + " has no spec");
        }
        if (spec.get("rotation") instanceof Map<?, ?>) {
            return new Go();
        }
        Object source = spec.get("source");
        List<String> kinds = source instanceof Map<?, ?> map
                ? map.keySet().stream().map(String::valueOf).sorted().toList()
                : List.of();
        if (kinds.contains("minio")) {
            return new Go();
        }
        String kind = kinds.isEmpty() ? "none" : String.join(", ", kinds);
        String why = switch (kind) {
            case "webIdentity" -> "its source is role-based (webIdentity): there is no static key to rotate";
            case "rookObjectUser" ->
                "its source is a Rook object store user, which Rook must keep in spec.keys (Rook 1.17+) to be"
                        + " rotated; spec.rotation.adminSecretRef (an RGW admin credential) is optional";
            case "secret" ->
                "its source is a plain Secret: credrift rotates it only as a plain RGW user (spec.rotation.rgwUser"
                        + " and spec.rotation.adminSecretRef), else spec.rotation.maxAge alerts on its age";
            default -> "its source (" + kind + ") cannot be rotated by credrift";
        };
        return new Refused("CredentialBinding " + binding + " has no spec.rotation and " + why
                + "; add spec.rotation to the binding (README: Managed rotation)");
    }
}
