package dev.credrift.reconciler.it;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Story 1's Rook user loki with {@code spec.keys} (Rook 1.17+): the operator's key Secret and the user naming it. */
final class RookSpecKeysUser {

    /** The operator's Secret with loki's first key: credrift did not create it, so never deletes it. */
    static final String INITIAL_KEY = "loki-initial-key";

    private RookSpecKeysUser() {}

    /** The user object listing {@link #INITIAL_KEY} in {@code spec.keys}; with {@code key}, that Secret too. */
    static void create(ItWorld world, Optional<Credential> key) {
        key.ifPresent(k -> world.client
                .secrets()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ItWorld.ROOK_NS)
                        .withName(INITIAL_KEY)
                        .endMetadata()
                        .addToData("AccessKey", b64(k.accessKeyId()))
                        .addToData("SecretKey", b64(k.secret().reveal()))
                        .build())
                .create());
        world.client
                .genericKubernetesResources(KubeGateway.ROOK_OBJECT_USERS)
                .inNamespace(ItWorld.ROOK_NS)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("ceph.rook.io/v1")
                        .withKind("CephObjectStoreUser")
                        .withNewMetadata()
                        .withName(ItWorld.USER)
                        .withNamespace(ItWorld.ROOK_NS)
                        .endMetadata()
                        .addToAdditionalProperties(
                                "spec",
                                Map.of(
                                        "store",
                                        "storage",
                                        "keys",
                                        List.of(Map.of(
                                                "accessKeyRef", Map.of("name", INITIAL_KEY, "key", "AccessKey"),
                                                "secretKeyRef", Map.of("name", INITIAL_KEY, "key", "SecretKey")))))
                        .build())
                .create();
    }

    /** The user object's {@code spec.keys} as the API server holds it now. */
    static List<?> specKeys(ItWorld world) {
        GenericKubernetesResource user = world.client
                .genericKubernetesResources(KubeGateway.ROOK_OBJECT_USERS)
                .inNamespace(ItWorld.ROOK_NS)
                .withName(ItWorld.USER)
                .get();
        Object spec = user.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m && m.get("keys") instanceof List<?> keys ? keys : List.of();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
