package dev.credrift.reconciler.minio;

import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reads the MinIO admin credential from the Secret a binding names ({@code spec.source.minio.adminSecretRef}). */
public final class AdminCredentials {

    private AdminCredentials() {}

    /**
     * Blocking (one Secret read).
     *
     * @param bindingNamespace where the Secret is when the reference names no namespace
     * @throws MinioAdminException {@code ADMIN_SECRET_UNREADABLE} naming the Secret and the key, never a value
     */
    public static Credential read(KubeGateway kube, String bindingNamespace, AdminSecretRef ref) {
        return read(kube, bindingNamespace, ref, "spec.source.minio.adminSecretRef");
    }

    /** As {@link #read(KubeGateway, String, AdminSecretRef)}, naming {@code field} as the reference's place. */
    public static Credential read(KubeGateway kube, String bindingNamespace, AdminSecretRef ref, String field) {
        String namespace = ref.namespace() == null ? bindingNamespace : ref.namespace();
        String where = "Secret " + namespace + "/" + ref.name() + " (" + field + ")";
        Secret secret = kube.secret(namespace, ref.name()).orElseThrow(() -> unreadable(where + " does not exist"));
        String accessKey = value(secret, ref.accessKeyKey(), where);
        String secretKey = value(secret, ref.secretKeyKey(), where);
        return new Credential(accessKey, SecretValue.of(secretKey));
    }

    private static String value(Secret secret, String key, String where) {
        Map<String, String> data = secret.getData();
        String encoded = Optional.ofNullable(data).map(d -> d.get(key)).orElse(null);
        if (encoded == null) {
            throw unreadable(where + " has no key '" + key + "'");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unreadable(where + " key '" + key + "' is not base64");
        }
        if (decoded.isBlank()) {
            throw unreadable(where + " key '" + key + "' is empty");
        }
        return decoded.strip();
    }

    private static MinioAdminException unreadable(String message) {
        return new MinioAdminException(MinioAdminException.Kind.ADMIN_SECRET_UNREADABLE, null, message);
    }
}
