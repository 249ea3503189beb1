package dev.credrift.sandbox.emulate.rook;

import dev.credrift.events.credential.Credential;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secret Rook writes for an object-store user ({@code generateCephUserSecret} in Rook's object user
 * controller): its name, type, labels, keys and controller owner reference.
 */
public final class RookUserSecret {

    /** Rook's secret type. */
    public static final String TYPE = "kubernetes.io/rook";
    /** The {@code app} label value of every RGW object. */
    public static final String APP = "rook-ceph-rgw";
    /** Data key of the access key id. */
    public static final String ACCESS_KEY = "AccessKey";
    /** Data key of the secret access key. */
    public static final String SECRET_KEY = "SecretKey";
    /** Data key of the store endpoint. */
    public static final String ENDPOINT = "Endpoint";

    private RookUserSecret() {}

    /** {@code rook-ceph-object-user-<store>-<user>}. */
    public static String name(String store, String user) {
        return "rook-ceph-object-user-" + store + "-" + user;
    }

    /**
     * The Secret for {@code user} (a CephObjectStoreUser) holding {@code credential}, in the user's namespace.
     *
     * @param clusterNamespace the namespace of the CephCluster ({@code rook_cluster} label)
     */
    static Secret build(
            GenericKubernetesResource user,
            String store,
            String clusterNamespace,
            Credential credential,
            URI endpoint) {
        String userName = user.getMetadata().getName();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", APP);
        labels.put("user", userName);
        labels.put("rook_cluster", clusterNamespace);
        labels.put("rook_object_store", store);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ACCESS_KEY, base64(credential.accessKeyId()));
        data.put(SECRET_KEY, base64(credential.secret().reveal()));
        data.put(ENDPOINT, base64(endpoint.toString()));
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name(store, userName))
                .withNamespace(user.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(user.getApiVersion())
                        .withKind(user.getKind())
                        .withName(userName)
                        .withUid(user.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withType(TYPE)
                .withData(data)
                .build();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
