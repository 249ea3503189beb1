package dev.credrift.sandbox.emulate.eso;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ESO's store lookup for the {@code onepassword} provider: reads the referenced SecretStore and its Connect token
 * Secret and answers a {@link OnePasswordProvider} for them, or a {@link ProviderException} saying, as ESO does,
 * which part of the reference is missing or wrong. Only {@code SecretStore} references are emulated.
 */
final class OnePasswordStores implements SecretSource.Resolver {

    private final KubernetesClient client;
    private final HttpClient http;

    /**
     * @param client where SecretStores and token Secrets live
     * @param http   how the provider reaches 1Password Connect
     */
    OnePasswordStores(KubernetesClient client, HttpClient http) {
        this.client = client;
        this.http = http;
    }

    @Override
    public SecretSource resolve(String namespace, String kind, String name) throws ProviderException {
        if (!"SecretStore".equals(kind)) {
            throw new ProviderException("the sandbox's ESO emulates SecretStore references only, not " + kind);
        }
        if (name == null || name.isEmpty()) {
            throw new ProviderException("spec.secretStoreRef.name is required");
        }
        GenericKubernetesResource store = client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (store == null) {
            throw new ProviderException("could not get store: SecretStore " + namespace + "/" + name + " not found");
        }
        Map<String, Object> onePassword = store.get("spec", "provider", "onepassword");
        if (onePassword == null) {
            throw new ProviderException("SecretStore " + namespace + "/" + name
                    + " has no onepassword provider; the sandbox emulates only 1Password Connect");
        }
        Object host = onePassword.get("connectHost");
        if (!(host instanceof String connectHost) || connectHost.isEmpty()) {
            throw new ProviderException("SecretStore " + namespace + "/" + name + ": connectHost is required");
        }
        Map<String, Integer> vaults = new LinkedHashMap<>();
        if (onePassword.get("vaults") instanceof Map<?, ?> raw) {
            for (Map.Entry<?, ?> entry : raw.entrySet()) {
                vaults.put(
                        String.valueOf(entry.getKey()),
                        entry.getValue() instanceof Number n ? n.intValue() : Integer.MAX_VALUE);
            }
        }
        Map<String, Object> tokenRef =
                store.get("spec", "provider", "onepassword", "auth", "secretRef", "connectTokenSecretRef");
        if (tokenRef == null
                || !(tokenRef.get("name") instanceof String tokenSecret)
                || !(tokenRef.get("key") instanceof String tokenKey)) {
            throw new ProviderException("SecretStore " + namespace + "/" + name
                    + ": auth.secretRef.connectTokenSecretRef must name a Secret and a key");
        }
        String tokenNamespace = tokenRef.get("namespace") instanceof String ns ? ns : namespace;
        Secret secret = client.secrets()
                .inNamespace(tokenNamespace)
                .withName(tokenSecret)
                .get();
        String encoded = secret == null || secret.getData() == null
                ? null
                : secret.getData().get(tokenKey);
        if (encoded == null) {
            throw new ProviderException("could not get Connect token: Secret " + tokenNamespace + "/" + tokenSecret
                    + " or its key " + tokenKey + " does not exist");
        }
        SecretValue token = SecretValue.fromUtf8(Base64.getDecoder().decode(encoded));
        URI uri;
        try {
            uri = URI.create(connectHost);
        } catch (IllegalArgumentException e) {
            throw new ProviderException("SecretStore " + namespace + "/" + name + ": connectHost is not a URL");
        }
        return new OnePasswordProvider(http, uri, token, vaults);
    }
}
