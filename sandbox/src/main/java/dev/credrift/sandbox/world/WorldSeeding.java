package dev.credrift.sandbox.world;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.tls.TestPki;
import dev.credrift.sandbox.world.spec.StoreSpec;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.VaultSpec;
import dev.credrift.sandbox.world.store.WorldStore;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the world file's starting state into the running servers: the store's buckets and users, the 1Password
 * vaults and items, the CA ConfigMaps, and the Connect token Secrets the world file leaves to the world.
 */
final class WorldSeeding {

    private static final Logger LOG = LoggerFactory.getLogger(WorldSeeding.class);

    private WorldSeeding() {}

    /**
     * Users first (with their admin caps), then buckets (on RGW the first user creates them, so owns them), then
     * suspensions (a suspended owner could not create its buckets).
     */
    static void seedStore(StoreSpec spec, WorldStore store) {
        for (StoreUserSpec user : spec.users()) {
            if (user.keys().isPresent()) {
                store.users().addUser(user.name(), user.keys().get());
            } else {
                store.users().addUser(user.name());
            }
        }
        spec.users().forEach(user -> user.caps().ifPresent(caps -> store.grantCaps(user.name(), caps)));
        Optional<String> owner = spec.users().stream().findFirst().map(StoreUserSpec::name);
        spec.buckets().forEach(bucket -> store.createBucket(bucket, owner));
        spec.users().stream().filter(StoreUserSpec::suspended).forEach(user -> store.suspend(user.name()));
    }

    /**
     * Creates the vaults and their items, placeholders resolved.
     *
     * @throws WorldException naming the item whose value did not resolve
     */
    static void seedOnePassword(
            List<VaultSpec> vaults,
            OnePasswordConnectEmulator onePassword,
            Function<String, Optional<String>> placeholders) {
        for (VaultSpec vault : vaults) {
            onePassword.createVault(vault.name());
            for (VaultSpec.Item item : vault.items()) {
                Map<String, String> fields = new LinkedHashMap<>();
                Map<String, Map<String, String>> sections = new LinkedHashMap<>();
                try {
                    item.fields().forEach((label, value) -> fields.put(label, value.resolve(placeholders)));
                    item.sections().forEach((section, sectionFields) -> {
                        Map<String, String> resolved = new LinkedHashMap<>();
                        sectionFields.forEach((label, value) -> resolved.put(label, value.resolve(placeholders)));
                        sections.put(section, resolved);
                    });
                } catch (IllegalArgumentException e) {
                    throw new WorldException(
                            item.location() + ": 1Password item " + item.title() + ": " + e.getMessage());
                }
                onePassword.putItem(vault.name(), item.title(), item.category(), fields, sections);
            }
        }
    }

    /** The CA's certificate into every ConfigMap the TLS section names, as a cluster's trust bundle would be. */
    static void publishCa(KubernetesClient client, TlsSpec tls, TestPki ca) {
        for (TlsSpec.CaConfigMap target : tls.publishCa()) {
            client.configMaps()
                    .inNamespace(target.namespace())
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withNamespace(target.namespace())
                            .withName(target.name())
                            .endMetadata()
                            .addToData(target.key(), ca.caCertificatePem())
                            .build())
                    .createOr(existing -> existing.update());
        }
    }

    /** SecretStores whose Connect token Secret the world file does not provide get the emulator's token. */
    static void provideConnectTokens(KubernetesClient client, SecretValue token, String worldName) {
        for (GenericKubernetesResource store : client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inAnyNamespace()
                .list()
                .getItems()) {
            Map<String, Object> ref =
                    store.get("spec", "provider", "onepassword", "auth", "secretRef", "connectTokenSecretRef");
            if (ref == null || !(ref.get("name") instanceof String name) || !(ref.get("key") instanceof String key)) {
                continue;
            }
            String namespace = ref.get("namespace") instanceof String ns
                    ? ns
                    : store.getMetadata().getNamespace();
            if (client.secrets().inNamespace(namespace).withName(name).get() == null) {
                client.secrets()
                        .inNamespace(namespace)
                        .resource(new SecretBuilder()
                                .withNewMetadata()
                                .withNamespace(namespace)
                                .withName(name)
                                .endMetadata()
                                .addToData(
                                        key,
                                        Base64.getEncoder()
                                                .encodeToString(token.reveal().getBytes(StandardCharsets.UTF_8)))
                                .build())
                        .create();
                LOG.info("world {}: wrote the 1Password Connect token into Secret {}/{}", worldName, namespace, name);
            }
        }
    }
}
